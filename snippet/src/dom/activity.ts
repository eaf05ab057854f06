import { listen, patch } from '../core/registry'
import { now } from '../core/now'
import { IGNORE } from './classify'

/** Receives each sign of life: when, and whether it was only a selection change. */
export type Sink = (t: number, selection: boolean) => void

/**
 * Events that show the page (or the browser) answered: scroll, focus, input, form, media,
 * new window or dialog taking focus, and leaving the page: `beforeunload`, which fires
 * when a navigation starts (`location.href = …` in a handler), not `pagehide`, which waits
 * for the next page's response and can come after the dead-click wait. Not `hashchange`
 * or `popstate`: a placeholder link (`href="#"`) fires both and changes nothing a visitor
 * can see; a real in-page jump scrolls, a hash router renders (a mutation), and routes to
 * a new page are marked by the page view adapter.
 */
const EVENTS = 'scroll focusin input change submit play pause beforeunload blur selectionchange visibilitychange'

let sink: Sink
let mo: MutationObserver

/**
 * Reports a sign of life, timed when it reaches us rather than by `Event.timeStamp`:
 * Chrome dispatches `selectionchange` a task after the mousedown that caused it, so
 * the selection of a double or triple click lands after the click, where it belongs.
 */
export const mark = (e?: unknown): void => sink(now(), (e as Event)?.type == 'selectionchange')

/**
 * Liveness watcher: everything that counts as the page answering a click. DOM
 * mutations are observed only while a click waits for its answer (`watch`), so a
 * busy page pays for the observer only around clicks. Network requests are seen when
 * they start, by wrapping fetch and XHR send (a Resource Timing entry only appears
 * once the response ends: too late for a slow button). Dialogs and new windows are
 * seen by wrapping their functions, and so is `HTMLElement.click()` from script: the way
 * pages start a download (a detached link) or open a file picker (a hidden input), which
 * change nothing in the DOM. Every wrapper is removed on stop.
 */
export function start(s: Sink): void {
  sink = s
  // A mutation answers unless the visitor cannot see it: a change inside <head> (scripts
  // and styles injected by tag managers, or by Wince loading a chunk while a click waits),
  // or an ignored element appearing (Wince's own help panel: its host is data-wince-ignore).
  // Text nodes have no `closest`: their changes count.
  mo = new MutationObserver(
    (rs) => rs.some((r) => !((r.target as Element).closest?.('head') || (r.addedNodes[0] as Element)?.matches?.(IGNORE))) && mark(),
  )
  // Capturing on window also sees events aimed at elements or the document that do not bubble.
  for (const type of EVENTS.split(' ')) listen(window, type, mark)
  for (const f of 'fetch open alert confirm prompt print'.split(' ')) patch(window, f as 'fetch', mark)
  patch(XMLHttpRequest.prototype, 'send', mark)
  patch(HTMLElement.prototype, 'click', mark)
}

/**
 * Observes DOM mutations of the document and of `root` while clicks wait for their
 * answer (observing a node again only renews it); no root: stops. A shadow root needs
 * its own observation: the document's does not reach inside it.
 */
export function watch(root?: Node): void {
  if (root) for (const n of [document, root]) mo.observe(n, { attributes: true, childList: true, characterData: true, subtree: true })
  else mo.disconnect()
}

export function stop(): void {
  mo?.disconnect()
}
