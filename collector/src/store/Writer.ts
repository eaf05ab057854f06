import type { InsertJson } from './createStore.ts'
import type { Spool, SpoolBatch, StoredRows } from './Spool.ts'
import { errorMessage, asError } from '../errorMessage.ts'

/** Tables the writer fills. */
export type Table = 'signals' | 'page_views' | 'alerts' | 'clicks' | 'scroll_depth' | 'vitals' | 'goals'

export interface WriterOptions {
  /** Flush at most this often, ms. Default 200: alerts go live through the bus, not the store, so a short wait costs nothing visible while batching inserts ClickHouse likes. */
  intervalMs?: number
  /** Flush at once when this many rows are waiting. Default 20,000 (a ClickHouse insert per few thousand rows keeps parts few). */
  maxRows?: number
  /** The write-ahead log: accepted rows are on disk before {@link Writer.accept} resolves. Without one, rows wait in memory only (tests of the writer alone). */
  spool?: Spool
  /** Which logged rows the store already holds (checked before replaying a segment whose insert may have run). */
  storedRows?: StoredRows
  /** First wait before replaying the log after a failure, ms; doubles up to {@link MAX_RETRY_MS}. Default 1000. */
  retryMs?: number
  /** Called with any failed insert or log error. */
  onError?: (err: Error) => void
  /** Called after logged rows were replayed into the store. */
  onReplay?: (rows: number) => void
}

/** What became of accepted rows: kept (durable), refused because the log is full, or refused after a log error. */
export type Accepted = 'ok' | 'full' | 'failed'

/** Rows waiting for one table. */
interface Queued {
  chunks: Buffer[]
  rows: number
}

/** Flush at once past this many queued bytes: half a log segment (8 MiB), so a flush normally seals the segment its rows are in. */
export const FLUSH_BYTES = 4 * 1024 ** 2

/** Longest wait between two attempts to replay the log: a recovered store is used within half a minute. */
export const MAX_RETRY_MS = 30_000

/**
 * Writes accepted rows to the store, through a write-ahead log. Each beacon's rows
 * are appended to the log's open segment and fsynced (group commit) before
 * {@link accept} resolves, and queued in memory. A flush seals the segment, inserts
 * its queued rows and deletes it. When an insert fails the writer turns *degraded*:
 * rows are only logged, and the log's sealed segments are replayed (retried with
 * backoff) until the store takes them again; at start-up whatever the log holds is
 * replayed. So a kill at any moment loses no acknowledged row.
 */
export class Writer {
  /** Per table, rows of the open segment as UTF-8 JSONEachRow text, one buffer per accepted beacon: off the JS heap while they wait. */
  private _queues = new Map<Table, Queued>()
  /** Whether every row of the open segment is also in {@link _queues} (false once a row was only logged). */
  private _queuedAll = true
  private _timer: NodeJS.Timeout | undefined
  private _soon = false
  private _draining: Promise<void> | undefined
  private _pending = 0
  private _pendingBytes = 0
  private _degraded = false
  private _retryDue = true
  private _retryTimer: NodeJS.Timeout | undefined
  private _retryMs: number
  private _closed = false
  private readonly _intervalMs: number
  private readonly _maxRows: number
  private readonly _baseRetryMs: number
  private readonly _spool: Spool | undefined
  private readonly _storedRows: StoredRows | undefined
  private readonly _onError: (err: Error) => void
  private readonly _onReplay: (rows: number) => void

  constructor(
    private readonly _insert: InsertJson,
    options: WriterOptions = {},
  ) {
    this._intervalMs = options.intervalMs ?? 200
    this._maxRows = options.maxRows ?? 20_000
    this._spool = options.spool
    this._storedRows = options.storedRows
    this._baseRetryMs = this._retryMs = options.retryMs ?? 1000
    this._onError = options.onError ?? onceInAWhile((err) => console.error(`wince: ${err.message}`))
    this._onReplay = options.onReplay ?? ((rows) => console.log(`wince: replayed ${rows} logged rows into the store`))
    if (this._spool && this._spool.segments().length > 0) this._scheduleReplay(0)
  }

  /** Rows waiting in memory. */
  get pending(): number {
    return this._pending
  }

  /** Whether the store is failing and rows wait in the log only. */
  get degraded(): boolean {
    return this._degraded
  }

  /** Whether the log has room for `bytes` more (true without a log). */
  hasRoom(bytes = 0): boolean {
    return this._spool?.hasRoom(bytes) ?? true
  }

  /**
   * Accepts rows: appended to the log and made durable before this resolves, and
   * queued for the next insert. Anything but `ok` means they were not kept: the
   * caller must not acknowledge them.
   */
  async accept(batches: SpoolBatch[]): Promise<Accepted> {
    if (!this._spool) {
      for (const { table, rows } of batches) this.push(table, rows)
      return 'ok'
    }
    const opened = this._spool.opened
    try {
      if (!this._spool.append(batches)) return 'full'
      // The log sealed a full segment by itself: memory no longer matches the open one, so the next drain replays both from disk.
      if (this._spool.opened !== opened && this._pending > 0) this._queuedAll = false
    } catch (err) {
      this._onError(new Error(`cannot write the write-ahead log: ${errorMessage(err)}`))
      return 'failed'
    }
    if (this._degraded) this._queuedAll = false
    else for (const { table, rows } of batches) this.push(table, rows)
    try {
      await this._spool.syncAll()
    } catch (err) {
      this._onError(new Error(`cannot sync the write-ahead log: ${errorMessage(err)}`))
      return 'failed'
    }
    return 'ok'
  }

