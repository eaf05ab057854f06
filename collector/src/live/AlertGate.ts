/**
 * One alert per session per episode, at the collector: the snippet already
 * sends one per episode, but a tampered or looping page may not. A session
 * that alerted less than this long ago is still in the same episode (the
 * snippet's score halves in a minute, so a new episode cannot start sooner).
 */
export const SESSION_ALERT_GAP_MS = 60_000

/**
 * New alerts a minute from one IP address (`WINCE_ALERTS_PER_IP`). An office
 * behind one NAT rarely has more than a few people struggling in the same
 * minute; thirty is already more than one support person can read.
 */
export const DEFAULT_ALERTS_PER_IP = 30

/** The window of the per-IP count, ms. */
const IP_WINDOW_MS = 60_000
/** Sessions (and addresses) remembered; past this the oldest are forgotten first. */
const MAX_SESSIONS = 100_000

/** Decides whether a struggle event of a session (site-qualified) from an address may alert now. */
export interface AlertAdmitter {
  admit(session: string, ip: string): boolean | Promise<boolean>
}

/**
 * Decides whether a struggle event becomes an alert (published live, sent to
 * webhooks, listed in `/api/alerts`) or is held: kept in the store as
 * evidence, but alerting no one. Held events cost nothing of the IP's budget
 * when held by the episode rule. One process's memory; `RedisAlertGate`
 * applies the same rules across collectors.
 */
export class AlertGate implements AlertAdmitter {
  private readonly _lastBySession = new Map<string, number>()
  /** Per IP, the times of its alerts in the last minute, oldest first: at most 30 in any 60 s, not a bucket that lets 60 through in the first. */
  private readonly _byIp = new Map<string, number[]>()

  constructor(private readonly _perIp: number = DEFAULT_ALERTS_PER_IP) {}

  /** True when the struggle of `session` (site-qualified) from `ip` may alert now. */
  admit(session: string, ip: string, now = Date.now()): boolean {
    const last = this._lastBySession.get(session)
    if (last !== undefined && now - last < SESSION_ALERT_GAP_MS) return false
    if (!this._takeIp(ip, now)) return false
    if (last !== undefined)
      this._lastBySession.delete(session) // re-insert: the map stays in time order
    else if (this._lastBySession.size >= MAX_SESSIONS) this._forgetOldest(now)
    this._lastBySession.set(session, now)
    return true
  }

  private _takeIp(ip: string, now: number): boolean {
    let times = this._byIp.get(ip)
    if (!times) {
      if (this._byIp.size >= MAX_SESSIONS) {
        // A list gets its first time as it is made (only a limit of 0 leaves one empty: NaN then keeps it, harmlessly).
        for (const [key, t] of this._byIp) if (now - t[t.length - 1]! >= IP_WINDOW_MS) this._byIp.delete(key)
        if (this._byIp.size >= MAX_SESSIONS) this._byIp.clear()
      }
      this._byIp.set(ip, (times = []))
    }
    // times.length checked first.
    while (times.length && now - times[0]! >= IP_WINDOW_MS) times.shift()
    if (times.length >= this._perIp) return false
    times.push(now)
    return true
  }

  private _forgetOldest(now: number): void {
    for (const [session, at] of this._lastBySession) {
      if (now - at < SESSION_ALERT_GAP_MS && this._lastBySession.size < MAX_SESSIONS) break
      this._lastBySession.delete(session)
      if (this._lastBySession.size < MAX_SESSIONS / 2) break
    }
  }
}
