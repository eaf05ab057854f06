import { Hono } from 'hono'
import { randomBytes } from 'node:crypto'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { ApiError } from '../ApiError.ts'
import { requireRole, type Principal } from '../auth/requireRole.ts'
import type { Tokens } from '../auth/Tokens.ts'
import type { AlertState, LiveBus } from '../live/LiveBus.ts'
import { agentLook } from '../live/agentLook.ts'
import type { Sites } from '../sites/Sites.ts'

export interface LiveDeps {
  client: ClickHouseClient
  bus: LiveBus
  tokens: Tokens
  token: string
  sites: Sites
}

const STATES: Record<string, AlertState> = { claim: 'claimed', resolve: 'resolved', dismiss: 'dismissed', reopen: 'open' }
const id = z.string().regex(/^[\w-]{1,64}$/, 'letters, digits, _ or - only')
const actionBody = z.strictObject({ site: id, session: id, note: z.string().max(500).optional() })
const offerBody = z.strictObject({
  site: id,
  message: z.string().trim().min(1).max(500),
  link: z.string().max(2048).regex(/^https?:\/\//, 'an http(s) URL').optional(),
})

function param(value: string, name: string): string {
  if (!/^[\w-]{1,64}$/.test(value)) throw new ApiError(400, `${name}: letters, digits, _ or - only`)
  return value
}

async function parse<T>(schema: z.ZodType<T>, req: Request): Promise<T> {
  let body: unknown
  try {
    body = await req.json()
  } catch {
    throw new ApiError(400, 'body is not valid JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ApiError(400, `${issue.path.join('.') || '(body)'}: ${issue.message}`)
  }
  return parsed.data
}

/** `/api/alerts/:id/:action` and `/api/sessions/:session/offers`: what agents do about a struggle. */
export function liveRoutes({ client, bus, tokens, token, sites }: LiveDeps) {
  const who = (p: Principal) => (p.tokenId === 'admin' ? 'admin' : (tokens.list().find((t) => t.id === p.tokenId)?.name ?? p.tokenId))
  return new Hono()
    .use('/alerts/*', requireRole(tokens, token, 'agent'))
    .use('/sessions/*', requireRole(tokens, token, 'agent'))
    .post('/alerts/:id/:action{claim|resolve|dismiss|reopen}', async (c) => {
      const alertId = param(c.req.param('id'), 'id')
      const state = STATES[c.req.param('action')]!
      const body = await parse(actionBody, c.req.raw)
      const by = who(c.get('principal' as never) as Principal)
      const at = Date.now()
      const note = body.note ?? ''
      await client.insert({ table: 'alert_actions', values: [{ site: body.site, alert_id: alertId, at, state, by, note }], format: 'JSONEachRow' })
      bus.publish({ id: `upd-${randomBytes(8).toString('hex')}`, kind: 'alert-update', site: body.site, session: body.session, at, data: { alertId, state, by, note, at } })
      if (state === 'claimed') {
        // The visitor's page shows who is coming only if that visitor asked for help (the help chunk decides).
        const look = agentLook(tokens, (c.get('principal' as never) as Principal).tokenId, sites.get(body.site))
        bus.publish({ id: `join-${randomBytes(8).toString('hex')}`, kind: 'agent-joined', site: body.site, session: body.session, at, data: { alertId, ...look, at } })
      }
      return c.json({ alertId, state, by, at })
    })
    .post('/sessions/:session/offers', async (c) => {
      const session = param(c.req.param('session'), 'session')
      const body = await parse(offerBody, c.req.raw)
      // The visitor reads this name: the agent's display name or the team's, never a token's name.
      const by = agentLook(tokens, (c.get('principal' as never) as Principal).tokenId, sites.get(body.site)).name
      const offer = { id: `offer-${randomBytes(8).toString('hex')}`, message: body.message, link: body.link, by, at: Date.now() }
      bus.publish({ id: offer.id, kind: 'offer', site: body.site, session, at: offer.at, data: offer })
      return c.json({ offer }, 201)
    })
}
