import { createExcessiveScroll } from '../detect/excessiveScroll'
import { listen } from '../core/registry'
import { emit } from '../api/emit'
import { IGNORE } from './classify'

/** Scroll adapter: the document's and any element's scroll position, in viewport heights, into the excessive scroll detector. */
export function start(): void {
  const scroll = createExcessiveScroll()
  listen(window, 'scroll', (e: Event) => {
    // The target is the document (its scrolling element stands for it) or an element.
    const el = (e.target == document ? document.scrollingElement : e.target) as Element | null
    if (!el || el.closest(IGNORE)) return
    const v = scroll({ y: el.scrollTop / (el.clientHeight || 1), t: e.timeStamp, k: el })
    if (v) emit(v)
  })
}

