import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { ApiError } from '../ApiError.ts'
import { isGoalName } from '../validate/goalName.ts'
import { jsonBody } from '../validate/valid.ts'
import type { AuthEnv } from '../auth/requireRole.ts'
import { listIssues, type Issue, type IssueStatus } from '../issues/listIssues.ts'
import { queryIssueTrend } from '../queries/queryIssueTrend.ts'
import { insertIssueStatus } from '../queries/insertIssueStatus.ts'
import type { Sites } from '../sites/Sites.ts'
import { parseRange } from './parseRange.ts'
import { parseSegment } from './parseSegment.ts'

const STATUSES = ['open', 'fixed', 'ignored'] as const satisfies readonly IssueStatus[]
const isStatus = (v: unknown): v is IssueStatus => STATUSES.some((s) => s === v)
/** Issues that get a trend with `trend=1`: the few the Friction view shows first. */
const TREND_TOP = 10

/** `/api/issues`: problems ranked by lost conversions, and their status. */
export function issuesApi(client: ClickHouseClient, sites: Sites) {
  // Mounted behind `requireRole` (routes/api.ts): the principal is always set.
  return new Hono<AuthEnv>()
    .get('/issues', async (c) => {
      const q = c.req.query()
      const range = parseRange(q)
      if (q.goal && !isGoalName(q.goal)) throw new ApiError(400, 'goal: a goal name of the site')
      const segment = parseSegment(q)
      const status = q.status
      if (status && !isStatus(status)) throw new ApiError(400, `status: one of ${STATUSES.join(', ')}`)
      if (q.trend !== undefined && q.trend !== '1')
        throw new ApiError(400, 'trend: 1 (sessions per day of the top issues) or leave it out')
      const all = await listIssues(client, sites.get(range.site), range, { goal: q.goal ?? '', segment })
      const issues: Issue[] = status ? all.filter((i) => i.status === status) : all
      if (q.trend === '1') {
        const top = issues.slice(0, TREND_TOP)
        const trend = await queryIssueTrend(
          client,
          range,
          top.map((i) => ({ path: i.url, selector: i.selector, type: i.type })),
          segment,
        )
        for (const i of top) i.trend = trend.get(`${i.url}\n${i.selector}\n${i.type}`) ?? []
      }
      return c.json({ issues })
    })
    .post('/issues/:id/status', async (c) => {
      const id = c.req.param('id')
      if (!/^[0-9a-f]{16}$/.test(id)) throw new ApiError(400, 'id: an issue id (16 hex digits)')
      // Checked field by field below, each with its own message.
      const body = (await jsonBody(c.req.raw)) as { site?: unknown; status?: unknown } | null
      if (typeof body?.site !== 'string' || !sites.get(body.site))
        throw new ApiError(400, 'site: the id of a configured site')
      if (!isStatus(body.status)) throw new ApiError(400, `status: one of ${STATUSES.join(', ')}`)
      const principal = c.get('principal')
      const at = Date.now()
      await insertIssueStatus(client, {
        site: body.site,
        issue: id,
        status: body.status,
        by: principal.tokenId,
        at,
      })
      return c.json({ id, status: body.status, at })
    })
}
