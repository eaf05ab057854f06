import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { ApiError } from '../ApiError.ts'
import { queryReplay } from '../queries/queryReplay.ts'
import { querySessionPages } from '../queries/querySessionPages.ts'

function sessionParams(site: string | undefined, session: string): { site: string; session: string } {
  if (!site || !/^[\w-]{1,64}$/.test(site)) throw new ApiError(400, 'site: required (e.g. ?site=demo)')
  if (!/^[\w-]{1,64}$/.test(session)) throw new ApiError(400, 'session: letters, digits, _ or - only')
  return { site, session }
}

/** `/api/sessions/:session/*`: one visitor's pages and replay. */
export function sessionsApi(client: ClickHouseClient) {
  return new Hono()
    .get('/sessions/:session/pages', async (c) => {
      const { site, session } = sessionParams(c.req.query('site'), c.req.param('session'))
      const pages = await querySessionPages(client, site, session)
      return c.json({ pages, firstSeen: pages[0]?.ts ?? null })
    })
    .get('/sessions/:session/replay', async (c) => {
      const { site, session } = sessionParams(c.req.query('site'), c.req.param('session'))
      const after = Number(c.req.query('after') ?? 0)
      if (!Number.isFinite(after) || after < 0) throw new ApiError(400, 'after: epoch milliseconds')
      return c.json({ runs: await queryReplay(client, site, session, after) })
    })
}
