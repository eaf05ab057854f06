import { listen, patch } from '../core/registry'

/** Receives each sign of life: when, and whether it was only a selection change. */
export type Sink = (t: number, selection: boolean) => void

/** Events that show the page (or the browser) answered: scroll, focus, input, form, media, navigation, new window or dialog taking focus. */
const EVENTS =
  'scroll focusin input change submit play pause hashchange popstate pagehide blur selectionchange visibilitychange'

let sink: Sink
let mo: MutationObserver

/**
 * Reports a sign of life, timed when it reaches us rather than by `Event.timeStamp`:
 * Chrome dispatches `selectionchange` a task after the mousedown that caused it, so
 * the selection of a double or triple click lands after the click, where it belongs.
 */
export const mark = (e?: unknown): void => sink(performance.now(), (e as Event)?.type == 'selectionchange')

/**
 * Liveness watcher: everything that counts as the page answering a click. DOM
 * mutations are observed only while a click waits for its answer (`watch`), so a
 * busy page pays for the observer only around clicks. Network requests are seen when
 * they start, by wrapping fetch and XHR send (a Resource Timing entry only appears
 * once the response ends: too late for a slow button). Dialogs and new windows are
 * seen by wrapping their functions. Every wrapper is removed on stop.
 */
export function start(s: Sink): void {
  sink = s
  mo = new MutationObserver(mark)
  // Capturing on window also sees events aimed at elements or the document that do not bubble.
  for (const type of EVENTS.split(' ')) listen(window, type, mark)
  patch(window, 'fetch', mark)
  patch(XMLHttpRequest.prototype, 'send', mark)
  for (const f of ['open', 'alert', 'confirm', 'prompt', 'print'] as const) patch(window, f, mark)
}

/** Observes DOM mutations while `on` (a click is waiting for its answer). */
export function watch(on: boolean): void {
  if (on) mo.observe(document, { attributes: true, childList: true, characterData: true, subtree: true })
  else mo.disconnect()
}

export function stop(): void {
  mo?.disconnect()
}
