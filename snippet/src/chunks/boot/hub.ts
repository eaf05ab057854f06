import type { Ctx } from '../../ext/Ctx'
import { guard } from '../../core/guard'
import { own } from '../lib/chunk'

/** Subscribes a part of the boot chunk to an event type (see {@link hub}). */
export type Sub = <E extends Event>(type: string, fn: (e: E) => void) => void

/**
 * The boot chunk's listeners: one per event type, on `window`, capturing and passive,
 * however many of its parts want that event (the motion detectors, the trail, heatmap
 * clicks and scroll depth, the forms chunk's first events). The browser's price for
 * entering a listener is paid per listener and per event, and on a pointer move it is
 * more than the detectors' own work: parts share one, which calls each part in turn.
 * Each part is guarded, so one failing leaves the others running and nothing reaches the
 * page; `wince('stop')` removes the listeners. Pointer moves, the hottest path the snippet
 * has and one part's only, have a listener of their own ({@link own}): the hub's loop
 * calls every type's parts from one call site, which the engine cannot specialise.
 */
export function hub(c: Ctx): Sub {
  const parts: Record<string, ((e: Event) => void)[]> = {}
  return (type, fn) => {
    let list = parts[type]
    if (!list) {
      const all: ((e: Event) => void)[] = (list = parts[type] = [])
      own(c, type, (e: Event) => {
        for (const f of all) f(e)
      })
    }
    // The handler takes the event type it subscribed to (the caller names both).
    list.push(guard(fn as (e: Event) => void))
  }
}
