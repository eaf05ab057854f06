/** Click kinds, decided by the DOM adapter from the clicked element. */
/** Never judged: text fields, select, contenteditable, canvas, range, links that navigate or open a new window, downloads, `data-wince-ignore`. */
export const SKIP = 0
/** Judged for rage only: it does not look clickable, so silence is not a broken promise. */
export const PLAIN = 1
/** Looks actionable (button, link-like, role, cursor:pointer…): judged for rage and dead clicks. */
export const ACTION = 2

/**
 * One click as plain data: what the detectors see. Its `_` names are readable here and
 * mangled to one letter in the built core (terser's `_` property rule, rollup.config.mjs).
 */
export interface Click {
  /** Viewport position, CSS px. */
  x: number
  y: number
  /** Time, ms (performance.now base: the click's `timeStamp`). */
  t: number
  /** Opaque identity of the (actionable ancestor of the) clicked element. */
  _el: unknown
  /** Kind: {@link SKIP}, {@link PLAIN} or {@link ACTION}. */
  _kind: number
  /** `MouseEvent.button` (0 = primary). */
  _button: number
  /** A modifier key was held (ctrl/meta/shift/alt): new tab, extend selection… not a plain press. */
  _modified: boolean
  /** Time of the first page answer after the click (mutation, navigation, scroll, focus, dialog, network start…); Infinity if none came. */
  _answered: number
  /** Time of the first selection change after the click; Infinity if none. */
  _selected: number
  /** `PointerEvent.pointerType` of the click: `mouse`, `touch` (a tap), `pen`; absent when the browser does not say. */
  _pointer?: string
  /** An uncaught error was tied to this click (error_click), so it is not also called dead. */
  _errored?: boolean
}

/** Only plain primary presses on judged elements are evidence. */
export const judged = (c: Click): boolean => c._kind > SKIP && !c._button && !c._modified

/**
 * Whether the page answered the click by `until`. A selection change only counts on
 * plain targets (a double or triple click there is the visitor selecting text); on an
 * actionable one it is a side effect of pressing a text-like button repeatedly.
 */
export const answered = (c: Click, until: number): boolean =>
  (c._kind == ACTION ? c._answered : Math.min(c._answered, c._selected)) <= until

/**
 * Records a sign of life at `t` on a click still waiting for its answer: its first
 * answer, or its first selection change. No time test: whatever the adapter reports
 * while a click waits came after it, even within the same tick of the clock (a
 * checkbox's `change` follows its click by microseconds, and browsers coarsen
 * performance.now() to 100 µs or more), so `t > c.t` would call a working checkbox dead.
 */
export const answer = (c: Click, t: number, selection?: boolean): void => {
  selection ? (c._selected = Math.min(c._selected, t)) : (c._answered = Math.min(c._answered, t))
}
