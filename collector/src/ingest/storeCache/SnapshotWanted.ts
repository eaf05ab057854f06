import type { ClickHouseClient } from '@clickhouse/client'
import { hasRecentSnapshot } from '../../queries/hasRecentSnapshot.ts'
import { VIEWPORT_CLASSES } from '../viewportClass.ts'

/**
 * After saying "send a snapshot" for a page, say "no" to other page views of
 * it for this long: one snapshot is enough, and it takes a few seconds to arrive.
 */
export const SNAPSHOT_ASK_COOLDOWN_MS = 2 * 60 * 1000
/** How long a "we have one" answer is trusted before asking the store again. */
const KNOWN_MS = 10 * 60 * 1000

/**
 * Decides whether a page view should send a snapshot, so that most page
 * views send none: remembers answers in memory and asks the store rarely.
 */
export class SnapshotWanted {
  private readonly _until = new Map<string, number>()

  constructor(private readonly _client: ClickHouseClient) {}

  async ask(site: string, url: string, vc: string, now = Date.now()): Promise<boolean> {
    const key = `${site}\n${vc}\n${url}`
    if ((this._until.get(key) ?? 0) > now) return false
    if (this._until.size > 100_000) this._until.clear()
    if (await hasRecentSnapshot(this._client, site, url, vc, now)) {
      this._until.set(key, now + KNOWN_MS)
      return false
    }
    this._until.set(key, now + SNAPSHOT_ASK_COOLDOWN_MS)
    return true
  }

  /**
   * A new snapshot of the page was asked for ("take a new snapshot"): forget what this
   * process knows of it at every viewport class, so its next page view asks the store.
   * Other collector processes forget it within {@link KNOWN_MS}.
   */
  forget(site: string, url: string): void {
    for (const vc of VIEWPORT_CLASSES) this._until.delete(`${site}\n${vc}\n${url}`)
  }

  /** Every page of a site wants a new snapshot (its text setting changed): forget what this process knows of them. */
  forgetSite(site: string): void {
    for (const key of this._until.keys()) if (key.startsWith(`${site}\n`)) this._until.delete(key)
  }

  /** A snapshot arrived: no need to ask for a while. */
  got(site: string, url: string, vc: string, now = Date.now()): void {
    this._until.set(`${site}\n${vc}\n${url}`, now + KNOWN_MS)
  }
}
