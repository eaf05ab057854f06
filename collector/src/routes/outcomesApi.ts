import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { ApiError } from '../ApiError.ts'
import { goalMatch } from '../issues/goalPatterns.ts'
import { outcomes } from '../learning/outcomes.ts'
import { queryOutcomeSessions } from '../queries/queryOutcomeSessions.ts'
import type { Sites } from '../sites/Sites.ts'
import { rangeQuery } from '../validate/queries.ts'
import { valid } from '../validate/valid.ts'

/** `GET /outcomes?site=&from=&to=`: did help help? Struggling sessions by the help they got. */
export function outcomesApi(client: ClickHouseClient, sites: Sites) {
  return new Hono().get('/outcomes', valid('query', rangeQuery), async (c) => {
    const range = c.req.valid('query')
    const site = sites.get(range.site)
    if (!site) throw new ApiError(404, `no site "${range.site}"`)
    const sessions = await queryOutcomeSessions(client, range, goalMatch(site))
    return c.json({
      site: site.id,
      from: range.from,
      to: range.to,
      goals: (site.goals ?? []).map((g) => g.name),
      ...outcomes(sessions),
    })
  })
}
