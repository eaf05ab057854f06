import { quickBack, type Visit } from '../detect/quickBack'
import { listen, patch } from '../core/registry'
import { rid } from '../core/rid'
import { load, save } from '../core/storage'
import { push, setPageView } from '../transport/queue'
import { emit, page } from '../api/emit'
import { mark } from './activity'

let url = ''

/** A page view starts: new id, `page` event, session trail and quick back check. */
function enter(): void {
  setPageView(rid())
  url = page()
  const now = Date.now()
  const trail = load<Visit[]>('tr') || []
  const [next, v] = quickBack(trail, url, now)
  save('tr', next)
  const ref = trail.filter((p) => p.u != url).pop()?.u
  push({ k: 'page', id: rid(), t: now, u: url, vw: innerWidth, vh: innerHeight, ref })
  if (v) emit({ ...v, t: performance.now() })
}

/** History changed: the page answered (liveness), and maybe a new SPA route. */
const route = () => {
  mark()
  if (page() != url) enter()
}

/**
 * Page views: the first at start, one per SPA route (history pushState/replaceState
 * wrapped, popstate) and one when the page comes back from the back/forward cache.
 */
export function start(): void {
  enter()
  patch(history, 'pushState', route)
  patch(history, 'replaceState', route)
  listen(window, 'popstate', route)
  listen(window, 'pageshow', (e: PageTransitionEvent) => e.persisted && enter())
}

export function stop(): void {}
