import { randomBytes } from 'node:crypto'
import type { LiveBus } from './LiveBus.ts'

/**
 * How often a collector with agents present tells the others, ms; another
 * collector forgets a count not renewed within three beats (a crashed one).
 */
export const PRESENCE_BEAT_MS = 10_000

/**
 * Agents with the dashboard's live stream open, per site: the collector tells a
 * visitor who asks for help "waiting for an agent" only while someone could
 * answer. A stream without a site filter watches every site. With a bus, each
 * collector shares its counts (on change, and every {@link PRESENCE_BEAT_MS}
 * while it has any) and adds the others', so agents connected to any collector
 * behind a load balancer count.
 */
export class Presence {
  private readonly _open = new Map<string, number>()
  private readonly _remote = new Map<string, { counts: Record<string, number>; at: number }>()
  private readonly _origin = randomBytes(6).toString('hex')
  private _bus: LiveBus | undefined
  private _beat: NodeJS.Timeout | undefined
  private _seq = 0

  /** Shares presence with other collectors through `bus`. */
  share(bus: LiveBus): this {
    this._bus = bus
    bus.subscribe((m) => {
      if (m.kind !== 'presence' || m.data.origin === this._origin) return
      this._remote.set(m.data.origin, { counts: m.data.counts, at: Date.now() })
    })
    return this
  }

  /** An agent's stream opened for `site` (undefined: all sites). Returns the call that ends it; calling it twice is harmless. */
  join(site: string | undefined): () => void {
    const key = site ?? '*'
    this._open.set(key, (this._open.get(key) ?? 0) + 1)
    this._announce()
    let left = false
    return () => {
      if (left) return
      left = true
      const n = (this._open.get(key) ?? 1) - 1
      if (n > 0) this._open.set(key, n)
      else this._open.delete(key)
      this._announce()
    }
  }

  /** How many agent streams watch `site` now, on every collector that shares. */
  count(site: string): number {
    let n = (this._open.get(site) ?? 0) + (this._open.get('*') ?? 0)
    const fresh = Date.now() - 3 * PRESENCE_BEAT_MS
    for (const [origin, r] of this._remote) {
      if (r.at < fresh) this._remote.delete(origin)
      else n += (r.counts[site] ?? 0) + (r.counts['*'] ?? 0)
    }
    return n
  }

  private _announce(): void {
    const bus = this._bus
    if (!bus) return
    const at = Date.now()
    bus.publish({
      id: `presence-${this._origin}-${this._seq++}`,
      kind: 'presence',
      site: '*',
      session: '',
      at,
      data: { origin: this._origin, counts: Object.fromEntries(this._open) },
    })
    clearTimeout(this._beat)
    // Beats only while agents are here: an idle collector sends nothing (and holds no timer).
    if (this._open.size > 0) {
      this._beat = setTimeout(() => this._announce(), PRESENCE_BEAT_MS)
      this._beat.unref()
    }
  }
}
