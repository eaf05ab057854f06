import type { SignalType, SiteSettings } from '../../wire'
import { WEIGHTS } from '../../score/weights'
import { api, on } from '../lib/chunk'

/**
 * Applies what the site's team taught Wince, from each page view's `/v1/site` answer (the `learn` chunk, loaded only
 * when a page view's settings carry rules or a tuning, starting from those settings):
 * - `tune`, the threshold and weights an admin applied from the calibration, as the
 *   page's own `wince('config', …)` would (the admin's decision is the newer one);
 * - `rules`, elements whose signals of a type must not count. The core has no room for
 *   a hook of its own (`s.js` is within bytes of its 4 KB budget), but it tells `signal`
 *   subscribers of each signal before it scores it: for a signal a rule covers, the
 *   type's weight is set to 0 for that signal; any other signal of a ruled type sets it
 *   back first. The signal is still sent: the collector flags it and, whatever a page
 *   scored, does not alert on suppressed points.
 * On a site with rules, a ruled type's weight is the site's (applied tuning or default),
 * not one the page set itself.
 */
export function learned(first?: SiteSettings): void {
  let rules: NonNullable<SiteSettings['rules']> = []
  let weights: Record<SignalType, number> = WEIGHTS
  const take = (st?: SiteSettings) => {
    // A page view without the previous one's rules gets the weights a rule may have set to 0 back.
    const had = rules.length
    rules = st?.rules || []
    weights = { ...WEIGHTS, ...st?.tune?.weights }
    had && api('config', { weights })
    st?.tune && api('config', st.tune)
  }
  take(first)
  on('st', take)
  on('signal', (s) => {
    if (!rules.some((r) => r.type == s.type)) return
    const off = rules.some((r) => r.type == s.type && r.sel == s.sel)
    api('config', { weights: { [s.type]: off ? 0 : weights[s.type] } })
  })
}
