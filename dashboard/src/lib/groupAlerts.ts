import type { Alert } from '@wince/collector'
import { stateOf } from './alertStates.ts'

/** One problem in the live queue: every alert with the same `issue`, newest first. */
export interface IssueGroup {
  /** The issue id, or the alert id for an alert without one. */
  key: string
  alerts: readonly Alert[]
  /** Alerts whose visitor asked for help and is still waiting (open or claimed): never folded away. */
  help: readonly Alert[]
  /** Visitors (sessions) struggling now: their alert is open or claimed. */
  struggling: number
  /** The newest alert's time, epoch ms. */
  latest: number
}

const active = (a: Alert) => {
  const s = stateOf(a)
  return s === 'open' || s === 'claimed'
}

/**
 * One group per problem, for the live queue: groups with a visitor waiting for
 * help first (the longest waiting first), then the newest first. `alerts` is
 * newest first already (as the alerts model keeps it); one pass, no sort per group.
 */
export function groupAlerts(alerts: readonly Alert[]): IssueGroup[] {
  const byKey = new Map<string, Alert[]>()
  for (const a of alerts) {
    const key = a.issue || a.id
    const list = byKey.get(key)
    if (list) list.push(a)
    else byKey.set(key, [a])
  }
  const groups: IssueGroup[] = []
  for (const [key, list] of byKey) {
    const help = list.filter((a) => a.help === 'requested' && active(a))
    const sessions = new Set(list.filter(active).map((a) => a.session))
    // byKey only holds lists an alert was pushed to.
    groups.push({ key, alerts: list, help, struggling: sessions.size, latest: list[0]!.ts })
  }
  const waitingSince = (g: IssueGroup) => Math.min(...g.help.map((a) => a.helpAt ?? a.ts))
  return groups.sort((a, b) => {
    if (a.help.length > 0 !== b.help.length > 0) return a.help.length > 0 ? -1 : 1
    if (a.help.length > 0) return waitingSince(a) - waitingSince(b)
    return b.latest - a.latest
  })
}
