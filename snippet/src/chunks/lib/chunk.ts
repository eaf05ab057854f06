import type { Ctx, Factory } from '../../ext/Ctx'
import { guard } from '../../core/guard'
import type { WinceEvents } from '../../api/wince'
import type { SiteSettings } from '../../wire'

/** The page API as chunks call it (the core's `window.wince`). */
type Api = (cmd: string, ...args: unknown[]) => void
export const api = (...args: unknown[]): void =>
  // A chunk runs only after the core installed `window.wince` (the page API), whatever the page's types say.
  ((window as unknown as { wince: Api }).wince as Api)(...(args as [string]))

/**
 * Collector origin: where this chunk's own script came from (`<endpoint>/s/<file>.js`).
 * Read while the chunk first runs, when `document.currentScript` is its script.
 */
export const endpoint = (): string => {
  // A chunk is a classic script: currentScript is its script element while it first runs.
  const src = (document.currentScript as HTMLScriptElement | null)?.src || ''
  return src.slice(0, src.lastIndexOf('/s/'))
}

/** Registers a chunk with the core: `wince('x', name, factory)`; the factory runs guarded. */
export const chunk = (name: string, f: Factory): void => api('x', name, guard(f))

/** What the core hands chunks' subscribers: the page events, and `st` (a page view's settings, if any came). */
export interface ChunkEvents extends WinceEvents {
  st: SiteSettings | undefined
}

/** Subscribes through the page API (`signal`, `struggle`, `st`); ends with `wince('stop')`. */
export const on = <T extends keyof ChunkEvents>(topic: T, cb: (data: ChunkEvents[T]) => void): void =>
  api('on', topic, guard(cb))

/**
 * Adds a listener on `window`, capturing and passive, that `wince('stop')` removes. Unguarded: for
 * a listener that catches its own errors (the pointer's, the hottest path, where `guard`'s shared
 * wrapper costs; the boot chunk's hub, whose parts are guarded each); {@link listen} otherwise.
 */
export function own(c: Ctx, type: string, fn: (e: never) => void): void {
  const o = { capture: true, passive: true }
  addEventListener(type, fn as EventListener, o)
  c.x.push(() => removeEventListener(type, fn as EventListener, o))
}

/** Binds a guarded listener on `window`, capturing and passive, that `wince('stop')` removes. */
export const listen = <E extends Event>(c: Ctx, type: string, fn: (e: E) => void): void =>
  // The guarded listener is called with the event only.
  own(c, type, guard(fn))

/** A timer that `wince('stop')` clears. */
export function every(c: Ctx, ms: number, fn: () => void): ReturnType<typeof setInterval> {
  const id = setInterval(guard(fn), ms)
  c.x.push(() => clearInterval(id))
  return id
}

/** The page's URL as the wire wants it (as the core's `page()`): origin and path. */
export const page = (): string => location.origin + location.pathname

/** Runs `fn` when the page is idle (or after `ms` at the latest; at once without requestIdleCallback). */
export const idle = (fn: () => void, ms: number): void =>
  void ('requestIdleCallback' in self ? requestIdleCallback(guard(fn), { timeout: ms }) : setTimeout(guard(fn), 0))

/** A struggle is recent enough to act on: within `ms` of now. */
export const recent = (c: Ctx, ms: number): boolean => !!c.z && Date.now() - c.z.t < ms
