/** Origins kept per site in the refused list: enough to spot a typo, bounded against a flood of forged origins. */
export const MAX_REFUSED_ORIGINS = 20

/** What ingest did with one site's beacons since the collector started. */
export interface SiteDiagnosis {
  /** Beacons accepted (202 with at least one event kept). */
  accepted: number
  /** Beacons refused (403) because their origin is not among the site's origins. */
  refusedOrigin: number
  /** The refused origins, most recent first, each with its count. */
  refusedOrigins: Array<{ origin: string; count: number; last: number }>
  /** Beacons dropped (202, nothing kept) as crawlers or HTTP tools. */
  droppedBots: number
  /** Beacons dropped as headless browsers (the site does not allow them). */
  droppedHeadless: number
  /** Beacons refused (429) by the site's own rate limit. */
  rateLimited: number
  /** Beacons refused (400) with no valid event. */
  invalid: number
  /** When the last beacon of any outcome arrived, epoch ms; null when none did. */
  lastBeacon: number | null
  /** When the last accepted beacon arrived, epoch ms; null when none was. */
  lastAccepted: number | null
  /** When these counts started: the collector's start. */
  since: number
}

/**
 * Per-site counts of what ingest did with beacons: the first place to look when a
 * dashboard stays empty (a wrong origin, a headless test browser, a rate limit).
 * Kept in memory since the collector started; each collector of a cluster counts its own.
 */
export class SiteDiagnostics {
  private readonly _bySite = new Map<string, SiteDiagnosis>()
  private readonly _since = Date.now()

  /** The counts of `site` (zeros when it sent nothing yet). */
  get(site: string): SiteDiagnosis {
    const d = this._bySite.get(site)
    return d ? { ...d, refusedOrigins: d.refusedOrigins.map((o) => ({ ...o })) } : this._empty()
  }

  accepted(site: string, at = Date.now()): void {
    const d = this._of(site, at)
    d.accepted++
    d.lastAccepted = at
  }

  refusedOrigin(site: string, origin: string, at = Date.now()): void {
    const d = this._of(site, at)
    d.refusedOrigin++
    const i = d.refusedOrigins.findIndex((o) => o.origin === origin)
    // findIndex found it (i !== -1), so the splice removes exactly one.
    const seen = i === -1 ? { origin: origin.slice(0, 200), count: 0, last: at } : d.refusedOrigins.splice(i, 1)[0]!
    seen.count++
    seen.last = at
    d.refusedOrigins.unshift(seen)
    d.refusedOrigins.length = Math.min(d.refusedOrigins.length, MAX_REFUSED_ORIGINS)
  }

  dropped(site: string, kind: 'bot' | 'headless', at = Date.now()): void {
    const d = this._of(site, at)
    if (kind === 'bot') d.droppedBots++
    else d.droppedHeadless++
  }

  rateLimited(site: string, at = Date.now()): void {
    this._of(site, at).rateLimited++
  }

  invalid(site: string, at = Date.now()): void {
    this._of(site, at).invalid++
  }

  private _of(site: string, at: number): SiteDiagnosis {
    let d = this._bySite.get(site)
    if (!d) this._bySite.set(site, (d = this._empty()))
    d.lastBeacon = at
    return d
  }

  private _empty(): SiteDiagnosis {
    return {
      accepted: 0,
      refusedOrigin: 0,
      refusedOrigins: [],
      droppedBots: 0,
      droppedHeadless: 0,
      rateLimited: 0,
      invalid: 0,
      lastBeacon: null,
      lastAccepted: null,
      since: this._since,
    }
  }
}
