import type { TrailStep } from '@wince/snippet/wire'

/**
 * Trails are stored among the replay runs of their page view (`replay_chunks`) from this
 * `seq` on: a recorder run's `seq` is at most 100,000, so the two never replace each other.
 */
export const TRAIL_SEQ_BASE = 1_000_000

/** A trail as stored (the validated `POST /v1/trail` body, without its token). */
export interface StoredTrail {
  u: string
  vw: number
  vh: number
  dw: number
  dh: number
  alert: string
  ev: TrailStep[]
}

/** The page the trail is played over: an rrweb-snapshot serialized document (a stored snapshot, or a recording's full snapshot). */
export interface SnapshotNode {
  id: number
  type: number
  tagName?: string
  childNodes?: SnapshotNode[]
}

/** The custom event that opens a trail's replay: the dashboard states what a trail cannot show. */
export const TRAIL_TAG = 'wince-trail'

// rrweb's event and source numbers (rrweb's `EventType`, `IncrementalSource`, `MouseInteractions`).
const FULL_SNAPSHOT = 2
const INCREMENTAL = 3
const META = 4
const CUSTOM = 5
const MOUSE_MOVE = 1
const MOUSE_INTERACTION = 2
const SCROLL = 3
const VIEWPORT_RESIZE = 4
const CLICK = 2

/** A replay event as rrweb's Replayer takes it. */
export interface RrwebEvent {
  type: number
  timestamp: number
  data: Record<string, unknown>
}

/**
 * A trail as rrweb events over `snap`: a meta event and a full snapshot of the stored page
 * at the trail's start, then the cursor, clicks, document scrolls and viewport sizes, and
 * focus and input as custom events (which field, never a value). The cursor and clicks
 * are placed on the page's root element at their viewport coordinates: the snippet names
 * a clicked element by selector only, and the point is what the agent sees. The page
 * itself stays as snapshotted: changes the visitor's page went through are not shown.
 */
export function trailRun(trail: StoredTrail, snap: SnapshotNode, href: string): RrwebEvent[] {
  const first = trail.ev[0]
  if (!first) return []
  const doc = snap.id
  const root = snap.childNodes?.find((n) => n.type === 2)?.id ?? doc
  const t0 = first[0]
  const start = first[1] === 's' ? { left: first[2], top: first[3] } : { left: 0, top: 0 }
  const out: RrwebEvent[] = [
    { type: META, timestamp: t0, data: { href, width: trail.vw, height: trail.vh } },
    { type: CUSTOM, timestamp: t0, data: { tag: TRAIL_TAG, payload: { alert: trail.alert, steps: trail.ev.length } } },
    { type: FULL_SNAPSHOT, timestamp: t0, data: { node: snap, initialOffset: start } },
  ]
  for (const [t, k, x, y, sel] of trail.ev) {
    const at = Math.max(t, t0)
    if (k === 'm')
      out.push({
        type: INCREMENTAL,
        timestamp: at,
        data: { source: MOUSE_MOVE, positions: [{ x, y, id: root, timeOffset: 0 }] },
      })
    else if (k === 'c')
      out.push({ type: INCREMENTAL, timestamp: at, data: { source: MOUSE_INTERACTION, type: CLICK, id: root, x, y } })
    else if (k === 's') out.push({ type: INCREMENTAL, timestamp: at, data: { source: SCROLL, id: doc, x, y } })
    else if (k === 'r')
      out.push({ type: INCREMENTAL, timestamp: at, data: { source: VIEWPORT_RESIZE, width: x, height: y } })
    else
      out.push({
        type: CUSTOM,
        timestamp: at,
        data: { tag: k === 'f' ? 'wince-focus' : 'wince-input', payload: { selector: sel ?? '' } },
      })
  }
  return out
}

/** Whether a stored run's events are a trail (stored as one object) rather than rrweb events. */
export const isTrail = (seq: number, events: unknown): events is StoredTrail =>
  // A non-null object (checked just before): its `ev` is read to check it.
  seq >= TRAIL_SEQ_BASE && typeof events === 'object' && events !== null && Array.isArray((events as StoredTrail).ev)
