import type { ClickHouseClient } from '@clickhouse/client'
import { RANGE_FILTER, type Range } from './range.ts'
import { inSegment, segmentParams, type Segment } from './segment.ts'

export interface PageVitals {
  url: string
  name: 'LCP' | 'INP' | 'CLS'
  /** 75th percentile: the figure web-vitals' thresholds are set for. */
  p75: number
  samples: number
  /** The element most often attributed, scrubbed ('' if none). */
  element: string
}

/** LCP, INP and CLS at p75 per page (of a segment's page views, if given), with the element web-vitals blames most. */
export async function queryVitals(
  client: ClickHouseClient,
  range: Range,
  segment: Segment = {},
): Promise<PageVitals[]> {
  const rs = await client.query({
    query: `SELECT url, name, quantile(0.75)(value) AS p75, count() AS samples, topK(1)(selector)[1] AS element
      FROM vitals FINAL WHERE ${RANGE_FILTER} ${inSegment(segment)}
      GROUP BY url, name ORDER BY url, name LIMIT 600`,
    query_params: { ...range, ...segmentParams(segment) },
    format: 'JSONEachRow',
  })
  const rows = await rs.json<{
    url: string
    name: PageVitals['name']
    p75: number
    samples: string | number
    element: string
  }>()
  return rows.map((r) => ({
    url: r.url,
    name: r.name,
    p75: Math.round(Number(r.p75) * 1000) / 1000,
    samples: Number(r.samples),
    element: r.element,
  }))
}
