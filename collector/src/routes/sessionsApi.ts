import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { valid } from '../validate/valid.ts'
import { id } from '../validate/id.ts'
import { queryReplay } from '../queries/queryReplay.ts'
import { querySessionPages } from '../queries/querySessionPages.ts'
import { queryLatestSnapshot } from '../queries/queryLatestSnapshot.ts'
import { expandTrails } from '../replay/expandTrails.ts'
import type { SnapshotNode } from '../replay/trailRun.ts'
import { viewportClass } from '../ingest/viewportClass.ts'

const sessionParam = z.object({ session: id })
const siteQuery = z.object({ site: id })
const replayQuery = z.object({
  site: id,
  after: z.coerce
    .number({ error: 'epoch milliseconds' })
    .finite('epoch milliseconds')
    .min(0, 'epoch milliseconds')
    .default(0),
})

/** `/api/sessions/:session/*`: one visitor's pages and replay. */
export function sessionsApi(client: ClickHouseClient) {
  return new Hono()
    .get('/sessions/:session/pages', valid('param', sessionParam), valid('query', siteQuery), async (c) => {
      const { session } = c.req.valid('param')
      const { site } = c.req.valid('query')
      const pages = await querySessionPages(client, site, session)
      return c.json({ pages, firstSeen: pages[0]?.ts ?? null })
    })
    .get('/sessions/:session/replay', valid('param', sessionParam), valid('query', replayQuery), async (c) => {
      const { session } = c.req.valid('param')
      const { site, after } = c.req.valid('query')
      // Trails (the minute before an alert) play over the page's stored snapshot.
      const find = async (url: string, vw: number) =>
        // Stored snapshots are rrweb's serialized node tree, checked by the snapshot schema before they were kept.
        (await queryLatestSnapshot(client, site, url, viewportClass(vw)))?.snap as SnapshotNode | undefined
      return c.json({ runs: await expandTrails(await queryReplay(client, site, session, after), find) })
    })
}
