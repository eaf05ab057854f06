import type { Ctx } from '../ext/Ctx'
import type { VitalName } from '../wire'
import { onCLS, onINP, onLCP, type MetricWithAttribution } from 'web-vitals/attribution'
import { rid } from '../core/rid'
import { selector } from '../describe/selector'
import { chunk, page } from './lib/chunk'
import { layoutWidth } from './lib/layoutWidth'

/**
 * The web-vitals chunk (attribution build): LCP, INP and CLS of the page view as
 * `vital` events, sent with the next batch, with the element each is attributed to as a
 * scrubbed selector (the snippet's own, never web-vitals' which may hold ids and text).
 */
chunk('vitals', (c: Ctx) => {
  const opts = { generateTarget: (el: Node | null) => (el instanceof Element ? selector(el) : '') }
  const report = (m: MetricWithAttribution) => {
    // Each metric's attribution names its element in one of these fields (web-vitals' attribution build).
    const a = m.attribution as { target?: string; interactionTarget?: string; largestShiftTarget?: string }
    c.q(
      {
        k: 'vital',
        id: rid(),
        t: Date.now(),
        u: page(),
        // Only LCP, INP and CLS are listened to below.
        name: m.name as VitalName,
        v: m.name == 'CLS' ? Math.round(m.value * 1e4) / 1e4 : Math.round(m.value),
        sel: a.target || a.interactionTarget || a.largestShiftTarget || '',
        vw: layoutWidth(innerWidth, document.documentElement.clientWidth),
        // Reported when the page is hidden, after the core sent its batch: send at once then.
      },
      document.visibilityState == 'hidden',
    )
  }
  onLCP(report, opts)
  onINP(report, opts)
  onCLS(report, opts)
})
