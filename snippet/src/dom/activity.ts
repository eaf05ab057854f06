import { listen, patch } from '../core/registry'
import { now } from '../core/now'
import { guard } from '../core/guard'
import { IGNORE } from './classify'
import { ctx } from '../transport/queue'
import { rid } from '../core/rid'

/** Receives each sign of life: when, whether it was only a selection change, and the element focus moved to (if that is what it was). */
export type Sink = (t: number, selection?: boolean, focus?: unknown) => void

/**
 * Events that show the page (or the browser) answered: focus, input, media, a new
 * window or dialog taking focus (`blur` of the window itself: an element's blur is only
 * the visitor's focus moving to what they pressed), and leaving the page: `beforeunload`,
 * which fires when a navigation starts (`location.href = …` in a handler), not `pagehide`,
 * which waits for the next page's response and can come after the dead-click wait. Not
 * `submit`: a form that really goes navigates (`beforeunload`), and one whose script
 * prevents it and then does nothing visible has not answered. Not `hashchange` or
 * `popstate`: a placeholder link (`href="#"`) fires both and changes nothing a visitor can
 * see; a real in-page jump scrolls, a hash router renders (a mutation), and routes to a new
 * page are marked by the page view adapter. `scroll` is handled apart (see `start`).
 */
const EVENTS = 'focusin input change play pause beforeunload blur selectionchange visibilitychange'

/**
 * The visitor at work: what the page changes soon after one of these is theirs, not the page's own habit.
 * Pointer moves (a hover opening a menu) are marked by the boot chunk's pointer listener, which exists
 * anyway: a core listener of its own on `pointerover` was entered on nearly every move of a busy page.
 */
const INPUT = 'pointerdown keydown wheel touchstart'

/**
 * How long after the visitor's last press, key, wheel, touch or hover a change with no
 * click waiting still counts as theirs: 2 s covers a touch fling's momentum and a
 * debounced search; a clock, carousel or chat widget changes on its own long after.
 */
export const BACKGROUND_QUIET_MS = 2000

/**
 * Changes on its own (no click waiting, the visitor quiet), at moments this far apart,
 * after which a node is background: one is a late load, two are a habit (a clock ticking,
 * a carousel sliding, a chat widget typing). Changes within a moment of its first change
 * are one moment (a render touches a node many times); a moment is counted from its start,
 * not from the last change, so a node changing without pause (a canvas redrawn every
 * frame, 16 ms apart) is a habit after two moments, not one moment forever.
 */
export const BACKGROUND_CHANGES = 2
export const BACKGROUND_MOMENT_MS = 250

/**
 * How long a node learnt as background stays so after its last change on its own: longer
 * than the slowest autoplay carousel (~7 s), shorter than a page's load animations take
 * to be forgotten by a visitor who starts clicking.
 */
export const BACKGROUND_RECENT_MS = 8000

/** Where changes answer nothing: the head, and ignored elements (Wince's own interface among them). */
const HIDDEN = 'head,' + IGNORE

let sink: Sink
let mo: MutationObserver
/** A click waits for its answer (set by the click adapter through `watch`). */
let waiting: unknown
/** Within a click's own task chain (its handlers, their microtasks, until the next task): what changes then is its doing, background or not. */
export let hot: unknown
/** Nodes that changed on their own: how many moments, and when the last one started. */
let quiet: WeakMap<object, { n: number; t: number }>

/** Reports a sign of life now (network, dialog, window, navigation, `click()` from script). */
export const mark = (): void => sink(now())

/**
 * A node changed (a mutation's target, a canvas drawn, an element scrolled). While a click
 * waits it answers, unless it (or its parent: a carousel's slides, a chat's messages)
 * is background and the change came after the click's own task chain (a carousel's "next"
 * moves the very track that also slides on its own). A `cold` change (a canvas drawn)
 * answers unless that canvas itself is background, task chain or not: an animation draws
 * every frame, and a frame may come before the click's task chain ends.
 * With no click waiting and the visitor quiet it is learnt as the page's own.
 */
export const change = (n: Node, cold?: boolean): void => {
  const t = now()
  const bg = (m: unknown) => {
    // A WeakMap lookup: a non-object key simply finds nothing.
    const q = quiet.get(m as object)
    return q && q.n >= BACKGROUND_CHANGES && t - q.t < BACKGROUND_RECENT_MS
  }
  if (waiting) (cold ? !bg(n) : hot || !(bg(n) || bg(n.parentNode))) && sink(t)
  // Before the visitor's first input `ctx.i` is unset: the difference is NaN, no comparison holds, and the change is learnt.
  else if (!(t - ctx.i! <= BACKGROUND_QUIET_MS)) {
    const q = quiet.get(n) || { n: 0, t: -1e9 }
    // q.t: when its latest moment started.
    if (t - q.t > BACKGROUND_MOMENT_MS) q.n++, (q.t = t)
    quiet.set(n, q)
  }
}

