import type { ClickHouseClient } from '@clickhouse/client'
import type { LiveMessage } from '../live/LiveBus.ts'

/** How long an unanswered offer still reaches a visitor whose channel opens late: an agent's offer is stale after this. */
export const OFFER_TTL_MS = 10 * 60 * 1000

/** Offers made to a session in the last {@link OFFER_TTL_MS} that it has not answered, oldest first. */
export async function queryPendingOffers(client: ClickHouseClient, site: string, session: string, now = Date.now()): Promise<LiveMessage[]> {
  const rs = await client.query({
    query: `SELECT id, toUnixTimestamp64Milli(at) AS at_ms, data FROM live_events
      WHERE kind = 'offer' AND site = {site:String} AND session = {session:String}
        AND at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
        AND JSONExtractString(data, 'id') NOT IN (
          SELECT JSONExtractString(data, 'offerId') FROM live_events
          WHERE kind = 'offer-answer' AND site = {site:String} AND session = {session:String}
            AND at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC'))
      ORDER BY at`,
    query_params: { site, session, from: now - OFFER_TTL_MS },
    format: 'JSONEachRow',
  })
  const rows = (await rs.json()) as Array<{ id: string; at_ms: string | number; data: string }>
  return rows.map((r) => ({ id: r.id, kind: 'offer', site, session, at: Number(r.at_ms), data: JSON.parse(r.data) }) as LiveMessage)
}
