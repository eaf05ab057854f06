import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { ApiError } from '../ApiError.ts'
import { type AuthEnv, requireRole } from '../auth/requireRole.ts'
import type { Tokens } from '../auth/Tokens.ts'
import { bareUrl } from '../ingest/atTheDoor.ts'
import type { SnapshotWanted } from '../ingest/storeCache/SnapshotWanted.ts'
import { insertSnapshotRefresh } from '../queries/insertSnapshotRefresh.ts'
import type { Sites } from '../sites/Sites.ts'
import { id } from '../validate/id.ts'
import { valid } from '../validate/valid.ts'

const refreshBody = z.object({
  site: id,
  url: z.string().regex(/^https?:\/\/\S{1,2040}$/, 'the page URL, e.g. http://localhost:8080/demo/'),
})

/**
 * `POST /api/snapshot/refresh` `{ site, url }` (admins): "take a new snapshot". The page's
 * stored snapshots become stale, so its next page views are asked for a fresh one, taken
 * with the site's current settings (text shown or masked). The old one stays on the
 * heatmap until the new one arrives.
 */
export function snapshotRefreshApi(deps: {
  client: ClickHouseClient
  sites: Sites
  tokens: Tokens
  token: string
  wanted: SnapshotWanted
}) {
  const { client, sites, wanted } = deps
  return new Hono<AuthEnv>().post(
    '/snapshot/refresh',
    requireRole(deps.tokens, deps.token, 'admin'),
    valid('json', refreshBody),
    async (c) => {
      const body = c.req.valid('json')
      if (!sites.get(body.site)) throw new ApiError(400, `site: no site "${body.site}"`)
      const url = bareUrl(body.url)
      const at = Date.now()
      await insertSnapshotRefresh(client, { site: body.site, url, by: c.get('principal').tokenId, at })
      wanted.forget(body.site, url)
      return c.json({ site: body.site, url, at })
    },
  )
}
