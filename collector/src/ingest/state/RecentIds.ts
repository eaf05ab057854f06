/**
 * Remembers the last `capacity` event ids, so a re-sent beacon (a retry after
 * a lost answer, an unload beacon sent twice) is not published or counted
 * again. Storage collapses duplicates by id on its own; this guard is for the
 * live stream and for keeping duplicates out of the store's insert path.
 */
export class RecentIds {
  private _current = new Set<string>()
  private _previous = new Set<string>()

  /** Default 200,000 ids (two generations of half): minutes of peak traffic, ~20 MB. */
  constructor(private readonly _capacity = 200_000) {}

  /** True the first time an id is seen (and remembers it); false for a repeat. */
  add(id: string): boolean {
    if (this._current.has(id) || this._previous.has(id)) return false
    if (this._current.size >= this._capacity / 2) {
      this._previous = this._current
      this._current = new Set()
    }
    this._current.add(id)
    return true
  }

  /** Forgets an id (its event could not be kept, so a retry must be accepted). */
  delete(id: string): void {
    this._current.delete(id)
    this._previous.delete(id)
  }
}
