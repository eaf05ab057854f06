import type { ClickHouseClient } from '@clickhouse/client'
import { insertState } from '../queries/insertState.ts'
import { queryState } from '../queries/queryState.ts'
import { errorMessage } from '../errorMessage.ts'

/**
 * A safety net under the change notices, ms: a notice is pub/sub, delivered at
 * most once, so a collector that missed one (a Redis reconnect) still catches
 * up within this. Two small tables read once a minute cost the store nothing.
 */
export const STATE_REFRESH_MS = 60_000

/** How collectors tell each other a kind of record changed (the broker's `announce`/`onAnnounce`). */
export interface ChangeNotices {
  announce(kind: string): void
  onAnnounce(listener: (kind: string) => void): void
}

/**
 * Records every collector of one ClickHouse server must agree on (sites,
 * tokens, sign-outs), in the `shared_state` table instead of the data dir.
 * Each holder keeps its records in memory (reads stay synchronous and cost no
 * query) and reloads a kind when another collector announces a change to it,
 * and every {@link STATE_REFRESH_MS}.
 */
export class SharedState {
  private readonly _reloads = new Map<string, Set<() => Promise<void>>>()
  private _notices: ChangeNotices | undefined
  private _timer: NodeJS.Timeout | undefined

  constructor(private readonly _client: ClickHouseClient) {}

  /** Listens for other collectors' changes, and refreshes now and then. */
  link(notices: ChangeNotices): this {
    this._notices = notices
    notices.onAnnounce((kind) => void this._reload(kind))
    this._timer = setInterval(() => {
      for (const kind of this._reloads.keys()) void this._reload(kind)
    }, STATE_REFRESH_MS)
    this._timer.unref()
    return this
  }

  load(kind: string): Promise<Map<string, string>> {
    return queryState(this._client, kind)
  }

  /** Keeps a record (`value` undefined: removes it) and tells the other collectors. */
  async save(kind: string, key: string, value: string | undefined): Promise<void> {
    await insertState(this._client, kind, key, value)
    this._notices?.announce(kind)
  }

  /** `reload` runs when `kind` changed elsewhere. */
  watch(kind: string, reload: () => Promise<void>): void {
    let set = this._reloads.get(kind)
    if (!set) this._reloads.set(kind, (set = new Set()))
    set.add(reload)
  }

  close(): void {
    clearInterval(this._timer)
  }

  private async _reload(kind: string): Promise<void> {
    for (const reload of this._reloads.get(kind) ?? []) {
      try {
        await reload()
      } catch (err) {
        console.error(
          `wince: reloading ${kind} records from ClickHouse failed (kept the ones in memory): ${errorMessage(err)}`,
        )
      }
    }
  }
}
