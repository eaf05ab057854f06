import { winceReady } from './Scenario.ts'
import type { Watcher } from './runScenario.ts'

/**
 * Wince as the corpus site installs it (the pages' own `s.js` tag): each signal the
 * snippet raises is reported through the page API, so its beacons can be awaited at the
 * collector; the session id is the snippet's.
 */
export const winceWatcher: Watcher = {
  async prepare(context) {
    await context.addInitScript(() => {
      // The install snippet's queue stub, on the page's window (untyped there).
      const w = window as any
      w.wince =
        w.wince ||
        function (...a: unknown[]) {
          ;(w.wince.q = w.wince.q || []).push(a)
        }
      w.wince('on', 'signal', (s: { type?: string }) => w.__corpusSignal(s?.type ?? 'signal'))
    })
  },
  async ready(page) {
    await winceReady(page)
    return page.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
  },
  settleMinMs: 0,
}
