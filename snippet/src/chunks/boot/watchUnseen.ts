import type { Ctx } from '../../ext/Ctx'

/** Canvas drawing calls (2D and WebGL): a redraw is an answer a DOM observer cannot see (a clear alone is not: a redraw follows it). */
export const DRAWS = 'fill stroke fillRect fillText drawImage putImageData drawArrays drawElements'

/**
 * What the core's watchers cannot see, watched from here (the core has no bytes to spare)
 * through the core's own wrapper (`ctx.g`: same arguments, same `this`, the original's
 * result, the hook guarded; `wince('stop')` puts every original back):
 *
 * - Canvas redraws, for the liveness watcher: each drawing call tells it the context's
 *   canvas changed (`ctx.c`), as a mutation would; an animation drawn every frame is learnt
 *   as background like a clock. A click in the moment before this chunk runs misses only a
 *   canvas's answer.
 * - Errors a framework catches and only logs. Vue 3's production build catches what an
 *   event handler throws and passes it to `console.error` (when the app sets no
 *   `errorHandler`), so no uncaught error reaches the window, and nothing else tells a
 *   script outside the app (Vue emits no event for it; its devtools hook is off in
 *   production). The arguments go to the core (`ctx.o`): an `Error` among them logged within
 *   a click's own task chain is that click failing, as an uncaught one would be; one logged
 *   later (a failed request the app reports) is not tied to it, nor is a message of text.
 */
export function watchUnseen(c: Ctx): void {
  // Each name in DRAWS is a method of these contexts; the wrapper is typed per key, which a list of names cannot be.
  for (const k of [window.CanvasRenderingContext2D, window.WebGLRenderingContext, window.WebGL2RenderingContext])
    for (const f of DRAWS.split(' ')) k && c.g(k.prototype, f as never, (x: { canvas: Node }) => c.c(x.canvas, true))
  c.g(console, 'error', (_: unknown, a: unknown[]) => c.o(a))
}
