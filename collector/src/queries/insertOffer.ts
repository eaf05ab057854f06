import type { ClickHouseClient } from '@clickhouse/client'
import type { Offer } from '../live/LiveMessage.ts'

/** Keeps an offer, so a visitor's answer is checked against it on any collector, now or later. */
export async function insertOffer(
  client: ClickHouseClient,
  site: string,
  session: string,
  offer: Offer,
): Promise<void> {
  await client.insert({
    table: 'offers',
    values: [{ site, session, id: offer.id, at: offer.at, by: offer.by, message: offer.message }],
    format: 'JSONEachRow',
  })
}
