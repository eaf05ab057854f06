import { quickBack, type Visit } from '../detect/quickBack'
import { now } from '../core/now'
import { listen, patch } from '../core/registry'
import { rid } from '../core/rid'
import { load, save } from '../core/storage'
import { ctx, newPageView, push } from '../transport/queue'
import { emit, page } from '../api/emit'
import { mark } from './activity'

let url = ''

/** A page view starts: new id, `page` event, session trail and quick back check. */
function enter(): void {
  newPageView()
  url = page()
  const at = Date.now()
  const trail = load<Visit[]>('tr') || []
  const [next, v] = quickBack(trail, url, at)
  save('tr', next)
  // The page before this one: the new trail ends with this page (a reload leaves it as it was).
  // On a session's first page, the origin the visitor came from (never its path: a search's
  // words or a mail link's ids stay in the browser), so an agent knows where they came from.
  const ref = next[next.length - 2]?.u || /^https?:\/\/[^/]+/.exec(document.referrer)?.[0]
  push({ k: 'page', id: rid(), t: at, u: url, vw: innerWidth, vh: innerHeight, ref })
  if (v) emit({ ...v, t: now() })
}

/**
 * History changed. A new page (SPA route) is the page answering (liveness); the same page
 * (a hash, a query, `href="#"`) is not in itself: what a visitor sees change is.
 */
const route = () => page() != url && (mark(), enter())

/**
 * Page views: the first at start, one per SPA route (history pushState/replaceState
 * wrapped, popstate) and one when the page comes back from the back/forward cache.
 */
export function start(): void {
  enter()
  patch(history, 'pushState', route)
  patch(history, 'replaceState', route)
  listen(window, 'popstate', route)
  // A page restored from the back/forward cache is a new page view: the boot chunk listens for it.
  ctx.n = enter
  // Chunks' signals (the boot chunk's form watcher) go the way the core's go.
  ctx.e = emit
  // The session's storage, for chunks: one copy of these functions per page view, not one per chunk.
  ctx.d = load
  ctx.s = save
}
