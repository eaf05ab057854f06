import { Hono } from 'hono'
import { z } from 'zod'
import { ApiError } from '../ApiError.ts'
import { valid } from '../validate/valid.ts'
import { id } from '../validate/id.ts'
import { requireRole } from '../auth/requireRole.ts'
import type { Tokens } from '../auth/Tokens.ts'
import { siteSchema, type Sites } from '../sites/Sites.ts'
import { redactSite } from '../sites/redactSite.ts'

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

const idParam = z.object({ id })
// The id comes from the path: the body gives the rest of the site.
const siteBody = siteSchema.extend({ id: id.optional() })

/** `/api/settings/*`: sites and tokens. Admin role only. */
export function settingsRoutes({ sites, tokens, token }: SettingsDeps) {
  return new Hono()
    .use('*', requireRole(tokens, token, 'admin'))
    .put('/sites/:id', valid('param', idParam), valid('json', siteBody), (c) => {
      const site = { ...c.req.valid('json'), id: c.req.valid('param').id }
      sites.put(site)
      return c.json({ site: redactSite(site) })
    })
    .delete('/sites/:id', valid('param', idParam), (c) => {
      if (!sites.remove(c.req.param('id'))) throw new ApiError(404, `no site "${c.req.param('id')}"`)
      return c.json({ deleted: c.req.param('id') })
    })
    .get('/tokens', (c) => c.json({ tokens: tokens.list() }))
    .post('/tokens', valid('json', newToken), (c) => {
      const { role, name, displayName, color } = c.req.valid('json')
      return c.json(tokens.create(role, name, Date.now(), { displayName, color }), 201)
    })
    .patch('/tokens/:id', valid('param', idParam), valid('json', tokenLook), (c) => {
      const { id } = c.req.valid('param')
      if (!tokens.setLook(id, c.req.valid('json'))) throw new ApiError(404, `no token "${id}"`)
      return c.json({ token: tokens.list().find((t) => t.id === id) })
    })
    .delete('/tokens/:id', valid('param', idParam), (c) => {
      if (!tokens.revoke(c.req.param('id'))) throw new ApiError(404, `no token "${c.req.param('id')}"`)
      return c.json({ revoked: c.req.param('id') })
    })
}
