/** A look-back the range picker offers. */
export interface RangeOption {
  /** Short id, kept in the page URL (`?range=24h`). */
  id: string
  label: string
  ms: number
}

const HOUR = 3_600_000

/** The ranges on offer; the first with id {@link DEFAULT_RANGE} is the default. */
export const RANGES: readonly RangeOption[] = [
  { id: '1h', label: 'Last hour', ms: HOUR },
  { id: '24h', label: 'Last 24 hours', ms: 24 * HOUR },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * HOUR },
]

/** Matches the collector's default look-back. */
export const DEFAULT_RANGE = '24h'

/** The range with this id, or the default one. */
export function findRange(id: string | null | undefined): RangeOption {
  // DEFAULT_RANGE is one of RANGES.
  return RANGES.find((r) => r.id === id) ?? RANGES.find((r) => r.id === DEFAULT_RANGE)!
}
