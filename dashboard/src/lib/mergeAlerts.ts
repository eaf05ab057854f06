import type { Alert } from '@wince/collector'

/** How many alerts the live view keeps: enough for a shift, bounded for a tab left open for days. */
export const MAX_ALERTS = 200

/**
 * `incoming` merged into `current`: one entry per id (the stream and a reload
 * may both deliver an alert), newest first, at most `max` (and every alert whose visitor asked for help). Returns `current`
 * itself when nothing changed, so a signal holding it does not notify.
 */
export function mergeAlerts(current: readonly Alert[], incoming: readonly Alert[], max = MAX_ALERTS): readonly Alert[] {
  const known = new Set(current.map((a) => a.id))
  const fresh = incoming.filter((a) => {
    if (known.has(a.id)) return false
    known.add(a.id)
    return true
  })
  if (fresh.length === 0) return current
  // Stable sort: alerts with the same ts keep their arrival order. A visitor who asked for help stays, however many come after.
  return [...fresh, ...current].sort((a, b) => b.ts - a.ts).filter((a, i) => i < max || a.help === 'requested')
}
