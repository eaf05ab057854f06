import type { ClickHouseClient } from '@clickhouse/client'
import { Hono } from 'hono'
import { z } from 'zod'
import { ApiError } from '../ApiError.ts'
import { jsonBody, valid } from '../validate/valid.ts'
import { id } from '../validate/id.ts'
import { type AuthEnv, requireRole } from '../auth/requireRole.ts'
import type { SnapshotWanted } from '../ingest/storeCache/SnapshotWanted.ts'
import { insertSnapshotRefresh } from '../queries/insertSnapshotRefresh.ts'
import type { Tokens } from '../auth/Tokens.ts'
import { siteSchema, type Site, type Sites } from '../sites/Sites.ts'
import { mergePatch } from '../sites/mergePatch.ts'
import { keepSecrets, redactSite } from '../sites/redactSite.ts'

export interface SettingsDeps {
  sites: Sites
  tokens: Tokens
  /** Signs sessions: the admin token. */
  token: string
  client: ClickHouseClient
  /** Which pages want a snapshot: told when a site's text setting changes. */
  wanted: SnapshotWanted
}

/** What visitors see of an agent: a person's name (no markup, no control characters) and an avatar colour. */
const look = {
  displayName: z
    .string()
    .trim()
    .max(60)
    .regex(/^[^<>\p{Cc}]*$/u, 'a name without < > or control characters')
    .optional(),
  color: z.union([z.literal(''), z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #2a5bd7')]).optional(),
}
const newToken = z.strictObject({ role: z.enum(['admin', 'agent']), name: z.string().min(1).max(80), ...look })
const tokenLook = z.strictObject(look)

const idParam = z.object({ id })

/**
 * Validates a whole site; a refusal names every field at fault (`issues: [{field, message}]`,
 * the first also in `error`) so a form can show each message beside its field.
 */
function validSite(body: unknown, id: string): Site {
  // Spreading a non-object gives {}: the schema judges what comes out.
  const parsed = siteSchema.safeParse({ ...(body as object), id })
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues
    .slice(0, 20)
    .map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }))
  // A failed parse has at least one issue.
  throw new ApiError(400, `${issues[0]!.field}: ${issues[0]!.message}`, { field: issues[0]!.field, issues })
}

const objectBody = async (req: Request): Promise<Record<string, unknown>> => {
  const body = await jsonBody(req)
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ApiError(400, '(body): expected a JSON object of site settings')
  // A non-null, non-array object (checked above); values are checked by the schema.
  return body as Record<string, unknown>
}

/**
 * `/api/settings/*`: sites and tokens. Admin role only. A site is read with `GET`,
 * replaced whole with `PUT` (a field left out is removed: that is what replacing
 * means) and changed field by field with `PATCH` (JSON Merge Patch: `null` removes).
 */
export function settingsRoutes({ sites, tokens, token, client, wanted }: SettingsDeps) {
  /**
   * A site's stored snapshots were taken with its text shown or masked: when that setting
   * changes, every page is asked for a new one, so replays and heatmaps stop showing text
   * the site no longer allows (or keep masking what it now allows).
   */
  const saveSite = async (before: Site | undefined, after: Site, by: string) => {
    const textChanged = (before?.allowText ?? false) !== (after.allowText ?? false)
    // Marked before the site is saved: a failed save leaves one needless snapshot, a failed mark
    // after it would leave the old snapshots standing with nothing to retry it.
    if (textChanged) await insertSnapshotRefresh(client, { site: after.id, url: '', by, at: Date.now() })
    await sites.put(after)
    if (textChanged) wanted.forgetSite(after.id)
  }
  return (
    new Hono<AuthEnv>()
      .use('*', requireRole(tokens, token, 'admin'))
      .get('/sites/:id', valid('param', idParam), (c) => {
        const site = sites.get(c.req.valid('param').id)
        if (!site) throw new ApiError(404, `no site "${c.req.valid('param').id}"`)
        return c.json({ site: redactSite(site) })
      })
      // PUT replaces the whole site; PATCH merges. Both answer field-level issues for the Settings view.
      .put('/sites/:id', valid('param', idParam), async (c) => {
        const { id } = c.req.valid('param')
        const old = sites.get(id)
        const site = validSite(keepSecrets(await objectBody(c.req.raw), old), id)
        await saveSite(old, site, c.get('principal').tokenId)
        return c.json({ site: redactSite(site) })
      })
      .patch('/sites/:id', valid('param', idParam), async (c) => {
        const { id } = c.req.valid('param')
        const old = sites.get(id)
        if (!old) throw new ApiError(404, `no site "${id}": create it with PUT`)
        const patch = keepSecrets(await objectBody(c.req.raw), old)
        const site = validSite(mergePatch(old, patch), id)
        await saveSite(old, site, c.get('principal').tokenId)
        return c.json({ site: redactSite(site) })
      })
      .delete('/sites/:id', valid('param', idParam), async (c) => {
        if (!(await sites.remove(c.req.param('id')))) throw new ApiError(404, `no site "${c.req.param('id')}"`)
        return c.json({ deleted: c.req.param('id') })
      })
      .get('/tokens', (c) => c.json({ tokens: tokens.list() }))
      .post('/tokens', valid('json', newToken), async (c) => {
        const { role, name, displayName, color } = c.req.valid('json')
        return c.json(await tokens.create(role, name, Date.now(), { displayName, color }), 201)
      })
      .patch('/tokens/:id', valid('param', idParam), valid('json', tokenLook), async (c) => {
        const { id } = c.req.valid('param')
        if (!(await tokens.setLook(id, c.req.valid('json')))) throw new ApiError(404, `no token "${id}"`)
        return c.json({ token: tokens.list().find((t) => t.id === id) })
      })
      .delete('/tokens/:id', valid('param', idParam), async (c) => {
        if (!(await tokens.revoke(c.req.param('id')))) throw new ApiError(404, `no token "${c.req.param('id')}"`)
        return c.json({ revoked: c.req.param('id') })
      })
  )
}
