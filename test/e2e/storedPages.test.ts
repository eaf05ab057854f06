import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import type { Alert } from '@wince/collector'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'
import { startForeign, type ForeignServer } from '../lib/startForeign.ts'
import { startSite, type TestSite } from '../lib/startSite.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/live/', import.meta.url))

// A visitor's page full of URLs of a "foreign" host (every kind a probe used) is
// snapshotted and recorded by the real snippet. Opening its heatmap and its replay
// in the real dashboard must not make the support agent's browser fetch anything
// from that host: the collector stripped the URLs at storage, and the dashboard's
// CSP (inherited by the rebuilt frames) blocks what would slip through.
describe('stored pages fetch nothing foreign', () => {
  let collector: TestCollector
  let site: TestSite
  let foreign: ForeignServer
  let browser: Browser

  beforeAll(async () => {
    collector = await startCollector()
    foreign = await startForeign()
    site = await startSite(collector.url, {
      dir: FIXTURES,
      render: (html) =>
        html
          .replaceAll('{{FOREIGN}}', foreign.url)
          .replaceAll('{{COLLECTOR_SITE}}', '')
          .replaceAll('{{COLLECTOR}}', collector.url),
      file: (path) => (path === '/own.css' ? `${FIXTURES}../corpus/corpus.css` : undefined),
    })
    browser = await launchChromium()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await foreign?.close()
    await collector?.close()
  })

  /** The dashboard page, with every fetch to the foreign host and every CSP violation logged. */
  async function openDashboard(): Promise<{ page: Page; violations: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    const violations: string[] = []
    page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()))
    await page.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    return { page, violations }
  }

  it('opening the heatmap and the replay makes 0 requests to the foreign host', async () => {
    const url = `${site.url}/foreign-urls.html`
    const visitor = await (await browser.newContext()).newPage()
    await visitor.goto(url)
    await visitor.waitForFunction(
      () => performance.getEntriesByType('resource').some((r) => /\/v1\/site\?/.test(r.name)),
      null,
      { timeout: 15_000 },
    )
    expect(foreign.requests.length).toBeGreaterThan(5) // the visitor's own page does load them
    await visitor.waitForTimeout(3000) // the late mutation
    for (let i = 0; i < 5; i++) await visitor.click('#broken', { delay: 20 })
    const session = await visitor.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)

    await poll(
      () =>
        fetch(`${collector.url}/api/snapshot?site=demo&vc=desktop&url=${encodeURIComponent(url)}`, {
          headers: { authorization: `Bearer ${E2E_TOKEN}` },
        }).then((r) => r.status),
      (s) => s === 200,
      20_000,
    )
    await poll(
      () => collector.api<{ runs: Array<{ events: unknown[] }> }>(`/api/sessions/${session}/replay?site=demo`),
      (r) => JSON.stringify(r.runs).includes('late'),
      20_000,
    )
    await visitor.context().close()
    foreign.requests.length = 0

    const { page, violations } = await openDashboard()
    // The heatmap: the stored page is rebuilt in its frame…
    await page.goto(`${collector.url}/?view=heatmaps&site=demo&vc=desktop&layer=clicks&page=${encodeURIComponent(url)}`)
    const frame = page.getByTestId('heatmap-frame')
    await frame.waitFor({ timeout: 15_000 })
    await poll(
      () => frame.evaluate((f: HTMLIFrameElement) => f.contentDocument?.querySelectorAll('img').length ?? 0),
      (n) => n >= 2,
      10_000,
    )
    const rebuilt = await frame.evaluate((f: HTMLIFrameElement) => ({
      button: !!f.contentDocument!.querySelector('#broken'),
      img: f.contentDocument!.querySelector('img')!.getAttribute('src'),
    }))
    expect(rebuilt.button).toBe(true)
    expect(rebuilt.img).toMatch(/^data:image\/svg\+xml,/) // a placeholder where the image was
    await page.waitForTimeout(1500)

    // …and the replay of the struggle, opened from its alert card.
    await page.goto(`${collector.url}/?view=live&site=demo`)
    const card = page.locator(`[data-testid="alert"][data-session="${session}"]`)
    await card.waitFor({ timeout: 15_000 })
    await card.getByTestId('replay-open').click()
    const player = page.getByTestId('replay-player')
    await poll(
      () => player.getAttribute('data-events').then(Number),
      (n) => n > 0,
      15_000,
    )
    await page.getByTestId('replay-toggle').click()
    const replayFrame = player.locator('iframe')
    await poll(
      () => replayFrame.evaluate((f: HTMLIFrameElement) => !!f.contentDocument?.querySelector('#broken')),
      (b) => b,
      15_000,
    )
    await page.waitForTimeout(4000)

    expect(foreign.requests).toEqual([])
    expect(violations).toEqual([]) // nothing was left for the CSP to block: the store has no foreign URL
    const alerts = await collector.api<{ alerts: Alert[] }>('/api/alerts?site=demo')
    expect(alerts.alerts.some((a) => a.session === session)).toBe(true)
    await page.close()
  }, 120_000)

  it('the dashboard’s CSP blocks a stored page that still carries foreign URLs (the second lock)', async () => {
    const url = `${site.url}/raw.html`
    const F = foreign.url
    const el = (tagName: string, attributes: Record<string, string>, childNodes: unknown[] = []) => ({
      type: 2,
      tagName,
      attributes,
      childNodes,
      id: Math.floor(Math.random() * 1e9),
    })
    const snap = {
      type: 0,
      id: 1,
      childNodes: [
        el('html', {}, [
          el('head', {}, [
            el('link', { rel: 'stylesheet', href: `${F}/raw.css` }),
            el('style', {}, [{ type: 3, textContent: `body{background:url(${F}/raw-bg.png)}`, id: 3 }]),
          ]),
          el('body', {}, [
            el('img', { src: `${F}/raw.png` }),
            el('iframe', { src: `${F}/raw-frame` }),
            el('video', { poster: `${F}/raw-poster.png` }),
            el('object', { data: `${F}/raw.svg` }),
            el('button', { id: 'broken' }),
          ]),
        ]),
      ],
    }
    // Straight into the store, past the collector's stripping: only the frame's policy stands in the way.
    await collector.client.insert({
      table: 'snapshots',
      values: [
        {
          site: 'demo',
          url,
          vc: 'desktop',
          ts: Date.now(),
          vw: 1280,
          vh: 800,
          dw: 1280,
          dh: 1000,
          snap: JSON.stringify(snap),
        },
      ],
      format: 'JSONEachRow',
    })
    // A page view with a click, so the page is in the heatmap's list.
    const now = Date.now()
    const beacon = {
      v: 1,
      s: 'demo',
      sid: `raw${now}`,
      pv: `pv${now}`,
      ev: [
        { k: 'page', id: `p${now}`, t: now - 1000, u: url, vw: 1280, vh: 800 },
        {
          k: 'click',
          id: `c${now}`,
          t: now,
          u: url,
          x: 10,
          y: 10,
          vw: 1280,
          dw: 1280,
          dh: 1000,
          sel: 'button#broken',
          fx: 0.5,
          fy: 0.5,
        },
      ],
    }
    const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'
    expect(
      (
        await fetch(`${collector.url}/v1/collect`, {
          method: 'POST',
          headers: { origin: site.url, 'content-type': 'text/plain', 'user-agent': UA },
          body: JSON.stringify(beacon),
        })
      ).status,
    ).toBe(202)
    await poll(
      () => collector.api<{ pages: Array<{ url: string }> }>('/api/pages?site=demo'),
      (r) => r.pages.some((p) => p.url === url),
      15_000,
    )
    foreign.requests.length = 0
    const { page, violations } = await openDashboard()
    await page.goto(`${collector.url}/?view=heatmaps&site=demo&vc=desktop&layer=clicks&page=${encodeURIComponent(url)}`)
    const frame = page.getByTestId('heatmap-frame')
    await frame.waitFor({ timeout: 15_000 })
    await poll(
      () =>
        frame.evaluate((f: HTMLIFrameElement) => f.contentDocument?.querySelector('img')?.getAttribute('src') ?? ''),
      (src) => src.startsWith(F),
      10_000,
    )
    await page.waitForTimeout(2000)
    expect(foreign.requests).toEqual([])
    expect(violations.length).toBeGreaterThan(0) // the policy really had something to block
    await page.close()
  }, 60_000)
})
