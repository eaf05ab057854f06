import type { Ctx } from '../../ext/Ctx'
import type { TrailBody, TrailStep } from '../../wire'
import { selector } from '../../describe/selector'
import { idle, on, page } from '../lib/chunk'
import { postJson } from '../lib/send'
import type { Sub } from './hub'
import type { PointerSample } from '../../detect/mouseThrash'

/** What the trail keeps: the minute before an alert is what an agent needs to see. */
export const TRAIL_WINDOW_MS = 60_000
/** Scroll samples per this long at most (the last position of a burst is what the page showed). */
export const TRAIL_SCROLL_MS = 100
/** How far past the window steps may linger before a prune, ms. */
export const TRAIL_PRUNE_MS = 5000
/** Steps kept at most (a minute of moves, scrolls and clicks is about 2,000): a runaway page cannot grow it. */
export const TRAIL_MAX_STEPS = 4000

/** Longest wait for an idle moment to read the page's scroll position at start, ms. */
export const TRAIL_IDLE_MAX_MS = 3000

/** The trail goes this long after the alert, ms: the clicks right after the one that tipped the score belong to the moment. */
export const TRAIL_AFTER_MS = 1000

/**
 * The rolling trail of the last minute: cursor samples, clicks and focus with their
 * targets' selectors, scrolls, input events without their values, and the viewport's
 * size. It costs a few array pushes per event and no DOM reads but a selector per click,
 * focus and input. On a struggle it goes to the collector with the alert's id
 * (`POST /v1/trail`), which replays it over the page's stored snapshot; the full recorder
 * loads only then. Nothing is sent unless the site records replays (`st.replay`).
 * `e` is the collector's origin; `sub` the boot chunk's shared listeners. The cursor is
 * taken on the moves the motion detectors sample (`THRASH_SAMPLE_MS` apart, ~20 a second:
 * the path still reads and a minute stays small), handed over through the returned
 * `move`: the trail has no pointer listener of its own.
 */
export function trail(c: Ctx, e: string, sub: Sub): [settingsCame: () => void, move: (s: PointerSample) => void] {
  let steps: TrailStep[] = []
  // The scroll position the window starts at: the newest scroll step that fell out of it. The page's own
  // position is read once it is idle (reading it as the chunk starts would force the page's first layout),
  // unless the document scrolled before.
  let base: TrailStep = [Date.now(), 's', 0, 0]
  let lastScroll = 0
  let sent = ''
  let due = ''
  let seq = 0
  // Pruned in batches (a few seconds' worth at a time, or a quarter when full): one copy per batch, not per event.
  const add = (s: TrailStep) => {
    const old = s[0] - TRAIL_WINDOW_MS
    // steps[0] and steps[i] are read only where steps.length says they exist.
    if (steps.length >= TRAIL_MAX_STEPS || (steps.length && steps[0]![0] < old - TRAIL_PRUNE_MS)) {
      const full = steps.length >= TRAIL_MAX_STEPS ? TRAIL_MAX_STEPS / 4 : 0
      let i = 0
      while (i < steps.length && (steps[i]![0] < old || i < full)) if (steps[i++]![1] == 's') base = steps[i - 1]!
      steps = steps.slice(i)
    }
    steps.push(s)
  }
  // `lastScroll` is still 0 when no scroll step was taken: the position is then the page's since load.
  idle(() => lastScroll || ((base[2] = scrollX | 0), (base[3] = scrollY | 0)), TRAIL_IDLE_MAX_MS)
  // Read once: an attribute read per event is a call into the browser.
  const origin = performance.timeOrigin
  const at = (v: Event) => Math.round(origin + v.timeStamp)
  const sel = (v: Event) => (v.target instanceof Element ? selector(v.target) : '')
  sub('click', (v: MouseEvent) => add([at(v), 'c', v.clientX | 0, v.clientY | 0, sel(v)]))
  sub('scroll', (v: Event) => {
    // The document's own scroll only: an inner scroller's position has no place on the snapshot's page.
    if (v.target != document || v.timeStamp - lastScroll < TRAIL_SCROLL_MS) return
    lastScroll = v.timeStamp
    add([at(v), 's', scrollX | 0, scrollY | 0])
  })
  // Which field, never what was typed.
  sub('focusin', (v: FocusEvent) => add([at(v), 'f', 0, 0, sel(v)]))
  sub('input', (v: Event) => add([at(v), 'i', 0, 0, sel(v)]))
  sub('resize', (v: Event) => add([at(v), 'r', innerWidth, innerHeight]))

  /**
   * Sends the trail of the session's current struggle, once, when the site records
   * replays: a moment after the alert (its last clicks), or at once when the page is left.
   */
  let timer: ReturnType<typeof setTimeout> | undefined
  const send = (unloading?: boolean) => {
    clearTimeout(timer)
    const st = c.st
    const z = c.z
    // Only this page's struggle (an earlier page's is in `z` too), once.
    if (!st?.replay || !z || z.id != due || sent == due) return
    sent = z.id
    const d = document.documentElement
    const since = z.t - TRAIL_WINDOW_MS
    // The scroll the window starts at (moved to its start), then its steps.
    let from = base
    for (const s of steps) if (s[0] < since && s[1] == 's') from = s
    // A literal of the scroll step's shape: TypeScript would widen the tuple to an array without the cast.
    const ev = [[since, 's', from[2], from[3]] as TrailStep, ...steps.filter((s) => s[0] >= since)]
    const body: TrailBody = {
      v: 1,
      s: c.h.s,
      sid: c.h.sid,
      pv: c.h.pv,
      seq: seq++,
      alert: z.id,
      u: page(),
      vw: innerWidth,
      vh: innerHeight,
      dw: d.scrollWidth,
      dh: d.scrollHeight,
      ev,
      rt: st.replay,
    }
    // Leaving: no time to gzip (it is asynchronous); keepalive carries it.
    void postJson(c, `${e}/v1/trail`, body, !unloading)
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(send, TRAIL_AFTER_MS)
  }
  on('struggle', () => {
    due = c.z?.id || ''
    later()
  })
  sub('pagehide', () => send(true))
  c.x.push(() => clearTimeout(timer))
  return [
    // The settings came (with the replay token): a struggle that came first sends now.
    () => due && sent != due && later(),
    // The detectors' sample, not the event: its fields were read once already.
    (s) => add([Math.round(origin + s.t), 'm', s.x | 0, s.y | 0]),
  ]
}