  /** Queues rows (each a JSON object's text) in memory for the next insert. */
  push(table: Table, rows: string[]): void {
    if (rows.length === 0) return
    let queue = this._queues.get(table)
    if (!queue) this._queues.set(table, (queue = { chunks: [], rows: 0 }))
    // One flat copy now, rather than thousands of string pieces the GC would move until the flush.
    const chunk = Buffer.from(rows.join('\n') + '\n')
    queue.chunks.push(chunk)
    queue.rows += rows.length
    this._pending += rows.length
    this._pendingBytes += chunk.length
    // Never a flush in the middle of an accept: its rows must stay with the segment they were logged in.
    if ((this._pending >= this._maxRows || this._pendingBytes >= FLUSH_BYTES) && !this._soon) {
      clearTimeout(this._timer)
      this._soon = true
      this._timer = setTimeout(() => void this.flush(), 0)
    } else this._timer ??= setTimeout(() => void this.flush(), this._intervalMs)
  }

  /** Writes everything accepted so far to the store (or leaves it in the log when the store fails); resolves when done. Never rejects. */
  async flush(): Promise<void> {
    clearTimeout(this._timer)
    this._timer = undefined
    this._soon = false
    while (this._draining) await this._draining
    this._draining = this._drain().finally(() => (this._draining = undefined))
    await this._draining
  }

  /** Tries to replay the log now (even while degraded); resolves when that attempt ended. */
  async replay(): Promise<void> {
    clearTimeout(this._retryTimer)
    this._retryTimer = undefined
    this._retryDue = true
    await this.flush()
  }

  /** Flushes (to the store, or the log) and stops the timers. */
  async close(): Promise<void> {
    await this.flush()
    this._closed = true
    clearTimeout(this._timer)
    clearTimeout(this._retryTimer)
    this._timer = this._retryTimer = undefined
    await this._spool?.close().catch((err: Error) => this._onError(err))
  }

  /** One pass: seal the open segment and insert its queued rows, then replay sealed segments left in the log. */
  private async _drain(): Promise<void> {
    const queued = [...this._queues]
    const queuedAll = this._queuedAll
    this._queues = new Map()
    this._pending = this._pendingBytes = 0
    this._queuedAll = true
    const spool = this._spool
    if (!spool) return this._insertQueued(queued)
    try {
      const name = spool.seal()
      if (name && queuedAll && !this._degraded) {
        // The rows are in the log: a failed insert leaves them there for the replay below or a later one.
        const sent = spool.markSent(name)
        for (const [table, queue] of queued) await this._insert(table, Buffer.concat(queue.chunks))
        spool.remove(sent)
      }
      if ((!this._degraded || this._retryDue) && spool.sealedSegments().length > 0) await this._replayLog(spool)
    } catch (err) {
      this._onError(new Error(`store write failed, rows kept in the write-ahead log: ${errorMessage(err)}`))
      this._enterDegraded()
    }
  }

  private async _replayLog(spool: Spool): Promise<void> {
    this._retryDue = false
    const rows = await spool.replay(({ table, rows }) => this._insert(table, rows.join('\n')), this._storedRows)
    if (rows > 0) this._onReplay(rows)
    // Rows logged while degraded are in the open segment, not in memory: it is replayed next.
    if (this._degraded) {
      this._degraded = false
      this._retryMs = this._baseRetryMs
      if (spool.seal()) this._scheduleReplay(0)
      this._queuedAll = true
    }
  }

  /** Without a log: insert from memory, and keep failed rows queued for another try. */
  private async _insertQueued(queued: Array<[Table, Queued]>): Promise<void> {
    for (const [table, queue] of queued) {
      try {
        await this._insert(table, Buffer.concat(queue.chunks))
        continue
      } catch (err) {
        this._onError(asError(err))
      }
      const later = this._queues.get(table)
      this._queues.set(
        table,
        later ? { chunks: queue.chunks.concat(later.chunks), rows: queue.rows + later.rows } : queue,
      )
      this._pending += queue.rows
      if (!this._closed)
        this._timer ??= setTimeout(() => void this.flush(), Math.max(this._intervalMs, this._baseRetryMs))
    }
  }

  private _enterDegraded(): void {
    if (!this._degraded) {
      this._degraded = true
      this._retryMs = this._baseRetryMs
    } else this._retryMs = Math.min(this._retryMs * 2, MAX_RETRY_MS)
    this._scheduleReplay(this._retryMs)
  }

  private _scheduleReplay(delay: number): void {
    if (this._closed || this._retryTimer) return
    this._retryTimer = setTimeout(() => {
      this._retryTimer = undefined
      void this.replay()
    }, delay)
  }
}

/** The same error is logged at most this often, ms: a failing disk under a flood of beacons gives one line, not one per request. */
export const ERROR_LOG_INTERVAL_MS = 10_000

/** Logs an error unless the same message was logged less than {@link ERROR_LOG_INTERVAL_MS} ago (then counts it). */
function onceInAWhile(log: (err: Error) => void): (err: Error) => void {
  const last = new Map<string, { at: number; skipped: number }>()
  return (err) => {
    const seen = last.get(err.message)
    const now = Date.now()
    if (seen && now - seen.at < ERROR_LOG_INTERVAL_MS) {
      seen.skipped++
      return
    }
    if (last.size > 100) last.clear()
    last.set(err.message, { at: now, skipped: 0 })
    log(seen?.skipped ? new Error(`${err.message} (and ${seen.skipped} more like it)`) : err)
  }
}
