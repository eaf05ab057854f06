import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import type { SiteSettings } from '@wince/snippet/wire'
import { id } from '../validate/id.ts'
import { goalName } from '../validate/goalName.ts'
import type { SharedState } from '../store/SharedState.ts'

/** Site settings, as given to the API or the sites file. */
/** Share of page views that load the web-vitals chunk when the site does not say (`vitalsSample`). */
export const DEFAULT_VITALS_SAMPLE = 0.1

export const siteSchema = z.strictObject({
  /** The id in the script tag's `data-site`. */
  id,
  /**
   * Origins allowed to send beacons, exact (`https://shop.example`) or with
   * `*` for the port (`http://localhost:*`).
   */
  origins: z.array(z.string().regex(/^https?:\/\/[^/\s?#]+$/, 'an origin such as https://shop.example')).max(100),
  /** Keep element text (button text, aria-label) in labels. Default false: text may identify a person. */
  allowText: z.boolean().optional(),
  /** Accept headless browsers (for the site's own end-to-end tests). Default false: they are dropped as bots. */
  allowHeadless: z.boolean().optional(),
  /** Events per second for the whole site (a beacon costs its events), and the burst allowed. Default {@link DEFAULT_SITE_RATE}. */
  rate: z.strictObject({ rate: z.number().positive().max(1e6), burst: z.number().positive().max(1e7) }).optional(),
  /** The help prompt the page shows by itself when a visitor struggles. Default: none. */
  help: z
    .strictObject({
      enabled: z.boolean(),
      /** The site's own words. */
      title: z.string().min(1).max(80),
      text: z.string().max(300),
      /** What the prompt's button does: open the site's chat (`wince('on','help')` callbacks), call, open a link, or say an agent will join. */
      action: z.enum(['chat', 'call', 'link', 'agent']),
      /** Button text. */
      label: z.string().min(1).max(40),
      /** Phone number (`call`) or URL (`link`). */
      href: z.string().max(2048).optional(),
      /** `agent`: how long a visitor waits for an agent before being offered the fallback, seconds. Default {@link DEFAULT_AGENT_WAIT_S}. */
      wait: z.number().int().min(5).max(3600).optional(),
      /** `agent`: where to turn when no agent is online or none answers in time (a contact page); unset: the page's `wince('on','help')` callbacks (its own chat). */
      fallback: z
        .string()
        .max(2048)
        .regex(/^(https?:\/\/|mailto:|tel:)/, 'an http(s), mailto: or tel: link')
        .optional(),
      /** Text of the fallback link. Default "Contact us". */
      fallbackLabel: z.string().min(1).max(40).optional(),
    })
    .optional(),
  /**
   * Session replay: `off` loads nothing, `struggle` keeps a trail of the last minute in memory,
   * sends it with an alert and loads the recorder from then on, `always` records sampled
   * sessions. Default `struggle`.
   */
  recording: z.enum(['off', 'struggle', 'always']).optional(),
  /** Share of sessions recorded in `always` mode, 0–1. Default 0.1. */
  recordingSample: z.number().min(0).max(1).optional(),
  /** Share of page views whose clicks are kept for heatmaps, 0–1. Default 1 (all). */
  clickSample: z.number().min(0).max(1).optional(),
  /**
   * Share of page views that load web-vitals, 0–1. Default {@link DEFAULT_VITALS_SAMPLE}: the
   * chunk (4.4 KB) would otherwise weigh on every page view, and a tenth of them gives p75s
   * as steady on any page worth tuning.
   */
  vitalsSample: z.number().min(0).max(1).optional(),
  /** The name visitors see for the admin token (and agents without a display name) when help comes. Default {@link DEFAULT_TEAM_NAME}. */
  teamName: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[^<>\p{Cc}]*$/u, 'a name without < > or control characters')
    .optional(),
  /**
   * Conversion goals. A session reached one when it viewed a page whose path matches
   * `url` (a glob: `*` any characters, `?` one), or when the page called
   * `wince('goal', name, value?)`. Default: none.
   */
  goals: z
    .array(
      z.strictObject({
        name: goalName,
        url: z
          .string()
          .max(512)
          .regex(/^\/[^\s]*$/, 'a path glob starting with /, such as /thanks*')
          .optional(),
      }),
    )
    .max(20)
    .optional(),
  /** Where alerts are POSTed (Slack-compatible `text` plus the structured alert), signed with HMAC-SHA256 of the body with `secret`. */
  webhooks: z
    .array(
      z.strictObject({
        url: z
          .string()
          .max(2048)
          .regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL'),
        secret: z.string().min(16).max(200),
      }),
    )
    .max(10)
    .optional(),
})

/** What the snippet may know of its site's settings (no secrets); the page-specific parts are added by the route. */
export function publicSettings(site: Site): Omit<SiteSettings, 'snapshot' | 'vitals'> {
  return {
    allowText: site.allowText ?? false,
    help: site.help?.enabled ? site.help : null,
    recording: site.recording ?? 'struggle',
    recordingSample: site.recordingSample ?? 0.1,
  }
}

export type Site = z.infer<typeof siteSchema>

/** How long a visitor who asked for an agent waits before the fallback, s: long enough for an agent to look up, short enough not to abandon the visitor. */
export const DEFAULT_AGENT_WAIT_S = 60

/** Who visitors see when the admin token (or an agent with no display name) answers. */
export const DEFAULT_TEAM_NAME = 'Our support team'

/** A site's events per second (a beacon costs its events): a busy shop sends a few thousand; ten times that is an attack or a bug. */
export const DEFAULT_SITE_RATE = { rate: 20_000, burst: 100_000 }

/** The site every install has: it accepts pages from localhost origins only, headless test browsers included. */
export const DEMO_SITE: Site = {
  id: 'demo',
  origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
  allowHeadless: true,
}

/** The `shared_state` kind of sites. */
const KIND = 'site'

/**
 * The configured sites, keyed by id, kept in a JSON file
 * `{ "sites": [ … ] }` when one is given, or in ClickHouse's `shared_state`
 * when several collectors share a server ({@link Sites.fromState}). The demo
 * site is always there unless the sites define `demo` themselves.
 */
export class Sites {
  private readonly _byId = new Map<string, Site>()
  private _state: SharedState | undefined

  constructor(
    sites: Site[] = [],
    private readonly _file?: string,
  ) {
    this._fill(sites)
  }

  /** Reads sites from `file` if it exists (it is created on the first change). Throws naming the bad field. */
  static fromFile(file: string): Sites {
    return new Sites(readSitesFile(file) ?? [], file)
  }

  /**
   * The sites every collector of one ClickHouse server shares. `seedFile`
   * (`WINCE_SITES`, or a data dir's `sites.json` from before) adds the sites
   * it defines that the store does not have yet, so moving to a server keeps them.
   */
  static async fromState(state: SharedState, seedFile?: string): Promise<Sites> {
    const sites = new Sites()
    sites._state = state
    await sites.reload()
    const seed = seedFile ? (readSitesFile(seedFile) ?? []) : []
    for (const site of seed)
      if (!sites._byId.has(site.id) || (site.id === 'demo' && sites._byId.get('demo') === DEMO_SITE))
        await sites.put(site)
    state.watch(KIND, () => sites.reload())
    return sites
  }

  /** Reads the shared sites again (another collector changed one). */
  async reload(): Promise<void> {
    if (!this._state) return
    const rows = await this._state.load(KIND)
    const sites = [...rows.values()].flatMap((text) => {
      const parsed = siteSchema.safeParse(JSON.parse(text))
      return parsed.success ? [parsed.data] : []
    })
    this._byId.clear()
    this._fill(sites)
  }

  get(id: string): Site | undefined {
    return this._byId.get(id)
  }

  list(): Site[] {
    return [...this._byId.values()]
  }

  /** Adds or replaces a site, and saves it (the file, or the shared store). */
  async put(site: Site): Promise<void> {
    this._byId.set(site.id, site)
    if (this._state) await this._state.save(KIND, site.id, JSON.stringify(site))
    else this._save()
  }

  /** Removes a site; false when there was none. */
  async remove(id: string): Promise<boolean> {
    const had = this._byId.delete(id)
    if (!had) return false
    if (this._state) await this._state.save(KIND, id, undefined)
    else this._save()
    return had
  }

  private _fill(sites: Site[]): void {
    for (const s of sites) this._byId.set(s.id, s)
    if (!this._byId.has('demo')) this._byId.set('demo', DEMO_SITE)
  }

  /** Whether `origin` (as sent in the Origin header) may send beacons for `site`. */
  allows(site: Site, origin: string): boolean {
    return site.origins.some((pattern) => matchOrigin(pattern, origin))
  }

  private _save(): void {
    if (!this._file) return
    const tmp = this._file + '.tmp'
    writeFileSync(tmp, JSON.stringify({ sites: this.list() }, null, 2) + '\n')
    renameSync(tmp, this._file)
  }
}

/** The sites of a `{ "sites": [ … ] }` file; undefined when there is no file. Throws naming the bad field. */
function readSitesFile(file: string): Site[] | undefined {
  if (!existsSync(file)) return undefined
  const parsed = z.strictObject({ sites: z.array(siteSchema) }).safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) {
    // A failed parse has at least one issue.
    const issue = parsed.error.issues[0]!
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`)
  }
  return parsed.data.sites
}

/** `http://localhost:*` matches any port (or none) of that scheme and host. */
export function matchOrigin(pattern: string, origin: string): boolean {
  if (pattern === origin) return true
  if (!pattern.endsWith(':*')) return false
  const stem = pattern.slice(0, -2)
  if (origin === stem) return true
  return origin.startsWith(stem + ':') && /^\d{1,5}$/.test(origin.slice(stem.length + 1))
}
