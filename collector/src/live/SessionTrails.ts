/** What the collector has seen of one visitor session, for the agent's view of an alert. */
export interface Trail {
  /** First page seen (origin and path, as on the wire). */
  entry: string
  /** Host of the site the visitor came from: reserved, '' until the snippet reports it. */
  referrer: string
  /** When the session's first page view began, epoch ms. */
  startedAt: number
  /** Page views seen so far. */
  pages: number
  /** Last page-view id counted: a re-sent page event counts once. */
  _lastPv: string
}

/**
 * Sessions remembered at once. A session costs ~200 bytes; 50,000 is ~10 MB and
 * covers every session active in the last hours of a busy site. The oldest goes first.
 */
export const MAX_TRAILS = 50_000

/**
 * Entry page, referrer host, page count and start of recent sessions, kept in
 * memory from the page events this collector ingests (a struggle alert leaves at
 * once, before storage: no query on the live path). Behind a load balancer each
 * collector knows the page views it received; an alert then says what it saw.
 */
export class SessionTrails {
  private readonly _trails = new Map<string, Trail>()

  constructor(private readonly _max = MAX_TRAILS) {}

  /** A page view began; `ref` is the page's `ref` (on a session's first page, the origin the visitor came from). */
  page(site: string, session: string, pageView: string, url: string, at: number, ref?: string): void {
    const key = `${site}\n${session}`
    const trail = this._trails.get(key)
    if (!trail) {
      // The map is full (size ≥ max ≥ 1), so it has a first key.
      if (this._trails.size >= this._max) this._trails.delete(this._trails.keys().next().value!)
      this._trails.set(key, {
        entry: url,
        referrer: referrerHost(url, ref),
        startedAt: at,
        pages: 1,
        _lastPv: pageView,
      })
      return
    }
    if (at < trail.startedAt) {
      trail.startedAt = at
      trail.entry = url
      trail.referrer = referrerHost(url, ref)
    }
    if (trail._lastPv !== pageView) {
      trail._lastPv = pageView
      trail.pages++
    }
  }

  get(site: string, session: string): Trail | undefined {
    return this._trails.get(`${site}\n${session}`)
  }
}

/** The host a session came from: its first page's `ref` when that is another site ('' for none, or the site itself). */
export function referrerHost(url: string, ref: string | undefined): string {
  if (!ref) return ''
  try {
    const host = new URL(ref).host
    return host === new URL(url).host ? '' : host
  } catch {
    return ''
  }
}
