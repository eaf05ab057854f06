import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { CONVERSIONS } from './conversions.ts'
import { issuePathSql, SEGMENT_FILTER, segmentParams, type Segment } from './segment.ts'
import type { GoalMatch } from '../issues/goalPatterns.ts'

/** One session worth watching. */
export interface SessionRow {
  session: string
  /** First and last event, epoch ms. */
  start: number
  end: number
  /** Page views. */
  pages: number
  /** Frustration signals. */
  signals: number
  /** Frustration points: each signal's weight summed (no decay), as the struggle score weighs them. */
  score: number
  /** Device class, browser and OS families of its first page view. */
  device: string
  browser: string
  os: string
  converted: boolean
  /** Value of its goals (0 when none carried one). */
  value: number
  /** Whether replay runs are stored for it. */
  replay: boolean
  /** Its signal types, for the list's badges. */
  types: string[]
}

export interface SessionFilter extends Range, Segment {
  /** Only sessions with a signal of this type. */
  type?: string
  /** Only sessions that viewed this page path (`issuePath`). */
  path?: string
  /** Only sessions with an issue on this element (with `path` and `type`: one issue's sessions). */
  selector?: string
  minScore?: number
  converted?: boolean
}

/**
 * Sessions of a site in a range, most frustrated first. `weights` are the struggle score's
 * points per signal type (the snippet's `WEIGHTS`); other types weigh 1.
 */
export async function querySessionList(
  client: ClickHouseClient,
  f: SessionFilter,
  goals: GoalMatch,
  weights: Record<string, number>,
  limit = 200,
): Promise<SessionRow[]> {
  const path = issuePathSql('url')
  const rs = await client.query({
    query: `WITH conv AS (${CONVERSIONS}),
      pv AS (
        SELECT session, min(ts) AS first, max(ts) AS last, count() AS pages,
          argMin(device, ts) AS device, argMin(browser, ts) AS browser, argMin(os, ts) AS os, groupUniqArray(${path}) AS paths
        FROM page_views FINAL WHERE ${RANGE_FILTER} GROUP BY session
      ),
      sg AS (
        SELECT session, count() AS n, sum(transform(type, {wtypes:Array(String)}, {wvalues:Array(Float64)}, 1.0)) AS points,
          groupUniqArray(type) AS types, max(ts) AS last,
          countIf(({type:String} = '' OR type = {type:String}) AND ({selector:String} = '' OR selector = {selector:String})
            AND ({path:String} = '' OR ${path} = {path:String})) AS matching
        FROM signals FINAL WHERE ${RANGE_FILTER} GROUP BY session
      ),
      rp AS (
        SELECT DISTINCT session FROM replay_chunks
        WHERE site = {site:String} AND ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
      )
      SELECT pv.session AS session, toUnixTimestamp64Milli(pv.first) AS start_ms, toUnixTimestamp64Milli(greatest(pv.last, sg.last)) AS end_ms,
        pv.pages AS pages, sg.n AS signals, sg.points AS score, pv.device AS device, pv.browser AS browser, pv.os AS os,
        conv.converted AS converted, conv.value AS value, rp.session != '' AS replay, sg.types AS types
      FROM pv
      LEFT JOIN sg ON sg.session = pv.session
      LEFT JOIN conv ON conv.session = pv.session
      LEFT JOIN rp ON rp.session = pv.session
      WHERE ${SEGMENT_FILTER}
        AND (({type:String} = '' AND {selector:String} = '') OR sg.matching > 0)
        AND ({path:String} = '' OR has(pv.paths, {path:String}) OR sg.matching > 0)
        AND sg.points >= {minScore:Float64}
        AND ({converted:Int8} = -1 OR conv.converted = {converted:Int8})
      ORDER BY score DESC, start_ms DESC
      LIMIT {limit:UInt32}`,
    query_params: {
      ...f,
      ...goals,
      ...segmentParams(f),
      type: f.type ?? '',
      selector: f.selector ?? '',
      path: f.path ?? '',
      minScore: f.minScore ?? 0,
      converted: f.converted === undefined ? -1 : f.converted ? 1 : 0,
      wtypes: Object.keys(weights),
      wvalues: Object.values(weights),
      limit,
    },
    format: 'JSONEachRow',
  })
  type Num = string | number
  const rows = await rs.json<{
    session: string
    start_ms: Num
    end_ms: Num
    pages: Num
    signals: Num
    score: Num
    device: string
    browser: string
    os: string
    converted: Num
    value: Num
    replay: Num | boolean
    types: string[]
  }>()
  return rows.map((r) => ({
    session: r.session,
    start: Number(r.start_ms),
    end: Number(r.end_ms),
    pages: Number(r.pages),
    signals: Number(r.signals),
    score: Math.round(Number(r.score) * 10) / 10,
    device: r.device,
    browser: r.browser,
    os: r.os,
    converted: Number(r.converted) === 1,
    value: Number(r.value),
    replay: r.replay === true || Number(r.replay) === 1,
    types: r.types.sort(),
  }))
}
