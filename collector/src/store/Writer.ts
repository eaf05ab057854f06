import type { InsertJson } from './createStore.ts'
import type { Spool, SpoolBatch } from './Spool.ts'

/** Tables the writer fills. */
export type Table = 'signals' | 'page_views' | 'alerts' | 'clicks' | 'scroll_depth' | 'vitals' | 'goals'

export interface WriterOptions {
  /** Flush at most this often, ms. Default 200: alerts go live through the bus, not the store, so a short wait costs nothing visible while batching inserts ClickHouse likes. */
  intervalMs?: number
  /** Flush at once when this many rows are waiting. Default 20,000 (a ClickHouse insert per few thousand rows keeps parts few). */
  maxRows?: number
  /** Where rows go while the store fails. Without one, failed rows stay queued in memory. */
  spool?: Spool
  /** First wait before replaying the spool after a failure, ms; doubles up to {@link MAX_RETRY_MS}. Default 1000. */
  retryMs?: number
  /** Called with any failed insert. */
  onError?: (err: Error) => void
  /** Called after spooled rows were replayed into the store. */
  onReplay?: (rows: number) => void
}

/** Rows waiting for one table. */
interface Queued {
  chunks: Buffer[]
  rows: number
}

/** The rows of a queue, one JSON text each (for the spool). */
const rowsOf = (queue: Queued): string[] => Buffer.concat(queue.chunks).toString('utf8').split('\n').filter(Boolean)

/** Longest wait between two attempts to replay the spool: a recovered store is used within half a minute. */
export const MAX_RETRY_MS = 30_000

/**
 * Batches rows per table and inserts them together. When an insert fails the
 * writer turns *degraded*: that batch and every batch accepted afterwards go
 * to the on-disk spool (fsynced before the beacon is acknowledged) until a
 * replay of the spool into the store succeeds.
 */
export class Writer {
  /** Per table, rows as UTF-8 JSONEachRow text, one buffer per accepted beacon: off the JS heap while they wait. */
  private _queues = new Map<Table, Queued>()
  private _timer: NodeJS.Timeout | undefined
  private _flushing: Promise<void> | undefined
  private _pending = 0
  private _degraded = false
  private _retryTimer: NodeJS.Timeout | undefined
  private _retryMs: number
  private _replaying: Promise<void> | undefined
  private _syncing: Promise<void> | undefined
  private _closed = false
  private readonly _intervalMs: number
  private readonly _maxRows: number
  private readonly _baseRetryMs: number
  private readonly _spool: Spool | undefined
  private readonly _onError: (err: Error) => void
  private readonly _onReplay: (rows: number) => void

  constructor(private readonly _insert: InsertJson, options: WriterOptions = {}) {
    this._intervalMs = options.intervalMs ?? 200
    this._maxRows = options.maxRows ?? 20_000
    this._spool = options.spool
    this._baseRetryMs = this._retryMs = options.retryMs ?? 1000
    this._onError = options.onError ?? ((err) => console.error(`wince: store write failed, spooling: ${err.message}`))
    this._onReplay = options.onReplay ?? ((rows) => console.log(`wince: replayed ${rows} spooled rows into the store`))
    if (this._spool && this._spool.segments().length > 0) this._scheduleReplay(0)
  }

  /** Rows waiting in memory. */
  get pending(): number {
    return this._pending
  }

  /** Whether the store is failing and new rows go to the spool. */
  get degraded(): boolean {
    return this._degraded
  }

  /**
   * Accepts rows. Healthy: queued in memory for the next insert. Degraded:
   * appended to the spool and fsynced before this resolves. Resolves false
   * when they could not be kept (spool full): the caller must not acknowledge.
   */
  async accept(batches: SpoolBatch[]): Promise<boolean> {
    if (this._degraded && this._spool) {
      if (!this._spool.append(batches)) return false
      await this._groupSync()
      return true
    }
    for (const { table, rows } of batches) this.push(table, rows)
    return true
  }

