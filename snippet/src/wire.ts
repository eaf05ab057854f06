/**
 * The beacon wire format, shared by the snippet (producer) and the collector
 * (which validates against a schema checked against these types at compile
 * time). Types and one constant only: importing this file costs the snippet
 * nothing at run time beyond `WIRE_VERSION`.
 *
 * Keys are short because every byte of key names that the snippet writes is
 * shipped to every visitor; each is documented here instead.
 */

/** Bumped on any incompatible change; the collector answers 400 to versions it does not know. */
export const WIRE_VERSION = 1

/** Frustration signal types. More may be added; none is ever renamed. */
export type SignalType =
  | 'rage_click'
  | 'dead_click'
  | 'error_click'
  | 'mouse_thrash'
  | 'excessive_scroll'
  | 'quick_back'

export const SIGNAL_TYPES: readonly SignalType[] = [
  'rage_click',
  'dead_click',
  'error_click',
  'mouse_thrash',
  'excessive_scroll',
  'quick_back',
]

/** What every event carries. */
export interface BaseEvent {
  /** Client-made unique id (random, per event): lets the collector drop re-sent events. */
  id: string
  /** When it happened, epoch milliseconds. */
  t: number
  /** Page URL: origin + path only (query and hash dropped unless the site allows them). */
  u: string
}

/** A page view starts (full load or SPA route change). */
export interface PageEvent extends BaseEvent {
  k: 'page'
  /** Viewport width and height in CSS pixels. */
  vw: number
  vh: number
  /** Previous page of this session (same scrubbing as `u`), if any. */
  ref?: string
}

/** One frustration signal, with the evidence a person needs to act on it. */
export interface SignalEvent extends BaseEvent {
  k: 'signal'
  type: SignalType
  /** CSS-like selector of the element, scrubbed of digits and e-mail-like text ('' if none). */
  sel: string
  /** Short safe label: tag and role, or aria-label / text only when the site allows text. */
  lb: string
  /** Position in the viewport, CSS pixels (0 when not tied to a point). */
  x: number
  y: number
  /** Evidence: how many clicks, reversals, scroll swings… (1 when not a count). */
  n: number
  /** Evidence: the window or wait in milliseconds that the verdict is about. */
  ms: number
  /** Evidence in words, machine-readable ("no-response", "error:TypeError"…), may be ''. */
  why: string
}

/** One reason of a struggle alert: a signal that contributed to the score. */
export interface Reason {
  type: SignalType
  sel: string
  lb: string
  /** When the signal happened, epoch ms. */
  t: number
  n: number
  /** Points it still contributed when the alert fired. */
  pts: number
}

/** The session crossed the struggle threshold: one per episode, sent at once. */
export interface StruggleEvent extends BaseEvent {
  k: 'struggle'
  /** Score when it fired. */
  sc: number
  /** Why, strongest first. */
  rs: Reason[]
}

export type WireEvent = PageEvent | SignalEvent | StruggleEvent

/**
 * One POST /v1/collect body (sent as text/plain JSON to avoid a CORS preflight).
 */
export interface Beacon {
  /** Wire version, {@link WIRE_VERSION}. */
  v: 1
  /** Site id from the script tag's data-site. */
  s: string
  /** Session id: random, kept in sessionStorage (no cookies). */
  sid: string
  /** Page-view id: random per page view. */
  pv: string
  /** Events in time order. */
  ev: WireEvent[]
}
