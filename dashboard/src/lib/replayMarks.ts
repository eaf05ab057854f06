/**
 * What the replay draws over the page and along its timeline, as plain data: the
 * session's signals as timeline markers, and the clicks of the recording as marks on
 * the page, coloured by the signal they belong to. Pure, so it is tested without a player.
 */

/** The fields of a signal the replay needs (a row of `/api/signals`). */
export interface ReplaySignal {
  type: string
  /** Epoch ms. */
  ts: number
  x: number
  y: number
  n: number
  label: string
  selector: string
  id: string
}

/** A click the recording holds: when (epoch ms) and where in the viewport. */
export interface RecordedClick {
  ts: number
  x: number
  y: number
}

/** A signal on the timeline: `at` ms into the recording, `pct` of its length, `lane` 0… so close markers do not hide each other. */
export interface TimelineMarker {
  signal: ReplaySignal
  at: number
  pct: number
  lane: number
}

/** A mark on the page: a click (`type` of the signal it belongs to, or `click`), or the signal itself. */
export interface PageMark {
  key: string
  x: number
  y: number
  type: string
  /** A signal's own mark (larger, with words) rather than one click. */
  signal: boolean
  n: number
  /** Signal marks only: how many signal marks before it sit at the same spot (their words stack). */
  stack: number
}

/** How long a click's mark stays on the page after the click: long enough to see a burst of five. */
export const CLICK_MARK_MS = 3_000
/** How long a signal's mark stays: a few seconds to read it, then the page is clear again. */
export const SIGNAL_MARK_MS = 5_000
/**
 * A click belongs to a signal raised within this long of it: a rage click is raised on its
 * third click and a dead click after its wait (up to a few seconds), so the window spans both.
 */
export const CLICK_SIGNAL_MS = 4_000
/** …and within this distance, CSS px: the rage detector's own radius plus a margin. */
export const CLICK_SIGNAL_PX = 60
/** Jumping to a signal starts this long before it, so the agent sees what led to it. */
export const JUMP_LEAD_MS = 2_000

/** Signal types tied to clicks: their clicks take their colour. */
const CLICK_TYPES = new Set(['rage_click', 'dead_click', 'error_click'])

/** Markers closer than this (% of the timeline) go on separate lanes: a marker is about 1% wide on a wide screen. */
export const MARKER_GAP_PCT = 1.5
/** Lanes at most: more would crowd the bar; further markers share the last lane. */
export const MARKER_LANES = 3

/** The session's signals that fall within the recording (`start`…`end`, epoch ms), as timeline markers. */
export function timelineMarkers(signals: readonly ReplaySignal[], start: number, end: number): TimelineMarker[] {
  const span = Math.max(1, end - start)
  const laneEnds: number[] = []
  return signals
    .filter((s) => s.ts >= start && s.ts <= end)
    .sort((a, b) => a.ts - b.ts)
    .map((signal) => {
      const pct = ((signal.ts - start) / span) * 100
      let lane = laneEnds.findIndex((p) => pct - p >= MARKER_GAP_PCT)
      if (lane === -1) lane = Math.min(laneEnds.length, MARKER_LANES - 1)
      laneEnds[lane] = pct
      return { signal, at: signal.ts - start, pct, lane }
    })
}

/** Where playback goes to show a signal: a little before it, never before the start. */
export const jumpOffset = (signal: ReplaySignal, start: number): number => Math.max(0, signal.ts - start - JUMP_LEAD_MS)

/** The click-tied signal a click belongs to (the nearest in time within reach), if any. */
export function signalOfClick(click: RecordedClick, signals: readonly ReplaySignal[]): ReplaySignal | undefined {
  let best: ReplaySignal | undefined
  for (const s of signals) {
    if (!CLICK_TYPES.has(s.type)) continue
    if (Math.abs(s.ts - click.ts) > CLICK_SIGNAL_MS || Math.hypot(s.x - click.x, s.y - click.y) > CLICK_SIGNAL_PX)
      continue
    // A rage click outranks a dead click on the same clicks: it says more.
    if (
      !best ||
      (s.type === 'rage_click' && best.type !== 'rage_click') ||
      (s.type === best.type && Math.abs(s.ts - click.ts) < Math.abs(best.ts - click.ts))
    )
      best = s
  }
  return best
}

/** The marks on the page at `now` (epoch ms): recent clicks in their signal's colour, and recent click-tied signals. */
export function pageMarks(clicks: readonly RecordedClick[], signals: readonly ReplaySignal[], now: number): PageMark[] {
  const marks: PageMark[] = []
  clicks.forEach((c, i) => {
    if (c.ts > now || now - c.ts > CLICK_MARK_MS) return
    const s = signalOfClick(c, signals)
    marks.push({ key: `c${i}`, x: c.x, y: c.y, type: s?.type ?? 'click', signal: false, n: 1, stack: 0 })
  })
  for (const s of signals) {
    // Signals without a point (scrolling, quick backs) live on the timeline only.
    if (s.ts > now || now - s.ts > SIGNAL_MARK_MS || (s.x === 0 && s.y === 0)) continue
    const stack = marks.filter((m) => m.signal && Math.hypot(m.x - s.x, m.y - s.y) <= CLICK_SIGNAL_PX).length
    marks.push({ key: `s${s.id}`, x: s.x, y: s.y, type: s.type, signal: true, n: s.n, stack })
  }
  return marks
}

/** rrweb's numbers for a click: an incremental event (3) from mouse interaction (2) of type click (2). */
const INCREMENTAL = 3
const MOUSE_INTERACTION = 2
const CLICK = 2

/** The clicks in a recording (rrweb events), in time order. */
export function recordedClicks(
  events: readonly { type: number; timestamp: number; data?: unknown }[],
): RecordedClick[] {
  const out: RecordedClick[] = []
  for (const e of events) {
    if (e.type !== INCREMENTAL) continue
    // An incremental event's data; its fields are read as optional.
    const d = e.data as { source?: number; type?: number; x?: number; y?: number } | undefined
    if (d?.source === MOUSE_INTERACTION && d.type === CLICK && typeof d.x === 'number' && typeof d.y === 'number')
      out.push({ ts: e.timestamp, x: d.x, y: d.y })
  }
  return out
}

/** A playback position as a clock reads: `0:07`, `1:05`, `1:02:09`. */
export function playTime(ms: number): string {
  const s = Math.floor(Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}
