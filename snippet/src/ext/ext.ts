import type { Factory } from './Ctx'
import { BUILD } from './build'
import { ctx } from '../transport/queue'

/**
 * Loads the boot chunk: `/s/<build>.js` (named by its hash alone, the shortest name), a
 * plain async script from the collector, cached for good (so a strict CSP that allows the
 * collector's scripts allows it). The boot chunk captures heatmap clicks and scroll
 * depth, asks for the site's settings once the page is idle, and loads the other chunks
 * they call for.
 */
export function start(e: string): void {
  document.head.append(Object.assign(document.createElement('script'), { src: `${e}/s/${BUILD}.js` }))
}

/** A chunk registers itself: runs it with the context. */
export const register = (f: Factory): unknown => f(ctx)
