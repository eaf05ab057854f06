import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { build } from 'esbuild'
import type { Watcher } from '../../e2e/corpus/runScenario.ts'
import { startPeerStub } from '../peers/peers.ts'

const require = createRequire(import.meta.url)

/** What the peers' hooks report through `__corpusSignal`: PostHog's event names, Sentry's breadcrumb category and click count. */
export const POSTHOG_RAGE = '$rageclick'
export const POSTHOG_DEAD = '$dead_click'
export const SENTRY_PREFIX = 'sentry:'

/** After acting, how long PostHog needs to decide: its dead-click wait (2.5 s) plus its check's slack. */
const POSTHOG_SETTLE_MS = 3500
/** After acting, how long Sentry needs: its slow click ends at `slowClickTimeout` (7 s), checked once a second. */
const SENTRY_SETTLE_MS = 9000

/** The stub's project token (any the stub answers; `phc_bench` is the one its remote config is written for). */
const TOKEN = 'phc_bench'

/**
 * Sentry's browser SDK with replay, bundled from npm as a site's build would, every session
 * recorded. `beforeAddRecordingEvent` (its public hook on every replay event) reports the
 * slow-click and multi-click breadcrumbs its click detector adds; the hook sees only custom
 * events, and the first (the replay's options, with its first snapshot) says it records.
 */
async function sentryBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import * as Sentry from '@sentry/browser'
const report = (e) => {
  if (e.type === 5) window.__sentryReady = true
  const b = e.type === 5 && e.data && e.data.tag === 'breadcrumb' ? e.data.payload : null
  if (b && (b.category === 'ui.slowClickDetected' || b.category === 'ui.multiClick') && window.__corpusSignal)
    window.__corpusSignal(${JSON.stringify(SENTRY_PREFIX)} + b.category + ':' + ((b.data && b.data.clickCount) || 1))
  return e
}
Sentry.init({ dsn: window.__sentryDsn, integrations: [Sentry.replayIntegration({ beforeAddRecordingEvent: report })], replaysSessionSampleRate: 1, replaysOnErrorSampleRate: 1, tracesSampleRate: 0 })`,
      resolveDir: dirname(require.resolve('@sentry/browser/package.json')),
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
  })
  return out.outputFiles[0]!.text
}

export interface Peers {
  /** The script tags both peers are installed with, in every corpus page's `<head>`. */
  tags: string
  watcher: Watcher
  close(): Promise<void>
}

/**
 * PostHog (autocapture with rage and dead clicks, no recording) and Sentry (replay, which
 * holds its slow- and multi-click detection) installed side by side on the corpus pages.
 * Their servers are the peers' stub (`test/bench/peers/peers.ts`: PostHog's loader and
 * lazily loaded extensions from npm, every upload answered at once); the Sentry bundle is
 * served from the stub's origin by the browser context. Neither tool changes the page's DOM
 * or answers the other's clicks; they share a page so the corpus runs twice, not three times.
 */
export async function startPeers(): Promise<Peers> {
  const stub = await startPeerStub()
  const sentry = await sentryBundle()
  const posthogInit = `{api_host:${JSON.stringify(stub.url)},capture_dead_clicks:true,autocapture:true,rageclick:true,disable_session_recording:true,capture_pageview:true,persistence:'memory',opt_out_useragent_filter:true,loaded:function(){window.__posthogReady=true},before_send:function(e){if(e&&(e.event===${JSON.stringify(POSTHOG_RAGE)}||e.event===${JSON.stringify(POSTHOG_DEAD)})&&window.__corpusSignal)window.__corpusSignal(e.event);return e}}`
  const tags = [
    `<script>window.posthog=[];posthog._i=[[${JSON.stringify(TOKEN)},${posthogInit},undefined]];posthog.__SV=1</script>`,
    `<script async src="${stub.url}/static/array.js"></script>`,
    `<script>window.__sentryDsn=${JSON.stringify(`http://public@${stub.url.slice('http://'.length)}/1`)}</script>`,
    `<script async src="${stub.url}/sentry-corpus.js"></script>`,
  ].join('\n')
  const watcher: Watcher = {
    async prepare(context) {
      await context.route(`${stub.url}/sentry-corpus.js`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: sentry }),
      )
      // Automation is flagged in navigator.webdriver: the peers get a plain browser, as in the peers bench.
      await context.addInitScript(`Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false })`)
    },
    async ready(page) {
      // PostHog loaded with its dead-click extension, and Sentry's recorder has taken its first snapshot.
      await page.waitForFunction(
        () =>
          (window as { __posthogReady?: boolean }).__posthogReady === true &&
          (window as { __sentryReady?: boolean }).__sentryReady === true &&
          performance.getEntriesByType('resource').some((e) => e.name.includes('dead-clicks-autocapture')),
      )
      await page.waitForTimeout(50)
      return ''
    },
    settleMinMs: Math.max(POSTHOG_SETTLE_MS, SENTRY_SETTLE_MS),
  }
  return { tags, watcher, close: () => stub.close() }
}
