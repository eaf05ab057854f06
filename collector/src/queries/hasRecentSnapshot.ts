import type { ClickHouseClient } from '@clickhouse/client'

/** A page's snapshot is renewed after this long: layouts change with releases, a week keeps heatmaps faithful. */
export const SNAPSHOT_MAX_AGE_MS = 7 * 24 * 3600 * 1000

/**
 * Whether the store has a snapshot of this page at this viewport class newer than
 * {@link SNAPSHOT_MAX_AGE_MS} and than the page's latest "take a new snapshot" request,
 * or its site's (url `''`: every page, as when the site's text setting changes).
 */
export async function hasRecentSnapshot(
  client: ClickHouseClient,
  site: string,
  url: string,
  vc: string,
  now = Date.now(),
): Promise<boolean> {
  const rs = await client.query({
    query: `SELECT count() AS c FROM snapshots
      WHERE site = {site:String} AND url = {url:String} AND vc = {vc:String}
        AND ts >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')
        AND ts > (SELECT max(at) FROM snapshot_refresh WHERE site = {site:String} AND url IN ({url:String}, ''))`,
    query_params: { site, url, vc, since: now - SNAPSHOT_MAX_AGE_MS },
    format: 'JSONEachRow',
  })
  return Number((await rs.json<{ c: string }>())[0]?.c ?? 0) > 0
}
