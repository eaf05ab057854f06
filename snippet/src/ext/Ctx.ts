import type { SiteSettings, StruggleEvent, WireEvent } from '../wire'
import type { Verdict } from '../detect/Verdict'

/** The beacon head, shared with the transport: its `pv` changes with every page view (SPA routes too). */
export interface Head {
  v: 1
  /** Site id. */
  s: string
  /** Session id. */
  sid: string
  /** Current page-view id. */
  pv: string
}

/** A struggle of this session: the alert's event `id` and when it fired (`t`, epoch ms). */
export type Episode = Pick<StruggleEvent, 'id' | 't'>

/**
 * What the core hands a lazily loaded chunk (`wince('x', name, factory)` calls
 * `factory(ctx)`). The core and each chunk are minified separately, so these
 * names are the contract between them: short, and never mangled. Read-only for
 * chunks (but the boot chunk sets `st`); the core updates `h.pv` and `z` as the page goes on.
 */
export interface Ctx {
  /**
   * Wire version, site, session id and the current page-view id (live: the transport
   * sets `pv` when a page view begins, after sending what belonged to the previous one).
   */
  h: Head
  /** The site's settings for the current page view, once the boot chunk has them (`GET /v1/site`). */
  st?: SiteSettings
  /** The session's latest struggle: the core sets its alert event here when one starts; the boot chunk keeps it across pages. */
  z?: Episode | null
  /** Queues a wire event with the next beacon (`now`: sends at once). Honours consent. */
  q(e: WireEvent, now?: boolean): void
  /**
   * Emits a signal a chunk found, as the core's detectors do: queued, told to the page's
   * `signal` subscribers, counted by the struggle score (which may start an episode and
   * send its alert). `t` is in `performance.now()` time; with `sel` and `lb` the chunk
   * names the element itself, else the core describes `k`.
   */
  e(v: Verdict): void
  /** Calls the page's subscribers of a topic (each guarded), e.g. `help`. */
  p(topic: string, data?: unknown): void
  /** Cleanups that `wince('stop')` runs, newest first: a chunk pushes its own. */
  x: (() => void)[]
  /**
   * The page's own `fetch` as it was before Wince wrapped it: Wince's requests must not
   * count as the page answering a click. Use it only while `a`.
   */
  f: typeof fetch
  /**
   * The readable element label (accessible name or text when the site allows text, else
   * the role), set by the boot chunk; until then the core's own (role or tag).
   */
  l?: (el: Element) => string
  /** Starts a new page view (the boot chunk calls it when the page comes back from the back/forward cache). */
  n(): void
  /**
   * When the visitor last pressed, typed, wheeled, touched or moved the pointer: the event's
   * `timeStamp` (the clock `now` reads; unset before the first). The liveness watcher sets it
   * for presses, keys, wheels and touches, the boot chunk's pointer listener for moves (a
   * hover opening a menu is the visitor's doing, not the page's habit).
   */
  i?: number
  /**
   * A node changed as the liveness watcher sees it (`cold`: a canvas drawn, which answers a
   * waiting click unless that canvas is background): the boot chunk reports canvas redraws.
   */
  c(n: Node, cold?: boolean): void
  /**
   * Wraps `obj[name]` as the core wraps fetch or history (`patch`): the hook runs after each
   * call with `this` and the arguments; `wince('stop')` puts the original back.
   */
  g<T extends object>(obj: T, name: keyof T, hook: (self: never, args: unknown[]) => void): void
  /** Reads the session's value `key` (sessionStorage, as the core's `load`; null or undefined when absent or unreadable). */
  d<T>(key: string): T | null | undefined
  /** Keeps the session's value `key` (as the core's `save`; never throws). */
  s(key: string, v: unknown): void
  /** A new random event id (the core's `rid`: chunks need not ship their own copy). */
  r(): string
  /**
   * The page logged `args` with `console.error`: an `Error` among them is one the page caught
   * and only logged, blamed on the last click as an uncaught one is if logged within that
   * click's own task chain (its handlers, their microtasks, until the next task).
   */
  o(args: unknown[]): void
  /**
   * Page API calls the core does not handle (`goal`…), flat (`cmd, a, b, cmd, a, b…`), kept until the boot
   * chunk loads; it handles them and replaces `push` on this array to take the later ones.
   */
  u: unknown[]
  /** Set by the forms chunk once loaded: reports a form edited and not sent when the page view ends. */
  w?: () => void
  /** Form events the boot chunk keeps from a field's first focus (or a press in a form) until the forms chunk takes them: none is lost while it loads. */
  fe?: Event[]
  /** Sending is allowed: consent given (or not withdrawn), no Do-Not-Track or Global Privacy Control, not stopped. */
  a: boolean | undefined
}

/*
 * Subscriptions go through the page API: `wince('on', topic, cb)` with `signal`,
 * `struggle` (the alert event is `ctx.z` by then) and `st` (a page view's settings,
 * fired by the boot chunk). Every subscription ends with `wince('stop')`. The collector
 * origin is where the chunk's own script came from.
 */

/** A chunk's entry: called once with the context when its script has run. */
export type Factory = (ctx: Ctx) => void