  /** Queues rows (each a JSON object's text) in memory for the next insert. */
  push(table: Table, rows: string[]): void {
    if (rows.length === 0) return
    let queue = this._queues.get(table)
    if (!queue) this._queues.set(table, (queue = { chunks: [], rows: 0 }))
    // One flat copy now, rather than thousands of string pieces the GC would move until the flush.
    queue.chunks.push(Buffer.from(rows.join('\n') + '\n'))
    queue.rows += rows.length
    this._pending += rows.length
    if (this._pending >= this._maxRows) void this.flush()
    else this._timer ??= setTimeout(() => void this.flush(), this._intervalMs)
  }

  /** Writes everything queued; resolves when done (written, spooled or re-queued). */
  async flush(): Promise<void> {
    clearTimeout(this._timer)
    this._timer = undefined
    while (this._flushing) await this._flushing
    if (this._pending === 0) return
    this._flushing = this._write().finally(() => (this._flushing = undefined))
    await this._flushing
  }

  /** Tries to replay the spool now; resolves when that attempt ended. */
  async replay(): Promise<void> {
    clearTimeout(this._retryTimer)
    this._retryTimer = undefined
    if (!this._spool) return
    if (this._replaying) return this._replaying
    this._replaying = this._replayOnce().finally(() => (this._replaying = undefined))
    return this._replaying
  }

  /** Flushes (to the store, or the spool) and stops the timers. */
  async close(): Promise<void> {
    await this.flush()
    this._closed = true
    clearTimeout(this._timer)
    clearTimeout(this._retryTimer)
    this._timer = this._retryTimer = undefined
    await this._replaying
    this._spool?.close()
  }

  private async _write(): Promise<void> {
    const queued = [...this._queues]
    this._queues = new Map()
    this._pending = 0
    const failed: Array<[Table, Queued]> = []
    for (const [table, queue] of queued) {
      if (failed.length === 0 && !this._degraded) {
        try {
          await this._insert(table, Buffer.concat(queue.chunks))
          continue
        } catch (err) {
          this._onError(err as Error)
        }
      }
      failed.push([table, queue])
    }
    if (failed.length === 0) return
    if (this._spool) {
      this._enterDegraded()
      if (this._spool.append(failed.map(([table, queue]) => ({ table, rows: rowsOf(queue) })))) {
        this._spool.sync()
        return
      }
    }
    // No spool, or a full one: keep the rows in memory and try again later.
    for (const [table, queue] of failed) {
      const later = this._queues.get(table)
      this._queues.set(table, later ? { chunks: queue.chunks.concat(later.chunks), rows: queue.rows + later.rows } : queue)
      this._pending += queue.rows
    }
    if (!this._closed) this._timer ??= setTimeout(() => void this.flush(), Math.max(this._intervalMs, this._baseRetryMs))
  }

  private _enterDegraded(): void {
    if (!this._degraded) {
      this._degraded = true
      this._retryMs = this._baseRetryMs
    }
    this._scheduleReplay(this._retryMs)
  }

  private _scheduleReplay(delay: number): void {
    if (this._closed || this._retryTimer) return
    this._retryTimer = setTimeout(() => {
      this._retryTimer = undefined
      void this.replay()
    }, delay)
  }

  private async _replayOnce(): Promise<void> {
    const spool = this._spool!
    try {
      const rows = await spool.replay(({ table, rows }) => this._insert(table, rows.join('\n')))
      if (rows > 0) this._onReplay(rows)
      this._degraded = false
      this._retryMs = this._baseRetryMs
      // Anything appended while the replay ran is picked up by the next one.
      if (spool.segments().length > 0) this._scheduleReplay(0)
    } catch (err) {
      this._onError(err as Error)
      this._degraded = true
      this._retryMs = Math.min(this._retryMs * 2, MAX_RETRY_MS)
      this._scheduleReplay(this._retryMs)
    }
  }

  /** One fsync shared by every caller that arrives while it is pending (group commit). */
  private _groupSync(): Promise<void> {
    this._syncing ??= new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        this._syncing = undefined
        try {
          this._spool!.sync()
          resolve()
        } catch (err) {
          reject(err as Error)
        }
      }, 2)
    })
    return this._syncing
  }
}
