import type { ClickHouseClient } from '@clickhouse/client'

/** Tables the writer fills. */
export type Table = 'signals' | 'page_views' | 'alerts'

export interface WriterOptions {
  /** Flush at most this often, ms. Default 200: alerts go live through the bus, not the store, so a short wait costs nothing visible while batching inserts ClickHouse likes. */
  intervalMs?: number
  /** Flush at once when this many rows are waiting. Default 20,000 (a ClickHouse insert per few thousand rows keeps parts few). */
  maxRows?: number
  /** Called with any failed insert (the rows stay queued and are retried). */
  onError?: (err: Error) => void
}

/**
 * Batches rows per table and inserts them together. A failed insert keeps its
 * rows at the front of the queue for the next flush, so nothing accepted is
 * dropped while the process lives.
 */
export class Writer {
  private _queues = new Map<Table, Record<string, unknown>[]>()
  private _timer: NodeJS.Timeout | undefined
  private _flushing: Promise<void> | undefined
  private _pending = 0
  private readonly _intervalMs: number
  private readonly _maxRows: number
  private readonly _onError: (err: Error) => void

  constructor(private readonly _client: ClickHouseClient, options: WriterOptions = {}) {
    this._intervalMs = options.intervalMs ?? 200
    this._maxRows = options.maxRows ?? 20_000
    this._onError = options.onError ?? ((err) => console.error(`wince: store write failed, will retry: ${err.message}`))
  }

  /** Rows waiting to be written. */
  get pending(): number {
    return this._pending
  }

  push(table: Table, rows: Record<string, unknown>[]): void {
    if (rows.length === 0) return
    let queue = this._queues.get(table)
    if (!queue) this._queues.set(table, (queue = []))
    for (const row of rows) queue.push(row)
    this._pending += rows.length
    if (this._pending >= this._maxRows) void this.flush()
    else this._timer ??= setTimeout(() => void this.flush(), this._intervalMs)
  }

  /** Writes everything queued; resolves when done (or failed and re-queued). */
  async flush(): Promise<void> {
    clearTimeout(this._timer)
    this._timer = undefined
    while (this._flushing) await this._flushing
    if (this._pending === 0) return
    this._flushing = this._write().finally(() => (this._flushing = undefined))
    await this._flushing
  }

  private async _write(): Promise<void> {
    const batches = [...this._queues]
    this._queues = new Map()
    this._pending = 0
    for (const [table, values] of batches) {
      try {
        await this._client.insert({ table, values, format: 'JSONEachRow' })
      } catch (err) {
        const queue = this._queues.get(table) ?? []
        this._queues.set(table, values.concat(queue))
        this._pending += values.length
        this._onError(err as Error)
      }
    }
    if (this._pending > 0) this._timer ??= setTimeout(() => void this.flush(), Math.max(this._intervalMs, 1000))
  }

  /** Flushes and stops the timer. */
  async close(): Promise<void> {
    await this.flush()
    clearTimeout(this._timer)
    this._timer = undefined
  }
}
