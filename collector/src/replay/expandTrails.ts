import type { ReplayRun } from '../queries/queryReplay.ts'
import { isTrail, trailRun, type SnapshotNode } from './trailRun.ts'

/** Finds the stored snapshot of a page at a viewport width (the newest), if any. */
export type FindSnapshot = (url: string, vw: number) => Promise<SnapshotNode | undefined>

/**
 * A session's runs as the player takes them: each trail becomes rrweb events over the
 * page's stored snapshot, or, when the page has none yet, over the first full snapshot
 * the recorder took on that page view after the alert. A trail with neither is left out
 * (there is no page to play it over); the recorder's runs go through as they are.
 */
export async function expandTrails(runs: ReplayRun[], findSnapshot: FindSnapshot): Promise<ReplayRun[]> {
  const out: ReplayRun[] = []
  for (const run of runs) {
    const events: unknown = run.events
    if (!isTrail(run.seq, events)) {
      out.push(run)
      continue
    }
    // Where the recorder has the same moments, its events are the better picture: the trail stops where they start.
    const cut = recordedFrom(runs, run.pageView, run.ts)
    const steps = events.ev.filter((s) => s[0] < cut)
    const snap = (await findSnapshot(events.u, events.vw)) ?? recordedSnapshot(runs, run.pageView)
    if (snap && steps.length) out.push({ ...run, events: trailRun({ ...events, ev: steps }, snap, events.u) })
  }
  return out
}

/** When the recorder's events of a page view begin after `from` (epoch ms); Infinity without any. */
function recordedFrom(runs: ReplayRun[], pageView: string, from: number): number {
  let first = Infinity
  for (const run of runs) {
    if (run.pageView !== pageView || !Array.isArray(run.events)) continue
    // An array (checked above) of rrweb events; their fields are read as optional.
    for (const e of run.events as Array<{ timestamp?: number }>)
      if (typeof e?.timestamp === 'number' && e.timestamp > from && e.timestamp < first) first = e.timestamp
  }
  return first
}

/** The first full snapshot (rrweb event type 2) among the recorder's runs of a page view. */
function recordedSnapshot(runs: ReplayRun[], pageView: string): SnapshotNode | undefined {
  for (const run of runs) {
    if (run.pageView !== pageView || !Array.isArray(run.events)) continue
    // An array (checked above) of rrweb events; their fields are read as optional.
    for (const e of run.events as Array<{ type?: number; data?: { node?: SnapshotNode } }>)
      if (e?.type === 2 && e.data?.node) return e.data.node
  }
  return undefined
}
