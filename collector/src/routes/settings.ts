import { Hono } from 'hono'
import { z } from 'zod'
import { ApiError } from '../ApiError.ts'
import { requireRole } from '../auth/requireRole.ts'
import type { Tokens } from '../auth/Tokens.ts'
import { siteSchema, type Sites } from '../sites/Sites.ts'

export interface SettingsDeps {
  sites: Sites
  tokens: Tokens
  /** Signs sessions: the admin token. */
  token: string
}

/** What visitors see of an agent: a person's name (no markup, no control characters) and an avatar colour. */
const look = {
  displayName: z.string().trim().max(60).regex(/^[^<>\p{Cc}]*$/u, 'a name without < > or control characters').optional(),
  color: z.union([z.literal(''), z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #2a5bd7')]).optional(),
}
const newToken = z.strictObject({ role: z.enum(['admin', 'agent']), name: z.string().min(1).max(80), ...look })
const tokenLook = z.strictObject(look)

async function jsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json()
  } catch {
    throw new ApiError(400, 'body is not valid JSON')
  }
}

/** `/api/settings/*`: sites and tokens. Admin role only. */
export function settingsRoutes({ sites, tokens, token }: SettingsDeps) {
  return new Hono()
    .use('*', requireRole(tokens, token, 'admin'))
    .put('/sites/:id', async (c) => {
      const parsed = siteSchema.safeParse({ ...(await jsonBody(c.req.raw) as object), id: c.req.param('id') })
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        throw new ApiError(400, `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      }
      sites.put(parsed.data)
      return c.json({ site: parsed.data })
    })
    .delete('/sites/:id', (c) => {
      if (!sites.remove(c.req.param('id'))) throw new ApiError(404, `no site "${c.req.param('id')}"`)
      return c.json({ deleted: c.req.param('id') })
    })
    .get('/tokens', (c) => c.json({ tokens: tokens.list() }))
    .post('/tokens', async (c) => {
      const parsed = newToken.safeParse(await jsonBody(c.req.raw))
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        throw new ApiError(400, `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      }
      const { role, name, displayName, color } = parsed.data
      return c.json(tokens.create(role, name, Date.now(), { displayName, color }), 201)
    })
    .patch('/tokens/:id', async (c) => {
      const parsed = tokenLook.safeParse(await jsonBody(c.req.raw))
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        throw new ApiError(400, `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      }
      if (!tokens.setLook(c.req.param('id'), parsed.data)) throw new ApiError(404, `no token "${c.req.param('id')}"`)
      return c.json({ token: tokens.list().find((t) => t.id === c.req.param('id')) })
    })
    .delete('/tokens/:id', (c) => {
      if (!tokens.revoke(c.req.param('id'))) throw new ApiError(404, `no token "${c.req.param('id')}"`)
      return c.json({ revoked: c.req.param('id') })
    })
}
