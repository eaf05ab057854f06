import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { WEIGHTS } from '@wince/snippet/weights'
import { ApiError } from '../ApiError.ts'
import { isGoalName } from '../validate/goalName.ts'
import { goalMatch } from '../issues/goalPatterns.ts'
import { issuePath } from '../issues/issueId.ts'
import { querySessionList } from '../queries/querySessionList.ts'
import type { Sites } from '../sites/Sites.ts'
import { parseRange } from './parseRange.ts'
import { parseSegment } from './parseSegment.ts'

/** `GET /api/sessions`: sessions to watch, most frustrated first, filtered. */
export function sessionListApi(client: ClickHouseClient, sites: Sites) {
  return new Hono().get('/sessions', async (c) => {
    const q = c.req.query()
    const range = parseRange(q)
    if (q.type && !/^[a-z_]{1,32}$/.test(q.type)) throw new ApiError(400, 'type: a signal type such as rage_click')
    if (q.url && q.url.length > 2048) throw new ApiError(400, 'url: at most 2048 characters')
    if (q.selector && q.selector.length > 512) throw new ApiError(400, 'selector: at most 512 characters')
    const minScore = q.minScore ? Number(q.minScore) : 0
    if (!Number.isFinite(minScore) || minScore < 0) throw new ApiError(400, 'minScore: a number ≥ 0')
    if (q.converted && q.converted !== 'true' && q.converted !== 'false')
      throw new ApiError(400, 'converted: true or false')
    if (q.goal && !isGoalName(q.goal)) throw new ApiError(400, 'goal: a goal name of the site')
    const sessions = await querySessionList(
      client,
      {
        ...range,
        ...parseSegment(q),
        ...(q.type && { type: q.type }),
        ...(q.url && { path: issuePath(q.url) }),
        ...(q.selector && { selector: q.selector }),
        minScore,
        ...(q.converted && { converted: q.converted === 'true' }),
      },
      goalMatch(sites.get(range.site), q.goal ?? ''),
      WEIGHTS,
    )
    return c.json({ sessions })
  })
}
