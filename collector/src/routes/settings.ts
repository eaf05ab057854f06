import { Hono } from 'hono'
import { z } from 'zod'
import { ApiError } from '../ApiError.ts'
import { requireRole } from '../auth/requireRole.ts'
import type { Tokens } from '../auth/Tokens.ts'
import { siteSchema, type Site, type Sites } from '../sites/Sites.ts'
import { mergePatch } from '../sites/mergePatch.ts'
import { keepSecrets, redactSite } from '../sites/redactSite.ts'

export interface SettingsDeps {
  sites: Sites
  tokens: Tokens
  /** Signs sessions: the admin token. */
  token: string
}

const newToken = z.strictObject({ role: z.enum(['admin', 'agent']), name: z.string().min(1).max(80) })

async function jsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json()
  } catch {
    throw new ApiError(400, 'body is not valid JSON')
  }
}

/**
 * Validates a whole site; a refusal names every field at fault (`issues: [{field, message}]`,
 * the first also in `error`) so a form can show each message beside its field.
 */
function validSite(body: unknown, id: string): Site {
  const parsed = siteSchema.safeParse({ ...(body as object), id })
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.slice(0, 20).map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }))
  throw new ApiError(400, `${issues[0]!.field}: ${issues[0]!.message}`, { field: issues[0]!.field, issues })
}

const objectBody = async (req: Request): Promise<Record<string, unknown>> => {
  const body = await jsonBody(req)
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, '(body): expected a JSON object of site settings')
  return body as Record<string, unknown>
}

/**
 * `/api/settings/*`: sites and tokens. Admin role only. A site is read with `GET`,
 * replaced whole with `PUT` (a field left out is removed: that is what replacing
 * means) and changed field by field with `PATCH` (JSON Merge Patch: `null` removes).
 */
export function settingsRoutes({ sites, tokens, token }: SettingsDeps) {
  return new Hono()
    .use('*', requireRole(tokens, token, 'admin'))
    .get('/sites/:id', (c) => {
      const site = sites.get(c.req.param('id'))
      if (!site) throw new ApiError(404, `no site "${c.req.param('id')}"`)
      return c.json({ site: redactSite(site) })
    })
    .put('/sites/:id', async (c) => {
      const id = c.req.param('id')
      const site = validSite(keepSecrets(await objectBody(c.req.raw), sites.get(id)), id)
      sites.put(site)
      return c.json({ site: redactSite(site) })
    })
    .patch('/sites/:id', async (c) => {
      const id = c.req.param('id')
      const old = sites.get(id)
      if (!old) throw new ApiError(404, `no site "${id}": create it with PUT`)
      const patch = keepSecrets(await objectBody(c.req.raw), old)
      const site = validSite(mergePatch(old, patch), id)
      sites.put(site)
      return c.json({ site: redactSite(site) })
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
      return c.json(tokens.create(parsed.data.role, parsed.data.name), 201)
    })
    .delete('/tokens/:id', (c) => {
      if (!tokens.revoke(c.req.param('id'))) throw new ApiError(404, `no token "${c.req.param('id')}"`)
      return c.json({ revoked: c.req.param('id') })
    })
}