/**
 * The state of every form control (value, checked): what a stepper or a toggle changes without a DOM mutation.
 * Read through the document's tag-name collections, which the browser keeps cached until the DOM changes
 * (a selector query walks and matches the whole page on every click), into one string without arrays.
 */
const controls = (): string => {
  let s = ''
  // input, select and textarea all have `value`; `checked` is undefined on the last two, which is fine in the string.
  for (const tag of ['input', 'select', 'textarea'])
    for (const e of document.getElementsByTagName(tag) as HTMLCollectionOf<HTMLInputElement>) s += e.value + e.checked
  return s
}

/**
 * A click starts: the controls' state is compared after its own task chain (handlers,
 * their microtasks and framework renders, the next task): a value or checked state set
 * from script is the page answering.
 */
export function clicked(): void {
  const s = controls()
  hot = 1
  setTimeout(
    guard(() => {
      // Told while still within the chain: the click adapter takes it as answered at the press, however late the click came.
      controls() != s && mark()
      hot = 0
    }),
  )
}

/**
 * Liveness watcher: everything that counts as the page answering a click. DOM mutations
 * are observed all along, so the page's own background changes (clocks, carousels, chat
 * widgets, ads) are learnt before a click and do not answer it. Network requests are seen
 * when they start, by wrapping fetch and XHR send (a Resource Timing entry only appears
 * once the response ends: too late for a slow button). Dialogs and new windows are seen
 * by wrapping their functions, and so is `HTMLElement.click()` from script: the way pages
 * start a download (a detached link) or open a file picker (a hidden input), which change
 * nothing in the DOM; canvas redraws by wrapping the drawing calls (the context's
 * `canvas` is the node: an animation is background like a clock; the boot chunk wraps them,
 * see `ctx.c`). Every wrapper is
 * removed on stop.
 */
export function start(s: Sink): void {
  sink = s
  quiet = new WeakMap()
  // A mutation counts unless the visitor cannot see it: a change inside <head> (scripts
  // and styles injected by tag managers, or by Wince loading a chunk while a click waits),
  // or an ignored element appearing, changing or leaving (Wince's own help panel: its host is
  // data-wince-ignore; the frame rrweb borrows prototypes from). Text nodes have no `closest`: their changes count.
  mo = new MutationObserver((rs) => {
    // A record's target or node may be a Text node: the optional calls make that a no-match.
    // An attribute toggled is also its parent changing: an autoplay carousel moves its `active` class from slide to
    // slide (so does its row of dots), and each slide alone changes too seldom to be learnt before a click. A
    // node taken out of the page since has no parent: it stands for itself.
    for (const r of rs)
      (r.target as Element).closest?.(HIDDEN) ||
        ((r.addedNodes[0] || r.removedNodes[0]) as Element)?.matches?.(IGNORE) ||
        (change(r.target), r.attributeName && change(r.target.parentNode || r.target))
  })
  observe(document)
  // Capturing on window also sees events aimed at elements or the document that do not bubble.
  for (const type of EVENTS.split(' '))
    listen(window, type, (e: Event) => {
      const y = e.type
      // Focus landing on what was clicked is no answer (the click adapter checks); an element's blur is none either,
      // nor anything inside an ignored element (Wince's help panel takes focus when it shows). The window and the
      // document have no `closest`.
      if ((y != 'blur' || e.target == window) && !(e.target as Element).closest?.(IGNORE))
        sink(now(), y == 'selectionchange', y == 'focusin' ? e.target : void 0)
    })
  for (const type of INPUT.split(' ')) listen(window, type, (e: Event) => (ctx.i = e.timeStamp))
  // The document scrolling is an answer; an element scrolling may be background (a chat log following its messages).
  listen(window, 'scroll', (e: Event) => (e.target == document ? mark() : change(e.target as Node)))
  // One string split, like EVENTS: fewer bytes in the core than an array of names.
  for (const f of 'fetch open alert confirm prompt print'.split(' ') as Array<
    'fetch' | 'open' | 'alert' | 'confirm' | 'prompt' | 'print'
  >)
    patch(window, f, mark)
  patch(XMLHttpRequest.prototype, 'send', mark)
  patch(HTMLElement.prototype, 'click', mark)
  // Canvas redraws are watched by the boot chunk (`watchUnseen`), through these two: the core has no bytes to spare.
  ctx.c = change
  ctx.g = patch
  // The boot chunk's events take their ids from here: one copy of the function a page view downloads, not two.
  ctx.r = rid
}

/**
 * Observes DOM mutations of `root` too (the open shadow root a click landed in: the
 * document's observation does not reach inside it; observing a node again only renews
 * it), and from then on a click waits; no root: no click waits any more.
 */
export function watch(root?: Node): void {
  waiting = root
  if (root) observe(root)
}

const observe = (n: Node) => mo.observe(n, { attributes: true, childList: true, characterData: true, subtree: true })

export function stop(): void {
  mo?.disconnect()
}
