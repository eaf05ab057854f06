import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { Table } from './Writer.ts'

/** Rows per insert when replaying: large inserts are what ClickHouse is fast at. */
export const REPLAY_BATCH_ROWS = 50_000

/** One spooled insert: the rows for one table, each row a JSON object's text (a JSONEachRow line). */
export interface SpoolBatch {
  table: Table
  rows: string[]
}

export interface SpoolOptions {
  /** Folder of the spool's segment files. */
  dir: string
  /** Largest total size on disk, bytes. Default 1 GiB: hours of a busy site's events, far from filling a disk. */
  maxBytes?: number
  /** A segment is closed (and can be replayed) once it is this large. Default 8 MiB: one replay insert stays moderate. */
  segmentBytes?: number
  /** Called with a clear message when the spool is full. */
  onFull?: (message: string) => void
}

/**
 * An append-only on-disk queue for rows the store could not take. Rows are
 * appended as JSON lines to the newest segment; `sync()` fsyncs what was
 * appended since the last call, so callers can fsync in batches (group
 * commit). Segments are replayed oldest first and deleted only after their
 * rows were stored, so a crash at any point loses nothing that was synced.
 * Replaying twice is harmless: events carry ids and the tables collapse
 * duplicates.
 */
export class Spool {
  private readonly _dir: string
  private readonly _maxBytes: number
  private readonly _segmentBytes: number
  private readonly _onFull: (message: string) => void
  private _fd: number | undefined
  private _current = ''
  private _currentBytes = 0
  private _totalBytes = 0
  private _dirty = false
  private _seq: number
  private _fullLogged = false

  constructor(options: SpoolOptions) {
    this._dir = options.dir
    this._maxBytes = options.maxBytes ?? 1024 ** 3
    this._segmentBytes = options.segmentBytes ?? 8 * 1024 ** 2
    this._onFull = options.onFull ?? ((m) => console.error(`wince: ${m}`))
    mkdirSync(this._dir, { recursive: true })
    const segments = this.segments()
    this._totalBytes = segments.reduce((sum, f) => sum + statSync(join(this._dir, f)).size, 0)
    this._seq = segments.length ? Number(segments[segments.length - 1]!.slice(8, 24)) + 1 : 1
  }

  /** Bytes on disk. */
  get bytes(): number {
    return this._totalBytes
  }

  /** Segment file names, oldest first. */
  segments(): string[] {
    return readdirSync(this._dir).filter((f) => /^segment-\d{16}\.jsonl$/.test(f)).sort()
  }

  /** Whether `bytes` more would fit under the cap. */
  hasRoom(bytes: number): boolean {
    return this._totalBytes + bytes <= this._maxBytes
  }

  /**
   * Appends batches (not yet fsynced: call {@link sync}). Returns false, and
   * logs once, when the spool is full; nothing is written then.
   */
  append(batches: SpoolBatch[]): boolean {
    // One line per batch, `{"table":…,"rows":[…]}`: the rows are already JSON, so they are joined, not encoded again.
    let text = ''
    for (const b of batches) if (b.rows.length > 0) text += `{"table":${JSON.stringify(b.table)},"rows":[${b.rows.join(',')}]}\n`
    if (!text) return true
    const bytes = Buffer.byteLength(text)
    if (!this.hasRoom(bytes)) {
      if (!this._fullLogged) {
        this._fullLogged = true
        this._onFull(`spool full (${this._totalBytes} of ${this._maxBytes} bytes in ${this._dir}): refusing new events until the store is back`)
      }
      return false
    }
    this._fullLogged = false
    if (this._fd === undefined || this._currentBytes >= this._segmentBytes) this._rotate()
    writeSync(this._fd!, text)
    this._currentBytes += bytes
    this._totalBytes += bytes
    this._dirty = true
    return true
  }

  /** Makes every append so far durable. */
  sync(): void {
    if (this._dirty && this._fd !== undefined) fsyncSync(this._fd)
    this._dirty = false
  }

  /**
   * Replays segments oldest first through `write`, rows of a table merged
   * into inserts of up to {@link REPLAY_BATCH_ROWS} (one insert per spooled
   * beacon would make replay crawl); a segment is deleted once all its rows
   * were written. Stops at the first failure (rethrown). Returns the rows
   * replayed.
   */
  async replay(write: (batch: SpoolBatch) => Promise<void>): Promise<number> {
    // Close the open segment so new appends go to a fresh one while this one drains.
    this._closeCurrent()
    let rows = 0
    for (const name of this.segments()) {
      const file = join(this._dir, name)
      const size = statSync(file).size
      const pending = new Map<SpoolBatch['table'], SpoolBatch['rows']>()
      const drain = async (table: SpoolBatch['table']) => {
        const batch = pending.get(table)
        if (!batch?.length) return
        pending.delete(table)
        await write({ table, rows: batch })
        rows += batch.length
      }
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue
        let batch: { table: Table; rows: unknown[] }
        try {
          batch = JSON.parse(line) as { table: Table; rows: unknown[] }
        } catch {
          continue // a torn last line from a crash mid-append was never synced, so never acknowledged
        }
        const merged = pending.get(batch.table) ?? []
        for (const row of batch.rows) merged.push(JSON.stringify(row))
        pending.set(batch.table, merged)
        if (merged.length >= REPLAY_BATCH_ROWS) await drain(batch.table)
      }
      for (const table of [...pending.keys()]) await drain(table)
      unlinkSync(file)
      this._totalBytes -= size
    }
    return rows
  }

  close(): void {
    this._closeCurrent()
  }

  private _rotate(): void {
    this._closeCurrent()
    this._current = join(this._dir, `segment-${String(this._seq++).padStart(16, '0')}.jsonl`)
    this._fd = openSync(this._current, 'a')
    this._currentBytes = 0
  }

  private _closeCurrent(): void {
    if (this._fd === undefined) return
    this.sync()
    closeSync(this._fd)
    this._fd = undefined
  }
}
