import type { Alert } from '@wince/collector'

/**
 * `current` with the help requests of `incoming` applied: an alert known here
 * gains `help`/`helpAt` (and whatever context the incoming copy has); an
 * unknown one is added (the help event carries the whole alert). Returns
 * `current` itself when nothing changed.
 */
export function withHelp(current: readonly Alert[], incoming: readonly Alert[]): readonly Alert[] {
  const asked = new Map(incoming.filter((a) => a.help === 'requested').map((a) => [a.id, a]))
  if (asked.size === 0) return current
  let changed = false
  const next = current.map((a) => {
    const h = asked.get(a.id)
    if (!h) return a
    asked.delete(a.id)
    if (a.help === 'requested' && a.helpAt === h.helpAt) return a
    changed = true
    // The state stays ours: it may be newer than the copy that came with the request.
    return { ...h, ...a, help: h.help, helpAt: h.helpAt }
  })
  if (asked.size === 0) return changed ? next : current
  return [...asked.values(), ...next].sort((a, b) => b.ts - a.ts)
}
