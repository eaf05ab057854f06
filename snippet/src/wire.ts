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
  | 'form_struggle'

export const SIGNAL_TYPES: readonly SignalType[] = [
  'rage_click',
  'dead_click',
  'error_click',
  'mouse_thrash',
  'excessive_scroll',
  'quick_back',
  'form_struggle',
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
  /**
   * Previous page of this session (same scrubbing as `u`), if any; on the session's first page,
   * the origin of the page the visitor came from (`document.referrer` without its path), if any.
   */
  ref?: string
}

/** One frustration signal, with the evidence a person needs to act on it. */
export interface SignalEvent extends BaseEvent {
  k: 'signal'
  type: SignalType
  /** CSS-like selector of the element, scrubbed of digits and e-mail-like text ('' if none). */
  sel: string
  /** Readable label: the element's role (`button`, `link`…), plus its accessible name only when the site allows text (`button Pay €129`). */
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
  /**
   * Pointer type of the evidence, as `PointerEvent.pointerType` says: `mouse`, `touch` (rage
   * and dead taps on phones and tablets), `pen`; absent for signals not made by a pointer
   * (scroll, quick back, forms) or when the browser does not say.
   */
  pt?: string
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

/**
 * A click, for heatmaps (every click; the collector samples per site by page
 * view). Positions are in document coordinates so they can be drawn over a
 * snapshot of the whole page.
 */
export interface ClickEvent extends BaseEvent {
  k: 'click'
  /** Position in the document (page coordinates), CSS pixels. */
  x: number
  y: number
  /** Viewport width, CSS pixels (the collector derives the viewport class). */
  vw: number
  /** Document width and height when clicked. */
  dw: number
  dh: number
  /** Selector of the clicked element (same scrubbing as signals). */
  sel: string
  /** Where in the element, as fractions of its width and height (0–1): lands the hotspot on the element even when layouts differ. */
  fx: number
  fy: number
}

/** How far down the page the visitor got; sent when the page view ends (or the route changes). */
export interface ScrollEvent extends BaseEvent {
  k: 'scroll'
  /** Deepest bottom edge of the viewport reached, CSS pixels from the document top. */
  d: number
  /** Document height. */
  dh: number
  /** Viewport width. */
  vw: number
}

/** Names of the web vitals Wince keeps. */
export type VitalName = 'LCP' | 'INP' | 'CLS'

/** A web vital of the page view (from the lazily loaded web-vitals chunk). */
export interface VitalEvent extends BaseEvent {
  k: 'vital'
  name: VitalName
  /** ms for LCP and INP, unitless for CLS. */
  v: number
  /** Selector of the element web-vitals attributes it to (scrubbed), '' if none. */
  sel: string
  vw: number
}

/** The page reported a conversion goal: `wince('goal', name, value?)`. */
export interface GoalEvent extends BaseEvent {
  k: 'goal'
  /** The goal's name, as the site calls it (`purchase`, `signup`). */
  name: string
  /** Optional value of the conversion (an order total); 0 when none. */
  v: number
}

export type WireEvent = PageEvent | SignalEvent | StruggleEvent | ClickEvent | ScrollEvent | VitalEvent | GoalEvent

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
  /**
   * The page's clock (epoch ms) when this beacon was sent (re-sent: when re-sent). The
   * collector compares it with its own clock and, when they differ by more than 2 s,
   * moves every event time by the difference (keeping the difference as `skew`).
   */
  t?: number
  /** Events in time order. */
  ev: WireEvent[]
}

/**
 * POST /v1/snapshot: a masked DOM snapshot of a page (rrweb-snapshot's
 * serialized node), sent only when the collector's `/v1/site` answer says it
 * has none recent enough for that page and viewport class.
 */
export interface SnapshotBody {
  v: 1
  s: string
  /** Page URL, as `u` in events. */
  u: string
  /** Viewport and document size when taken. */
  vw: number
  vh: number
  dw: number
  dh: number
  /** rrweb-snapshot serialized node (masked in the page). */
  snap: unknown
  /** The one-time token of the `/v1/site` answer that asked for this snapshot (`snapshot`). */
  tk: string
}

/**
 * POST /v1/replay: a run of rrweb events of a session (masked in the page):
 * the buffer of the last minute sent with a struggle alert, then further runs
 * while the struggle is followed live.
 */
export interface ReplayBody {
  v: 1
  s: string
  sid: string
  pv: string
  /** Order of this run within the page view, from 0. */
  seq: number
  /** The struggle alert (event id) this run belongs to, if any. */
  alert?: string
  /** rrweb events (each has `timestamp`, epoch ms). */
  ev: unknown[]
  /** The replay token of this session's `/v1/site` answer (`replay`). */
  rt: string
}

/**
 * One step of a trail: when (epoch ms), what, where. `m` cursor at viewport `x, y`;
 * `c` click at viewport `x, y` on `sel`; `s` the document scrolled to `x, y`; `f` focus
 * entered `sel`; `i` input in `sel` (never its value); `r` viewport resized to `x × y`.
 */
export type TrailStep = [t: number, k: 'm' | 'c' | 's' | 'f' | 'i' | 'r', x: number, y: number, sel?: string]

/**
 * POST /v1/trail: the rolling trail of the minute before a struggle alert, sent with it
 * instead of a recording (the recorder loads only once a session struggles). The
 * dashboard replays it over the page's stored snapshot.
 */
export interface TrailBody {
  v: 1
  s: string
  sid: string
  pv: string
  /** Order of this trail within the page view, from 0 (one per struggle episode). */
  seq: number
  /** The struggle alert (event id) it belongs to. */
  alert: string
  /** The page (origin and path), its viewport and document size when sent. */
  u: string
  vw: number
  vh: number
  dw: number
  dh: number
  /** Steps in time order, the first the scroll position the window starts at. */
  ev: TrailStep[]
  /** The replay token of this session's `/v1/site` answer (`replay`). */
  rt: string
}

/** GET /v1/site?s=&u=&vw=&sid= answer: what the snippet may know of its site's settings. */
export interface SiteSettings {
  allowText: boolean
  help: HelpSettings | null
  recording: 'off' | 'struggle' | 'always'
  recordingSample: number
  /**
   * When the collector wants a snapshot of this page at this viewport class: a
   * one-time, short-lived token the snapshot must carry (`tk`); else false.
   */
  snapshot: string | false
  /** When recording is on: the token this session's replay runs carry (`rt`). */
  replay?: string
  /** Whether to load the web-vitals chunk for this page view (sampled). */
  vitals: boolean
  /**
   * Suppression rules an admin applied for this page: these elements' signals of these
   * types are still sent (the collector flags them) but add nothing to the struggle score.
   */
  rules?: Array<{ sel: string; type: SignalType }>
  /** The struggle score's threshold and weights an admin applied from the calibration (as `wince('config', …)`). */
  tune?: { threshold?: number; weights?: Partial<Record<SignalType, number>> }
}

/** The help prompt the page shows by itself when a visitor struggles. */
export interface HelpSettings {
  enabled: boolean
  title: string
  text: string
  action: 'chat' | 'call' | 'link' | 'agent'
  label: string
  href?: string
  /** `agent`: seconds to wait for an agent before the fallback (default 60). */
  wait?: number
  /** `agent`: the fallback link (http(s), mailto: or tel:) when no agent is online or none answers; unset: the page's `wince('on','help')` callbacks. */
  fallback?: string
  /** Text of the fallback link. */
  fallbackLabel?: string
}
