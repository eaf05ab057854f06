import { Hono, type Context } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { SIGNAL_TYPES, type SignalType } from '@wince/snippet/wire'
import { ApiError } from '../ApiError.ts'
import { requireRole, type AuthEnv } from '../auth/requireRole.ts'
import type { Tokens } from '../auth/Tokens.ts'
import { issueId, issuePath } from '../issues/issueId.ts'
import type { Learning } from '../learning/Learning.ts'
import { learningView } from '../learning/learningView.ts'
import { VERDICT_REASONS, type Verdict } from '../learning/Verdict.ts'
import type { HelpDesk } from '../live/HelpDesk.ts'
import { insertVerdict } from '../queries/insertVerdict.ts'
import { queryAlertReasons } from '../queries/queryAlertReasons.ts'
import { queryVerdicts } from '../queries/queryVerdicts.ts'
import type { Sites } from '../sites/Sites.ts'
import { id } from '../validate/id.ts'
import { siteQuery } from '../validate/queries.ts'
import { valid } from '../validate/valid.ts'

export interface LearningDeps {
  client: ClickHouseClient
  sites: Sites
  tokens: Tokens
  token: string
  learning: Learning
  desk: HelpDesk
}

// z.enum wants a non-empty tuple; SIGNAL_TYPES is a non-empty const list.
const signalType = z.enum(SIGNAL_TYPES as [SignalType, ...SignalType[]], { error: `one of ${SIGNAL_TYPES.join(', ')}` })
const verdictBody = z.strictObject({
  site: id,
  /** An alert: the verdict is about its main reason (the issue it is grouped under). */
  alert: id.optional(),
  /** Or an issue row: its page path, element and type. */
  issue: z
    .strictObject({ url: z.string().min(1).max(2048), selector: z.string().max(1000), type: signalType })
    .optional(),
  verdict: z.enum(['real', 'not']),
  reason: z.enum(VERDICT_REASONS).optional(),
})
const ruleParam = z.object({
  id: z.string().regex(/^(tune-)?[0-9a-f]{12,16}$/, 'a rule or proposal id'),
  action: z.enum(['apply', 'reject', 'revert']),
})
const ruleBody = z.strictObject({ site: id, why: z.string().trim().max(500).optional() })

/**
 * Verdicts (agents), proposals and the rules admins decide on them:
 * `POST /verdicts`, `GET /verdicts`, `GET /learning`, `POST /rules/:id/apply|reject|revert` (admin).
 */
export function learningApi({ client, sites, tokens, token, learning, desk }: LearningDeps) {
  const siteOf = (site: string) => {
    if (!sites.get(site)) throw new ApiError(404, `no site "${site}"`)
    return site
  }
  const who = (c: Context<AuthEnv>) => {
    const p = c.get('principal')
    return p.tokenId === 'admin' ? 'admin' : (tokens.list().find((t) => t.id === p.tokenId)?.name ?? p.tokenId)
  }
  // Mounted behind `requireRole` (routes/api.ts): the principal is always set.
  return new Hono<AuthEnv>()
    .post('/verdicts', valid('json', verdictBody), async (c) => {
      const body = c.req.valid('json')
      const site = siteOf(body.site)
      let about: { url: string; selector: string; type: SignalType }
      if (body.alert) {
        // Remembered alerts first (the store receives them a moment later), of this site only.
        const known = desk.alerts.get(body.alert)
        const alert = known
          ? known.site === site
            ? known
            : undefined
          : await queryAlertReasons(client, site, body.alert)
        const main = alert?.reasons[0]
        if (!alert || !main) throw new ApiError(404, `no alert "${body.alert}" on site "${site}"`)
        about = { url: issuePath(alert.url), selector: main.sel, type: main.type }
      } else if (body.issue) about = { ...body.issue, url: issuePath(body.issue.url) }
      else throw new ApiError(400, 'alert or issue: what the verdict is about')
      const verdict: Verdict = {
        site,
        issue: issueId(site, about.url, about.selector, about.type),
        ...about,
        alertId: body.alert ?? '',
        verdict: body.verdict,
        reason: body.verdict === 'not' ? (body.reason ?? '') : '',
        by: who(c),
        at: Date.now(),
      }
      await insertVerdict(client, verdict)
      return c.json({ verdict }, 201)
    })
    .get(
      '/verdicts',
      valid(
        'query',
        siteQuery.extend({
          issue: z
            .string()
            .regex(/^[0-9a-f]{16}$/)
            .optional(),
        }),
      ),
      async (c) => {
        const q = c.req.valid('query')
        return c.json({ verdicts: await queryVerdicts(client, siteOf(q.site), q.issue) })
      },
    )
    .get('/learning', valid('query', siteQuery), async (c) => {
      const site = siteOf(c.req.valid('query').site)
      await learning.refresh()
      return c.json(await learningView(client, learning, site))
    })
    .post(
      '/rules/:id/:action{apply|reject|revert}',
      requireRole(tokens, token, 'admin'),
      valid('param', ruleParam),
      valid('json', ruleBody),
      async (c) => {
        const { id: ruleId, action } = c.req.valid('param')
        const body = c.req.valid('json')
        const site = siteOf(body.site)
        await learning.refresh()
        const by = who(c)
        const at = Date.now()
        if (action === 'revert') {
          const rule = learning.rules(site).find((r) => r.id === ruleId && r.status === 'applied')
          if (!rule) throw new ApiError(404, `no applied rule "${ruleId}" on site "${site}"`)
          const reverted = { ...rule, status: 'reverted' as const, why: body.why || rule.why, by, at }
          await learning.decide(reverted)
          return c.json({ rule: reverted })
        }
        const view = await learningView(client, learning, site)
        const proposal = [...view.proposals.suppress, ...view.proposals.tune].find((p) => p.id === ruleId)
        if (!proposal) throw new ApiError(404, `no open proposal "${ruleId}" on site "${site}"`)
        const base = {
          site,
          id: ruleId,
          status: action === 'apply' ? ('applied' as const) : ('rejected' as const),
          why: body.why || proposal.why,
          by,
          at,
        }
        const rule =
          proposal.kind === 'suppress'
            ? { ...base, kind: 'suppress' as const, spec: proposal.spec }
            : { ...base, kind: 'tune' as const, spec: proposal.spec }
        await learning.decide(rule)
        return c.json({ rule })
      },
    )
}
