import { Hono } from 'hono'
import { z } from 'zod'
import { valid } from '../validate/valid.ts'
import { ID_RULE } from '../validate/id.ts'
import { DEFAULT_VITALS_SAMPLE, publicSettings, type Sites } from '../sites/Sites.ts'
import { bareUrl } from '../ingest/atTheDoor.ts'
import type { SnapshotWanted } from '../ingest/storeCache/SnapshotWanted.ts'
import type { Solicited } from '../ingest/state/Solicited.ts'
import { viewportClass } from '../ingest/viewportClass.ts'
import type { SiteSettings } from '@wince/snippet/wire'
import { visitorSite } from './visitorSite.ts'
import type { Learning } from '../learning/Learning.ts'
import { learnedSettings } from '../learning/learnedSettings.ts'

export interface PageSettingsDeps {
  sites: Sites
  /** Which pages want a snapshot. */
  wanted: SnapshotWanted
  /** Issues the one-time snapshot and replay tokens that `/v1/snapshot` and `/v1/replay` redeem. */
  solicited: Solicited
  /** The sites' applied rules: a page's suppressions and the applied tuning. */
  learning?: Learning
}

/** `/v1/site`: the site, and the page view asking (all but `s` optional: an old snippet sends less). */
const siteQuery = z.object({
  s: z.string().optional(),
  u: z.string().max(4096).optional(),
  vw: z.string().max(8).optional(),
  sid: z.string().max(64).optional(),
})

/** `GET /v1/site`: what the snippet needs to know of its site for one page view (help, recording, snapshot, vitals). */
export function pageSettingsRoutes({ sites, wanted, solicited, learning }: PageSettingsDeps) {
  return new Hono().get('/v1/site', valid('query', siteQuery), async (c) => {
    const q = c.req.valid('query')
    const site = visitorSite(c, sites, q.s)
    const url = bareUrl(q.u ?? '')
    const vw = Number(q.vw)
    const page = /^https?:\/\//.test(url) && Number.isFinite(vw) && vw > 0
    const sid = q.sid ?? ''
    const vc = viewportClass(vw)
    const settings: SiteSettings = {
      ...publicSettings(site),
      snapshot: page && (await wanted.ask(site.id, url, vc)) ? solicited.snapshotToken(site.id, url, vc) : false,
      ...(site.recording !== 'off' && ID_RULE.test(sid) && { replay: solicited.replayToken(site.id, sid) }),
      vitals: Math.random() < (site.vitalsSample ?? DEFAULT_VITALS_SAMPLE),
      ...(learning && learnedSettings(learning, site.id, url)),
    }
    // The answer is per page view (snapshot, sampling): not cached.
    c.header('cache-control', 'no-store')
    return c.json(settings)
  })
}
