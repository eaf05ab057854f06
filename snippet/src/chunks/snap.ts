import type { Ctx } from '../ext/Ctx'
import type { SiteSettings, SnapshotBody } from '../wire'
import { snapshot } from 'rrweb-snapshot'
import { chunk, endpoint, idle, on, page } from './lib/chunk'
import { maskTree, rrwebMasking } from './lib/mask'
import { postJson } from './lib/send'
import { layoutWidth } from './lib/layoutWidth'

/** Longest wait for an idle moment before the snapshot is taken anyway, ms: it is never on the page's critical path. */
export const SNAPSHOT_IDLE_MAX_MS = 5000

const e = endpoint()

/**
 * The snapshot chunk: a masked DOM snapshot of the page (rrweb-snapshot) for heatmaps,
 * taken once the page is idle, when the collector asked for one of this page and
 * viewport class (`snapshot` in the page view's settings: a one-time token it sends back).
 * Readable stylesheets are inlined; images stay referenced by URL (the collector
 * turns them into placeholders).
 */
chunk('snap', (c: Ctx) => {
  let done = ''
  const take = (st: SiteSettings | undefined) => {
    const u = page()
    if (!st?.snapshot || done == u) return
    done = u
    idle(() => {
      if (page() != u) return // the route changed meanwhile: that page view asks for itself
      // Stylesheets the page can read (its own origin, or CORS) go in as text: the collector drops
      // every URL a rebuilt page could fetch, a linked stylesheet included. Scripts left out
      // (slimDOM): the rebuilt page never runs them, and rrweb-snapshot would keep an inline
      // script as the text "SCRIPT_PLACEHOLDER", printed on the heatmap.
      const snap = snapshot(document, {
        ...rrwebMasking(st.allowText),
        inlineStylesheet: true,
        inlineImages: false,
        recordCanvas: false,
        slimDOM: { script: true, comment: true },
      })
      if (!snap) return
      // SNode is the part of rrweb-snapshot's serialized node that masking reads (its union's members do not all declare those fields).
      maskTree(snap as never, st.allowText)
      const d = document.documentElement
      const body: SnapshotBody = {
        v: 1,
        s: c.h.s,
        u,
        // The width the boot chunk's ask for this snapshot gave: the same viewport class.
        vw: layoutWidth(innerWidth, d.clientWidth),
        vh: innerHeight,
        dw: d.scrollWidth,
        dh: d.scrollHeight,
        snap,
        tk: st.snapshot || '',
      }
      void postJson(c, `${e}/v1/snapshot`, body)
    }, SNAPSHOT_IDLE_MAX_MS)
  }
  on('st', take)
  take(c.st)
})
