/** Click kinds, decided by the DOM adapter from the clicked element. */
/** Never judged: text fields, select, contenteditable, canvas, range, links that navigate or open a new window, downloads, `data-wince-ignore`. */
export const SKIP = 0
/** Judged for rage only: it does not look clickable, so silence is not a broken promise. */
export const PLAIN = 1
/** Looks actionable (button, link-like, role, cursor:pointer…): judged for rage and dead clicks. */
export const ACTION = 2

/** One click as plain data: what the detectors see. */
export interface Click {
  /** Viewport position, CSS px. */
  x: number
  y: number
  /** Time, ms (performance.now base: the click's `timeStamp`). */
  t: number
  /** Opaque identity of the (actionable ancestor of the) clicked element. */
  k: unknown
  /** Kind: {@link SKIP}, {@link PLAIN} or {@link ACTION}. */
  c: number
  /** `MouseEvent.button` (0 = primary). */
  b: number
  /** A modifier key was held (ctrl/meta/shift/alt): new tab, extend selection… not a plain press. */
  m: boolean
  /** Time of the first page answer after the click (mutation, navigation, scroll, focus, dialog, network start…); Infinity if none came. */
  a: number
  /** Time of the first selection change after the click; Infinity if none. */
  sa: number
  /** `PointerEvent.pointerType` of the click: `mouse`, `touch` (a tap), `pen`; absent when the browser does not say. */
  p?: string
  /** An uncaught error was tied to this click (error_click), so it is not also called dead. */
  e?: boolean
}

/** Only plain primary presses on judged elements are evidence. */
export const judged = (c: Click): boolean => c.c > SKIP && !c.b && !c.m

/**
 * Whether the page answered the click by `until`. A selection change only counts on
 * plain targets (a double or triple click there is the visitor selecting text); on an
 * actionable one it is a side effect of pressing a text-like button repeatedly.
 */
export const answered = (c: Click, until: number): boolean =>
  (c.c == ACTION ? c.a : Math.min(c.a, c.sa)) <= until

/**
 * Records a sign of life at `t` on a click still waiting for its answer: its first
 * answer, or its first selection change. No time test: whatever the adapter reports
 * while a click waits came after it, even within the same tick of the clock (a
 * checkbox's `change` follows its click by microseconds, and browsers coarsen
 * performance.now() to 100 µs or more), so `t > c.t` would call a working checkbox dead.
 */
export const answer = (c: Click, t: number, selection?: boolean): void => {
  selection ? (c.sa = Math.min(c.sa, t)) : (c.a = Math.min(c.a, t))
}
