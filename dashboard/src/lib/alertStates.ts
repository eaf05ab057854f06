import type { Alert, AlertState, AlertUpdate } from '@wince/collector'

/** What an agent can do to an alert; the collector's `POST /api/alerts/:id/:action`. */
export type AlertAction = 'claim' | 'resolve' | 'dismiss' | 'reopen'

/** The state each action leads to (as the collector records it). */
export const ACTION_STATE: Record<AlertAction, AlertState> = {
  claim: 'claimed',
  resolve: 'resolved',
  dismiss: 'dismissed',
  reopen: 'open',
}

/**
 * The actions that make sense from a state, in the order the buttons show.
 * A claimed alert can still be dismissed (the agent looked and it was fine);
 * a closed one can only be reopened.
 */
export function actionsFor(state: AlertState): AlertAction[] {
  switch (state) {
    case 'open':
      return ['claim', 'resolve', 'dismiss']
    case 'claimed':
      return ['resolve', 'dismiss', 'reopen']
    case 'resolved':
    case 'dismissed':
      return ['reopen']
  }
}

/** The queue's state filter: `open` and `claimed` are what is still to do; `all` includes closed ones. */
export type StateFilter = 'open' | 'claimed' | 'all'

export const STATE_FILTERS: readonly StateFilter[] = ['open', 'claimed', 'all']

/** An alert's state; alerts from before states existed, or fresh off the stream, are open. */
export const stateOf = (alert: Alert): AlertState => alert.state ?? 'open'

export function matchesFilter(alert: Alert, filter: StateFilter): boolean {
  return filter === 'all' || stateOf(alert) === filter
}

/**
 * `alerts` with one update applied. An update older than the state already
 * shown is ignored (the stream and a reload can deliver out of order); one for
 * an alert not in the list changes nothing. Returns `alerts` itself when nothing changed.
 */
export function applyUpdate(
  alerts: readonly Alert[],
  update: AlertUpdate,
  seen: Map<string, number>,
): readonly Alert[] {
  const i = alerts.findIndex((a) => a.id === update.alertId)
  if (i < 0) return alerts
  if ((seen.get(update.alertId) ?? 0) > update.at) return alerts
  seen.set(update.alertId, update.at)
  // findIndex found it (i ≥ 0, checked above).
  const current = alerts[i]!
  if (current.state === update.state && current.stateBy === update.by) return alerts
  const next = alerts.slice()
  next[i] = { ...current, state: update.state, stateBy: update.by }
  return next
}

/**
 * `current` with the states of `loaded` (a reload): the store is the truth
 * for alerts whose state was not changed live since. Returns `current` itself when nothing changed.
 */
export function refreshStates(
  current: readonly Alert[],
  loaded: readonly Alert[],
  seen: Map<string, number>,
): readonly Alert[] {
  const byId = new Map(loaded.map((a) => [a.id, a]))
  let changed = false
  const next = current.map((a) => {
    const fresh = byId.get(a.id)
    if (!fresh || seen.has(a.id) || (fresh.state === a.state && fresh.stateBy === a.stateBy)) return a
    changed = true
    return { ...a, state: fresh.state, stateBy: fresh.stateBy }
  })
  return changed ? next : current
}
