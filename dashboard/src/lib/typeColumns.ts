import { SIGNAL_ORDER } from '@wince/collector/describe'

/**
 * The signal types that occur in any row, as table columns: known types in
 * their usual order, types added since in alphabetical order after them.
 * Types no row has are left out to keep the table narrow.
 */
export function typeColumns(rows: ReadonlyArray<{ byType: Record<string, number> }>): string[] {
  const seen = new Set<string>()
  for (const row of rows) for (const [type, n] of Object.entries(row.byType)) if (n > 0) seen.add(type)
  const known: string[] = SIGNAL_ORDER.filter((t) => seen.has(t))
  const added = [...seen].filter((t) => !known.includes(t)).sort()
  return [...known, ...added]
}
