import type { ClickHouseClient } from '@clickhouse/client'
import { randomBytes } from 'node:crypto'
import { RecentIds } from '../ingest/RecentIds.ts'
import { MemoryBus, type LiveBus, type LiveListener } from './LiveBus.ts'
import type { LiveMessage } from './LiveMessage.ts'

export interface ClickHouseBusOptions {
  /** How often to look for other processes' messages, ms. Default 200: with the insert, well under the 1 s alert budget. */
  pollMs?: number
  /**
   * How far back each poll looks, ms. Default 5,000: an insert from another
   * process can land a little after its `at`; messages already seen are
   * skipped by id.
   */
  overlapMs?: number
}

/**
 * The live bus for several collector processes sharing one ClickHouse: a
 * message is delivered locally at once and inserted into `live_events`;
 * every process polls that table for messages other processes inserted.
 */
export class ClickHouseBus implements LiveBus {
  /** This process's id in `live_events.origin`. */
  readonly origin = randomBytes(6).toString('hex')
  private readonly _local = new MemoryBus()
  private readonly _seen = new RecentIds(20_000)
  private readonly _pollMs: number
  private readonly _overlapMs: number
  private _timer: NodeJS.Timeout | undefined
  private _polling: Promise<void> | undefined
  private _since = Date.now()
  private _closed = false

  constructor(private readonly _client: ClickHouseClient, options: ClickHouseBusOptions = {}) {
    this._pollMs = options.pollMs ?? 200
    this._overlapMs = options.overlapMs ?? 5_000
    this._schedule()
  }

  publish(message: LiveMessage): void {
    if (!this._seen.add(message.id)) return
    this._local.publish(message)
    const row = { at: message.at, id: message.id, origin: this.origin, kind: message.kind, site: message.site, session: message.session, data: JSON.stringify(message.data) }
    this._client.insert({ table: 'live_events', values: [row], format: 'JSONEachRow' }).catch((err: Error) => {
      console.error(`wince: live message not shared with other collectors: ${err.message}`)
    })
  }

  subscribe(listener: LiveListener): () => void {
    return this._local.subscribe(listener)
  }

  /** Looks for other processes' messages now. */
  poll(): Promise<void> {
    this._polling ??= this._pollOnce().finally(() => (this._polling = undefined))
    return this._polling
  }

  async close(): Promise<void> {
    this._closed = true
    clearTimeout(this._timer)
    await this._polling
  }

  private _schedule(): void {
    if (this._closed) return
    this._timer = setTimeout(() => void this.poll().finally(() => this._schedule()), this._pollMs)
  }

  private async _pollOnce(): Promise<void> {
    const from = this._since - this._overlapMs
    try {
      const rs = await this._client.query({
        query: `SELECT toUnixTimestamp64Milli(at) AS at_ms, id, kind, site, session, data
          FROM live_events
          WHERE at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND origin != {origin:String}
          ORDER BY at, id`,
        query_params: { from, origin: this.origin },
        format: 'JSONEachRow',
      })
      const rows = (await rs.json()) as Array<{ at_ms: string | number; id: string; kind: LiveMessage['kind']; site: string; session: string; data: string }>
      for (const r of rows) {
        const at = Number(r.at_ms)
        if (at > this._since) this._since = at
        if (!this._seen.add(r.id)) continue
        this._local.publish({ id: r.id, kind: r.kind, site: r.site, session: r.session, at, data: JSON.parse(r.data) } as LiveMessage)
      }
      // Clocks move on even when nothing arrives; keep the window from growing.
      this._since = Math.max(this._since, Date.now() - this._overlapMs)
    } catch (err) {
      if (!this._closed) console.error(`wince: reading other collectors' live messages failed: ${(err as Error).message}`)
    }
  }
}
