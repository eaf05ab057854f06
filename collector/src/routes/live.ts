import { Hono } from 'hono'
import { randomBytes } from 'node:crypto'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { ApiError } from '../ApiError.ts'
import { valid } from '../validate/valid.ts'
import { id } from '../validate/id.ts'
import { requireRole, type AuthEnv, type Principal } from '../auth/requireRole.ts'
import type { Tokens } from '../auth/Tokens.ts'
import type { AlertState, LiveBus } from '../live/LiveBus.ts'
import { LiveIndex } from '../live/LiveIndex.ts'
import { insertAlertAction } from '../queries/insertAlertAction.ts'
import { agentLook } from '../wording/agentLook.ts'
import { insertOffer } from '../queries/insertOffer.ts'
import type { Sites } from '../sites/Sites.ts'

export interface LiveDeps {
  client: ClickHouseClient
  bus: LiveBus
  tokens: Tokens
  token: string
  sites: Sites
}

const STATES: Record<string, AlertState> = {
  claim: 'claimed',
  resolve: 'resolved',
  dismiss: 'dismissed',
  reopen: 'open',
}
const alertParam = z.object({ id, action: z.enum(['claim', 'resolve', 'dismiss', 'reopen']) })
const sessionParam = z.object({ session: id })
const actionBody = z.strictObject({ site: id, session: id, note: z.string().max(500).optional() })
const offerBody = z.strictObject({
  site: id,
  message: z.string().trim().min(1).max(500),
  link: z
    .string()
    .max(2048)
    .regex(/^https?:\/\//, 'an http(s) URL')
    .optional(),
})

/** `/api/alerts/:id/:action` and `/api/sessions/:session/offers`: what agents do about a struggle. */
export function liveRoutes({ client, bus, tokens, token, sites }: LiveDeps) {
  const index = LiveIndex.of(bus, client)
  const siteOf = (id: string) => {
    if (!sites.get(id)) throw new ApiError(404, `no site "${id}"`)
    return id
  }
  const who = (p: Principal) =>
    p.tokenId === 'admin' ? 'admin' : (tokens.list().find((t) => t.id === p.tokenId)?.name ?? p.tokenId)
  return new Hono<AuthEnv>()
    .use('/alerts/*', requireRole(tokens, token, 'agent'))
    .use('/sessions/*', requireRole(tokens, token, 'agent'))
    .post(
      '/alerts/:id/:action{claim|resolve|dismiss|reopen}',
      valid('param', alertParam),
      valid('json', actionBody),
      async (c) => {
        const { id: alertId, action } = c.req.valid('param')
        // `action` passed the param schema, whose values are STATES' keys.
        const state = STATES[action]!
        const body = c.req.valid('json')
        // Only alerts that exist, of that session: an update for a made-up alert would reach every agent.
        if ((await index.alertSession(siteOf(body.site), alertId)) !== body.session) {
          throw new ApiError(404, `no alert "${alertId}" of session "${body.session}" on site "${body.site}"`)
        }
        const by = who(c.get('principal'))
        const at = Date.now()
        const note = body.note ?? ''
        await insertAlertAction(client, { site: body.site, alert_id: alertId, at, state, by, note })
        bus.publish({
          id: `upd-${randomBytes(8).toString('hex')}`,
          kind: 'alert-update',
          site: body.site,
          session: body.session,
          at,
          data: { alertId, state, by, note, at },
        })
        if (state === 'claimed') {
          // The visitor's page shows who is coming only if that visitor asked for help (the help chunk decides).
          const look = agentLook(tokens, c.get('principal').tokenId, sites.get(body.site))
          bus.publish({
            id: `join-${randomBytes(8).toString('hex')}`,
            kind: 'agent-joined',
            site: body.site,
            session: body.session,
            at,
            data: { alertId, ...look, at },
          })
        }
        return c.json({ alertId, state, by, at })
      },
    )
    .post('/sessions/:session/offers', valid('param', sessionParam), valid('json', offerBody), async (c) => {
      const { session } = c.req.valid('param')
      const body = c.req.valid('json')
      if (!(await index.hasSession(siteOf(body.site), session)))
        throw new ApiError(404, `no session "${session}" on site "${body.site}"`)
      // The visitor reads this name: the agent's display name or the team's, never a token's name.
      const by = agentLook(tokens, c.get('principal').tokenId, sites.get(body.site)).name
      const offer = {
        id: `offer-${randomBytes(8).toString('hex')}`,
        message: body.message,
        link: body.link,
        by,
        at: Date.now(),
      }
      await insertOffer(client, body.site, session, offer)
      bus.publish({ id: offer.id, kind: 'offer', site: body.site, session, at: offer.at, data: offer })
      return c.json({ offer }, 201)
    })
}
