import { createHmac, randomBytes } from 'node:crypto'
import { safeEqual } from '../../auth/adminToken.ts'

/**
 * How long a "send a snapshot" token stays good, ms: the snippet takes the
 * snapshot once the page is idle (at most a few seconds) and sends it at once.
 */
export const SNAPSHOT_TOKEN_TTL_MS = 2 * 60 * 1000
/** Tokens waiting to be used, at most: a flood of `/v1/site` calls cannot grow memory without end. */
const MAX_OPEN_SNAPSHOT_TOKENS = 50_000
/**
 * How long a replay token stays good, ms. Each page view gets a fresh one,
 * so this only has to outlast one page view being followed live.
 */
export const REPLAY_TOKEN_TTL_MS = 6 * 3600 * 1000

/**
 * The collector's say on what visitors may upload besides beacons. A snapshot
 * replaces a page's heatmap background for everyone, so only the page view
 * the collector asked is heard, once. A replay run is stored only for a
 * session the collector told to record. Without these, anyone who can send
 * an allowed Origin header could paint any page or fill any session.
 */
export class Solicited {
  private readonly _snapshots = new Map<string, { key: string; until: number }>()
  // Replay tokens are signed, not stored: a session sends many runs over hours.
  private readonly _secret = randomBytes(32)

  /** A one-time token for one snapshot of `url` at viewport class `vc` on `site`. */
  snapshotToken(site: string, url: string, vc: string, now = Date.now()): string {
    if (this._snapshots.size >= MAX_OPEN_SNAPSHOT_TOKENS) this._prune(now)
    // The map is full, so it has a first key.
    if (this._snapshots.size >= MAX_OPEN_SNAPSHOT_TOKENS) this._snapshots.delete(this._snapshots.keys().next().value!)
    const token = randomBytes(18).toString('base64url')
    this._snapshots.set(token, { key: `${site}\n${vc}\n${url}`, until: now + SNAPSHOT_TOKEN_TTL_MS })
    return token
  }

  /** Uses up a snapshot token: true only once, in time, and for the page it was given for. */
  redeemSnapshot(token: string | undefined, site: string, url: string, vc: string, now = Date.now()): boolean {
    const found = token ? this._snapshots.get(token) : undefined
    if (!found || found.until < now || found.key !== `${site}\n${vc}\n${url}`) return false
    // `found` came from this token, so it is defined.
    this._snapshots.delete(token!)
    return true
  }

  /** A token that lets `session` of `site` send replay runs for a while. */
  replayToken(site: string, session: string, now = Date.now()): string {
    const until = now + REPLAY_TOKEN_TTL_MS
    return `${until}.${this._sign(`${site}\n${session}\n${until}`)}`
  }

  /** Whether a replay token is good for this site and session now. */
  checkReplay(token: string | undefined, site: string, session: string, now = Date.now()): boolean {
    const [untilText, signature] = token?.split('.') ?? []
    const until = Number(untilText)
    // With a signature there was a token, and split gave its first part too.
    if (!signature || !/^\d+$/.test(untilText!) || until < now) return false
    return safeEqual(signature, this._sign(`${site}\n${session}\n${until}`))
  }

  private _sign(data: string): string {
    return createHmac('sha256', this._secret).update(data).digest('base64url')
  }

  private _prune(now: number): void {
    for (const [token, { until }] of this._snapshots) if (until < now) this._snapshots.delete(token)
  }
}
