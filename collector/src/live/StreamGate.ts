/**
 * Open visitor channels (`GET /v1/live`) per IP address (`WINCE_LIVE_PER_IP`):
 * a page opens one while its session struggles, so even an office of
 * struggling visitors behind one NAT stays far below; a client holding
 * thousands open is not a visitor.
 */
export const DEFAULT_LIVE_PER_IP = 50
/**
 * Open visitor channels in all (`WINCE_LIVE_MAX`): each holds a socket, and
 * the process shares its file descriptors with the embedded store and the
 * spool; this leaves most of a 20,000-descriptor limit to them.
 */
export const DEFAULT_LIVE_MAX = 5_000

export interface StreamLimits {
  perIp: number
  total: number
}

/**
 * Counts open streams per IP and in all, refuses past the limits, and can end
 * them all at once (shutdown must not wait on channels that idle for minutes).
 */
export class StreamGate {
  private readonly _byIp = new Map<string, number>()
  private readonly _open = new Set<AbortController>()
  private readonly _limits: StreamLimits
  /** Streams refused so far. */
  refused = 0

  constructor(limits: { perIp?: number | undefined; total?: number | undefined } = {}) {
    this._limits = { perIp: limits.perIp ?? DEFAULT_LIVE_PER_IP, total: limits.total ?? DEFAULT_LIVE_MAX }
  }

  get size(): number {
    return this._open.size
  }

  /**
   * A slot for a stream from `ip`: its abort signal (fired by {@link closeAll})
   * and the release to call once when it ends; or why it is refused.
   */
  open(ip: string): { signal: AbortSignal; release: () => void } | string {
    const mine = this._byIp.get(ip) ?? 0
    if (mine >= this._limits.perIp)
      return this._refuse(`${mine} live channels already open from this address (at most ${this._limits.perIp})`)
    if (this._open.size >= this._limits.total)
      return this._refuse(`the collector has ${this._open.size} live channels open (at most ${this._limits.total})`)
    const controller = new AbortController()
    this._open.add(controller)
    this._byIp.set(ip, mine + 1)
    let released = false
    return {
      signal: controller.signal,
      release: () => {
        if (released) return
        released = true
        this._open.delete(controller)
        const left = (this._byIp.get(ip) ?? 1) - 1
        if (left > 0) this._byIp.set(ip, left)
        else this._byIp.delete(ip)
      },
    }
  }

  /** Ends every open stream (shutdown). */
  closeAll(): void {
    for (const controller of this._open) controller.abort()
  }

  private _refuse(reason: string): string {
    this.refused++
    return reason
  }
}
