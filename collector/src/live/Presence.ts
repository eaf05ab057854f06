/**
 * Agents with the dashboard's live stream open, per site: the collector tells a
 * visitor who asks for help "waiting for an agent" only while someone could
 * answer. A stream without a site filter watches every site.
 */
export class Presence {
  private readonly _open = new Map<string, number>()

  /** An agent's stream opened for `site` (undefined: all sites). Returns the call that ends it; calling it twice is harmless. */
  join(site: string | undefined): () => void {
    const key = site ?? '*'
    this._open.set(key, (this._open.get(key) ?? 0) + 1)
    let left = false
    return () => {
      if (left) return
      left = true
      const n = (this._open.get(key) ?? 1) - 1
      if (n > 0) this._open.set(key, n)
      else this._open.delete(key)
    }
  }

  /** How many agent streams watch `site` now. */
  count(site: string): number {
    return (this._open.get(site) ?? 0) + (this._open.get('*') ?? 0)
  }
}
