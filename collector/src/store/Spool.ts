import {
  close,
  fdatasync,
  fsync,
  mkdirSync,
  open,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import type { Table } from './Writer.ts'
import { SpareSegments } from './SpareSegments.ts'
import { asError } from '../errorMessage.ts'

/** Rows per insert when replaying: large inserts are what ClickHouse is fast at. */
export const REPLAY_BATCH_ROWS = 50_000

/** One logged insert: the rows for one table, each row a JSON object's text (a JSONEachRow line). */
export interface SpoolBatch {
  table: Table
  rows: string[]
}

/**
 * Which of these rows of `table` the store already holds, by event id (rows are JSON objects
 * with `id` and `ts`, epoch ms). Asked only for segments whose insert may have run before a crash.
 */
export type StoredRows = (table: Table, rows: Array<{ id: string; ts: number }>) => Promise<Set<string>>

export interface SpoolOptions {
  /** Folder of the log's segment files. */
  dir: string
  /** Largest total size on disk, bytes. Default 1 GiB: hours of a busy site's events, far from filling a disk. */
  maxBytes?: number
  /** A segment is closed (and can be replayed) once it is this large. Default 8 MiB: one replay insert stays moderate. */
  segmentBytes?: number
  /** Called with a clear message when the log is full. */
  onFull?: (message: string) => void
  /** Called when a spare segment file could not be prepared (the log then writes plain files). */
  onError?: (err: Error) => void
}

const SEGMENT = /^segment-(\d{16})(\.sent)?\.jsonl$/

/**
 * The write-ahead log of accepted rows: every accepted beacon is appended as
 * one JSON line to the open segment and made durable by {@link syncAll}
 * (one fdatasync shared by every beacon that arrived meanwhile: group commit)
 * before it is acknowledged. The writer {@link seal}s the open segment at
 * each flush, inserts its rows, and {@link remove}s it once they are stored.
 * A segment is renamed `….sent.jsonl` before its first insert: after a crash
 * only those are checked against the store (by event id) before replay, so
 * an insert that finished just before the crash is not stored twice.
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
  /** Sealed segments' descriptors waiting for their last fdatasync before they are closed. */
  private _sealedFds: number[] = []
  private _seq: number
  private _fullLogged = false
  private _currentSeq = 0
  /** A segment file was created or renamed: the folder itself needs a sync before its data counts as durable. */
  private _dirDirty = false
  /** Bytes of data per segment number (a reused file is larger than what it holds). */
  private readonly _dataBytes = new Map<number, number>()
  private readonly _spares: SpareSegments
  private _syncing = false
  private _nextSync: Deferred | undefined

  constructor(options: SpoolOptions) {
    this._dir = options.dir
    this._maxBytes = options.maxBytes ?? 1024 ** 3
    this._segmentBytes = options.segmentBytes ?? 8 * 1024 ** 2
    this._onFull = options.onFull ?? ((m) => console.error(`wince: ${m}`))
    mkdirSync(this._dir, { recursive: true })
    const segments = this.segments()
    for (const f of segments) this._dataBytes.set(seqOf(f), statSync(join(this._dir, f)).size)
    this._totalBytes = [...this._dataBytes.values()].reduce((a, b) => a + b, 0)
    this._spares = new SpareSegments(
      this._dir,
      this._segmentBytes,
      options.onError ?? ((err) => console.error(`wince: ${err.message}`)),
    )
    // segments is not empty (checked) and every name matched SEGMENT when listed.
    this._seq = segments.length ? Number(SEGMENT.exec(segments[segments.length - 1]!)![1]) + 1 : 1
  }

  /** Bytes on disk. */
  get bytes(): number {
    return this._totalBytes
  }

  /** Segments opened so far by this process: a change across an append means it sealed the previous one by size. */
  get opened(): number {
    return this._seq
  }

  /** Segment file names, oldest first, the open one included. */
  segments(): string[] {
    return readdirSync(this._dir)
      .filter((f) => SEGMENT.test(f))
      .sort()
  }

  /** Closed segments (waiting for replay), oldest first. */
  sealedSegments(): string[] {
    const open = this._fd === undefined ? '' : this._current
    return this.segments().filter((f) => join(this._dir, f) !== open)
  }

  /** Whether `bytes` more would fit under the cap. */
  hasRoom(bytes: number): boolean {
    return this._totalBytes + bytes <= this._maxBytes
  }

  /**
   * Appends batches to the open segment (durable after {@link syncAll}). Returns
   * false, and logs once, when the log is full; nothing is written then. Throws
   * on a file-system error, after closing the segment so a torn line stays its last.
   */
  append(batches: SpoolBatch[]): boolean {
    // One line per batch, `{"seg":…,"table":…,"rows":[…]}`: the rows are already JSON, so they are joined, not
    // encoded again. `seg` (the segment's number) tells this segment's lines from the stale ones of a reused file.
    const rotate = this._fd === undefined || this._currentBytes >= this._segmentBytes
    const seg = rotate ? this._seq : this._currentSeq
    let text = ''
    for (const b of batches)
      if (b.rows.length > 0) text += `{"seg":${seg},"table":${JSON.stringify(b.table)},"rows":[${b.rows.join(',')}]}\n`
    if (!text) return true
    const bytes = Buffer.byteLength(text)
    if (!this.hasRoom(bytes)) {
      if (!this._fullLogged) {
        this._fullLogged = true
        this._onFull(
          `spool full (${this._totalBytes} of ${this._maxBytes} bytes in ${this._dir}): refusing new events until the store is back`,
        )
      }
      return false
    }
    this._fullLogged = false
    if (rotate) {
      this.seal()
      this._fd = this._open()
    }
    try {
      // Opened by the constructor and reopened on every rotation above: always set here.
      writeSync(this._fd!, text, this._currentBytes, 'utf8')
    } catch (err) {
      // A partly written line must stay the last of its segment: later lines go to a new one.
      this.seal()
      throw err
    }
    this._currentBytes += bytes
    this._dataBytes.set(this._currentSeq, this._currentBytes)
    this._totalBytes += bytes
    this._dirty = true
    return true
  }

  /** Closes the open segment for appends (its descriptor is closed after its last sync); returns its name. */
  seal(): string | undefined {
    if (this._fd === undefined) return undefined
    // Closed by the next sync, never before a sync that may still use it.
    this._sealedFds.push(this._fd)
    this._fd = undefined
    this._dirty = false
    return this._current.slice(this._dir.length + 1)
  }

  /**
   * Makes every append so far durable (fdatasync off the event loop); rejects on an
   * I/O error. One sync runs at a time; callers arriving meanwhile share the next
   * one (group commit), and a sealed segment's descriptor is closed only after it.
   */
  syncAll(): Promise<void> {
    if (this._syncing) return (this._nextSync ??= deferred()).promise
    this._syncing = true
    const round = deferred()
    void this._syncRounds(round)
    return round.promise
  }

  /** Runs sync rounds back to back while callers keep joining; each round settles only its own callers. */
  private async _syncRounds(round: Deferred): Promise<void> {
    for (let current: Deferred | undefined = round; current; ) {
      try {
        await this._syncOnce()
        current.resolve()
      } catch (err) {
        current.reject(asError(err))
      }
      // Whoever arrived during that round goes in the next one, started before anyone resumes.
      current = this._nextSync
      this._nextSync = undefined
    }
    this._syncing = false
  }

  private async _syncOnce(): Promise<void> {
    const sealed = this._sealedFds
    this._sealedFds = []
    const fds = this._dirty && this._fd !== undefined ? [...sealed, this._fd] : sealed
    const syncDir = this._dirDirty
    this._dirty = this._dirDirty = false
    try {
      await Promise.all(
        fds.map(
          (fd) => new Promise<void>((resolve, reject) => fdatasync(fd, (err) => (err ? reject(err) : resolve()))),
        ),
      )
      if (syncDir) await syncFolder(this._dir)
    } catch (err) {
      // What this segment holds is uncertain now: later lines go to a new one.
      this.seal()
      throw err
    } finally {
      for (const fd of sealed) close(fd, () => {})
    }
  }

  /** Marks a sealed segment as being inserted (see the class comment); returns its new name. */
  markSent(name: string): string {
    if (name.endsWith('.sent.jsonl')) return name
    const sent = name.replace(/\.jsonl$/, '.sent.jsonl')
    renameSync(join(this._dir, name), join(this._dir, sent))
    return sent
  }

  /** Deletes a segment whose rows are stored. */
  remove(name: string): void {
    const file = join(this._dir, name)
    const seq = seqOf(name)
    const bytes = this._dataBytes.get(seq) ?? statSync(file).size
    this._spares.give(file)
    this._dataBytes.delete(seq)
    this._totalBytes -= bytes
  }

  /**
   * Replays sealed segments oldest first through `write`, rows of a table merged
   * into inserts of up to {@link REPLAY_BATCH_ROWS}; a segment is deleted once all
   * its rows were written. Rows of a `.sent` segment that `stored` finds in the
   * store are skipped. Stops at the first failure (rethrown). Returns the rows replayed.
   */
  async replay(write: (batch: SpoolBatch) => Promise<void>, stored?: StoredRows): Promise<number> {
    let rows = 0
    for (let name of this.sealedSegments()) {
      const byTable = new Map<Table, Array<{ id: string; ts: number }>>()
      const seq = seqOf(name)
      for (const line of readFileSync(join(this._dir, name), 'utf8').split('\n')) {
        let batch: { seg?: number; table: Table; rows: Array<{ id: string; ts: number }> }
        try {
          // Lines this class wrote in this shape (a torn or foreign one fails to parse and ends the segment).
          batch = JSON.parse(line) as typeof batch
        } catch {
          break // the end: zeros of a fresh file, a torn last line (never synced, so never acknowledged), or stale bytes
        }
        if (batch.seg !== undefined && batch.seg !== seq) break // a line left from the file's previous use
        const merged = byTable.get(batch.table) ?? []
        for (const row of batch.rows) merged.push(row)
        byTable.set(batch.table, merged)
      }
      const sent = name.endsWith('.sent.jsonl')
      name = this.markSent(name)
      for (const [table, all] of byTable) {
        const have = sent && stored ? await stored(table, all) : undefined
        const missing = have?.size ? all.filter((r) => !have.has(r.id)) : all
        for (let i = 0; i < missing.length; i += REPLAY_BATCH_ROWS) {
          const part = missing.slice(i, i + REPLAY_BATCH_ROWS)
          await write({ table, rows: part.map((r) => JSON.stringify(r)) })
          rows += part.length
        }
      }
      this.remove(name)
    }
    return rows
  }

  /** Closes the open segment and every descriptor, after a last sync. */
  async close(): Promise<void> {
    this.seal()
    await this.syncAll()
  }

  private _open(): number {
    this._currentSeq = this._seq++
    this._current = join(this._dir, `segment-${String(this._currentSeq).padStart(16, '0')}.jsonl`)
    const fd = openSync(this._current, this._spares.takeAs(this._current) ? 'r+' : 'wx')
    this._currentBytes = 0
    this._dirDirty = true
    return fd
  }
}

const seqOf = (name: string) => Number(SEGMENT.exec(name)?.[1] ?? 0)

/** Syncs a folder, so a file created or renamed in it is found after a power cut. */
function syncFolder(dir: string): Promise<void> {
  return new Promise((resolve, reject) =>
    open(dir, 'r', (err, fd) => {
      if (err) return reject(err)
      fsync(fd, (syncErr) => close(fd, () => (syncErr ? reject(syncErr) : resolve())))
    }),
  )
}

interface Deferred {
  promise: Promise<void>
  resolve(): void
  reject(err: Error): void
}

function deferred(): Deferred {
  let resolve!: () => void
  let reject!: (err: Error) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  // A round may fail with no caller left to hear it: never an unhandled rejection.
  promise.catch(() => {})
  return { promise, resolve, reject }
}
