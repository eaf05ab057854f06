import { fileURLToPath } from 'node:url'
import { startSite, type TestSite } from '../lib/startSite.ts'

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))

/** A fixture server: the same as the tests' site server. */
export type FixtureSite = TestSite

const snippetTag = (collector: string) =>
  '<script>window.wince=window.wince||function(){(wince.q=wince.q||[]).push(arguments)}</script>\n' +
  `<script async src="${collector}/s.js" data-site="demo"></script>`

/**
 * A reference, not Wince: guarded, passive, capturing no-op listeners on the events the
 * snippet listens to. What any script that listens to those events pays at least.
 */
const NOOP_LISTENERS = `<script>(function () {
  var o = { capture: true, passive: true }
  'click error unhandledrejection pointermove scroll focusin input change submit play pause hashchange popstate pagehide blur selectionchange visibilitychange pageshow'
    .split(' ').forEach(function (t) { addEventListener(t, function (e) { try { return e.timeStamp } catch (x) {} }, o) })
})()</script>`

/**
 * Serves `test/bench/fixtures` as a customer's site on its own origin. In a page,
 * `{{SNIPPET}}` becomes the script tag when the URL has `?snippet=1`, no-op listeners
 * with `?noop=1`, and nothing otherwise, so the same page runs with and without Wince.
 */
export function serveFixtures(collectorUrl: string): Promise<FixtureSite> {
  return startSite(collectorUrl, {
    dir: FIXTURES,
    render(html, url) {
      const q = url.searchParams
      const tag = q.get('snippet') === '1' ? snippetTag(collectorUrl) : q.get('noop') === '1' ? NOOP_LISTENERS : ''
      return html.replaceAll('{{SNIPPET}}', tag)
    },
    // no-store: a reload must load the page again, as a first visit would.
    headers: () => ({ 'cache-control': 'no-store' }),
  })
}
