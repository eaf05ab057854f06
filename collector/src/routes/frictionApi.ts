import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { queryFrictionPages } from '../queries/queryFrictionPages.ts'
import { queryFrictionElements } from '../queries/queryFrictionElements.ts'
import { queryTrend } from '../queries/queryTrend.ts'
import { queryStrugglingShare } from '../queries/queryStrugglingShare.ts'
import { queryVitals } from '../queries/queryVitals.ts'
import { querySegmentFamilies } from '../queries/querySegmentFamilies.ts'
import { valid } from '../validate/valid.ts'
import { rangeQuery } from '../validate/queries.ts'
import { parseSegment } from './parseSegment.ts'

/** Rows of each friction table: a ranking to act on, not an export. */
const FRICTION_ROWS = 50

/**
 * `/api/friction` (pages and elements ranked by signals) and `/api/overview` (signals over
 * time, struggling share and web vitals per page): the Friction view. Both take the segment
 * (`device=`, `browser=`, `os=`) the other views take, so every figure of the view counts the
 * same visitors. `/api/segments`: the device classes and families seen, which the segment
 * pickers of every view offer.
 */
export function frictionApi(client: ClickHouseClient) {
  return new Hono()
    .get('/friction', valid('query', rangeQuery), async (c) => {
      const range = c.req.valid('query')
      const segment = parseSegment(c.req.query())
      const [pages, elements] = await Promise.all([
        queryFrictionPages(client, range, FRICTION_ROWS, segment),
        queryFrictionElements(client, range, FRICTION_ROWS, segment),
      ])
      return c.json({ pages, elements })
    })
    .get('/overview', valid('query', rangeQuery), async (c) => {
      const range = c.req.valid('query')
      const segment = parseSegment(c.req.query())
      const [trend, struggling, vitals] = await Promise.all([
        queryTrend(client, range, segment),
        queryStrugglingShare(client, range, segment),
        queryVitals(client, range, segment),
      ])
      return c.json({ trend, struggling, vitals })
    })
    .get('/segments', valid('query', rangeQuery), async (c) =>
      c.json(await querySegmentFamilies(client, c.req.valid('query'))),
    )
}
