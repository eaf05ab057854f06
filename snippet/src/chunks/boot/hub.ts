import type { Ctx } from '../../ext/Ctx'

/** Subscribes a part of the boot chunk to an event type (see {@link hub}). */
export type Sub = <E extends Event>(type: string, fn: (e: E) => void) => void

/** Errors of the parts' handlers reported so far: only the first is, as `guard` does. */
let reported = 0

/**
 * The boot chunk's listeners: one per event type, on `window`, capturing and passive,
 * however many of its parts want that event (the motion detectors, the trail, heatmap
 * clicks and scroll depth, the forms chunk's first events). The browser's price for
 * entering a listener is paid per listener and per event, and on a pointer move it is
 * more than the detectors' own work: parts share one, which calls each part directly
 * (no rest-argument wrapper per call: a pointer move is the hottest path the snippet
 * has). Each part runs in its own try, so one failing leaves the others running and
 * nothing reaches the page; `wince('stop')` removes the listeners.
 */
export function hub(c: Ctx): Sub {
  const parts: Record<string, ((e: Event) => void)[]> = {}
  const o = { capture: true, passive: true }
  return (type, fn) => {
    let list = parts[type]
    if (!list) {
      const all: ((e: Event) => void)[] = (list = parts[type] = [])
      const each = (e: Event) => {
        for (const f of all)
          try {
            f(e)
          } catch (x) {
            reported++ || console.warn('wince:', x)
          }
      }
      addEventListener(type, each, o)
      c.x.push(() => removeEventListener(type, each, o))
    }
    // The handler takes the event type it subscribed to (the caller names both).
    list.push(fn as (e: Event) => void)
  }
}
