/** An rrweb event, as far as the buffer cares. */
export interface Timed {
  timestamp: number
}

/**
 * The recorder's rolling buffer: events in segments, each starting at a full snapshot
 * (rrweb's checkout), so whatever is kept replays on its own. Keeps the current
 * segment and enough earlier ones to cover `windowMs` back from the newest event, and
 * at most `maxEvents` (oldest whole segments go first; the current one is never cut).
 */
export class Segments<E extends Timed> {
  private _s: E[][] = []

  constructor(
    private readonly _windowMs: number,
    private readonly _maxEvents: number,
  ) {}

  /** Adds an event; `checkout` starts a new segment (the event is a full snapshot's first). */
  push(e: E, checkout: boolean): void {
    if (checkout || !this._s.length) this._s.push([])
    // Never empty: a segment is pushed just above when there is none.
    this._s[this._s.length - 1]!.push(e)
    this._trim(e.timestamp)
  }

  private _trim(now: number): void {
    // The second segment's start is where the first stops being needed.
    while (this._s.length > 1 && (this._s[1]![0]!.timestamp <= now - this._windowMs || this.size() > this._maxEvents))
      this._s.shift()
  }

  /** Events kept, in order. */
  events(): E[] {
    return this._s.flat()
  }

  size(): number {
    return this._s.reduce((n, s) => n + s.length, 0)
  }

  /** Takes everything out (events in order) and starts empty. */
  drain(): E[] {
    const all = this.events()
    this._s = []
    return all
  }
}
