import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url))
const TITLE = 'Enamel mug' // the demo shop's heading

// "Take a new snapshot": the demo shop's first snapshot is masked (text is off by default);
// a stored snapshot is recent, so the next visit is not asked for one; the owner presses the
// button in the heatmap view and the next visit sends a fresh one. Then the owner allows text:
// the site's snapshots are stale at once, the next visit sends one with the page's text, and
// the heatmap shows it.
describe('take a new snapshot', () => {
  let collector: TestCollector
  let browser: Browser
  const admin = { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' }

  beforeAll(async () => {
    collector = await startCollector()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await collector?.close()
  })

  async function visit(): Promise<void> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${collector.url}/demo/`)
    await page.waitForFunction(
      () =>
        typeof (window as { wince?: unknown }).wince === 'function' &&
        !('q' in (window as unknown as { wince: object }).wince),
    )
    await page.waitForTimeout(2500) // the snapshot is taken once the page is idle
    await context.close()
  }

  it('marks the old snapshot stale, and the next visit stores and shows a fresh one with the current text setting', async () => {
    const url = `${collector.url}/demo/`.replace('127.0.0.1', 'localhost')
    const snapshotUrl = `/api/snapshot?site=demo&vc=desktop&url=${encodeURIComponent(url)}`
    const latest = () =>
      fetch(collector.url + snapshotUrl, { headers: admin }).then(async (r) =>
        r.ok ? ((await r.json()) as { ts: number; snap: unknown }) : null,
      )
    await visit()
    const first = (await poll(latest, (s) => s !== null, 30_000))!
    expect(JSON.stringify(first.snap)).not.toContain(TITLE)

    // A page view now is not asked: the stored snapshot is recent.
    await visit()
    expect((await latest())!.ts).toBe(first.ts)

    const dashboard = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await dashboard.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    const view = `${collector.url}/?view=heatmaps&site=demo&vc=desktop&layer=clicks&page=${encodeURIComponent(url)}`
    await dashboard.goto(view)
    await dashboard.getByTestId('snapshot-refresh').click()
    await dashboard
      .getByTestId('snapshot-refresh-note')
      .filter({ hasText: 'Asked for a new snapshot' })
      .waitFor({ timeout: 10_000 })

    await visit()
    const fresh = (await poll(latest, (s) => !!s && s.ts > first.ts, 20_000))!
    expect(JSON.stringify(fresh.snap)).not.toContain(TITLE)

    // The text setting changes: every page of the site is asked for a new snapshot, no button needed.
    const patched = await fetch(`${collector.url}/api/settings/sites/demo`, {
      method: 'PATCH',
      headers: admin,
      body: JSON.stringify({ allowText: true }),
    })
    expect(patched.status).toBe(200)
    await visit()
    const withText = (await poll(latest, (s) => !!s && s.ts > fresh.ts, 20_000))!
    expect(JSON.stringify(withText.snap)).toContain(TITLE)

    await dashboard.goto(view)
    const frame = dashboard.frameLocator('[data-testid="heatmap-frame"]')
    await frame.locator('h1').filter({ hasText: TITLE }).waitFor({ timeout: 15_000 })
    mkdirSync(ARTIFACTS, { recursive: true })
    await dashboard.screenshot({ path: `${ARTIFACTS}heatmap-refreshed.png`, fullPage: true })
    await dashboard.close()
  }, 150_000)
})
