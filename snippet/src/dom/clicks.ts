import type { Click } from '../detect/Click'
import { now } from '../core/now'
import type { Verdict } from '../detect/Verdict'
import { answer as answerClick, judged } from '../detect/Click'
import { createRageClick } from '../detect/rageClick'
import { createDeadClick, DEAD_CLICK_WAIT_MS } from '../detect/deadClick'
import { errorClick } from '../detect/errorClick'
import { guard } from '../core/guard'
import { listen } from '../core/registry'
import { emit } from '../api/emit'
import { ctx } from '../transport/queue'
import { clicked, hot, watch } from './activity'
import { classify } from './classify'

let pending: Click[] = []
let last: Click | undefined
let timer: ReturnType<typeof setTimeout> | 0 | undefined
let rage: ReturnType<typeof createRageClick>
let dead: ReturnType<typeof createDeadClick>

const report = (v: Verdict | undefined) => v && emit(v)

/**
 * Liveness sink: a sign of life for every waiting click; focus landing on (inside) what was
 * clicked is none for that click. One within the latest click's own task chain answered it at
 * once (at its press), however late a busy page dispatched it: the delay was the main
 * thread's, not the button's.
 */
export function answer(t: number, selection?: boolean, focus?: unknown): void {
  // A pending click's element; `contains` of a non-node (undefined focus) is false. `hot`: `last` is the click whose chain it is.
  for (const c of pending) (c._el as Node).contains(focus as Node) || answerClick(c, hot ? last!.t : t, selection)
}

/** Resolves the clicks whose wait is over, in order, through the rage and dead detectors. */
const resolve = guard((): void => {
  timer = 0
  const t = now()
  // With nothing pending, `undefined + wait` is NaN and the comparison false: one check, fewer bytes in the core.
  // biome-ignore lint/suspicious/noNonNullAssertedOptionalChain: the NaN comparison above is the point.
  while (pending[0]?.t! + DEAD_CLICK_WAIT_MS <= t) {
    // pending[0] exists: the loop's test is false when it does not.
    const c = pending.shift()!
    report(rage.push(c))
    report(dead(c))
  }
  if (pending[0]) timer = setTimeout(resolve, pending[0].t + DEAD_CLICK_WAIT_MS - t)
  else {
    report(rage.end())
    watch()
  }
})

/**
 * An error within the click's own task chain is the click's at once (0 ms), however late a busy
 * page dispatched the click after the visitor pressed (its `timeStamp`); a later one counts
 * from the press.
 */
// `hot` is set only once `last` holds the click whose chain it is.
const onError = (name: unknown) => report(errorClick(last, hot ? last!.t : now(), name))

/**
 * Click adapter: turns clicks into plain records, lets the liveness watcher fill in
 * their answers, and feeds rage, dead and error click detectors.
 */
export function start(): void {
  rage = createRageClick()
  dead = createDeadClick()
  // On window, capture: the snippet records the click before the page's handlers run
  // (and throw, mutate or fetch).
  listen(window, 'click', (e: MouseEvent) => {
    const el = e.target
    // Keyboard and scripted (`el.click()`) clicks have detail 0: no position, or not the visitor.
    if (!(el instanceof Element) || !e.detail) return
    const [c, k] = classify(el)
    const m = e.ctrlKey || e.metaKey || e.shiftKey || e.altKey
    // Taps arrive as clicks too (a PointerEvent in Chromium, Firefox and Safari 17+): the pointer type travels with the signal.
    last = {
      x: e.clientX,
      y: e.clientY,
      t: e.timeStamp,
      _el: k,
      _kind: c,
      _button: e.button,
      _modified: m,
      _answered: Infinity,
      _selected: Infinity,
      // Bound to pointerdown: a PointerEvent.
      _pointer: (e as PointerEvent).pointerType,
    }
    if (!judged(last)) return
    clicked()
    // The document, and the open shadow root the click landed in: a web component answers in its own DOM.
    watch((e.composedPath()[0] as Node).getRootNode())
    pending.push(last)
    timer ||= setTimeout(resolve, DEAD_CLICK_WAIT_MS)
  })
  // Bubbling phase: capture would also catch failed image and script loads.
  listen(window, 'error', (e: ErrorEvent) => onError(e.error?.name), false)
  listen(window, 'unhandledrejection', (e: PromiseRejectionEvent) => onError(e.reason?.name), false)
  // Errors a framework catches and only logs (Vue's production build): the boot chunk finds them
  // (`watchUnseen`); only those logged within a click's own task chain are the click failing.
  // An Error among the arguments (a second one finds the click already errored).
  ctx.o = (a) => hot && a.some((x) => x instanceof Error && onError(x.name))
}

export function stop(): void {
  clearTimeout(timer)
  // `last` may stay: an error is tied to a click only within a second of it, and a restart sees new clicks.
  timer = 0
  pending = []
}
