import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url))

// Heatmaps end to end: clicks on the demo shop, a cluster on its broken
// "Add to wishlist" button, at two desktop widths → the dashboard's heatmap
// lists that button first and paints its hotspot over the button's box.
describe('friction heatmap over the page', () => {
  let collector: TestCollector
  let browser: Browser

  beforeAll(async () => {
    collector = await startCollector()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await collector?.close()
  })

  async function visit(width: number, clicks: Array<[string, number]>): Promise<void> {
    const context = await browser.newContext({ viewport: { width, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${collector.url}/demo/`)
    await page.waitForFunction(
      () => typeof (window as { wince?: unknown }).wince === 'function' && !('q' in (window as any).wince),
    )
    for (const [selector, times] of clicks) {
      const box = (await page.locator(selector).boundingBox())!
      for (let i = 0; i < times; i++) {
        // Spread over the element, as real visitors do; slow enough not to read as rage.
        await page.mouse.click(
          box.x + box.width * (0.3 + (0.4 * ((i * 7) % 10)) / 10),
          box.y + box.height * (0.3 + (0.4 * ((i * 3) % 10)) / 10),
        )
        await page.waitForTimeout(400)
      }
    }
    await page.waitForTimeout(300)
    await context.close() // pagehide sends what is queued
  }

  it('lists the broken button first and paints its hotspot over it', async () => {
    const url = `${collector.url}/demo/`.replace('127.0.0.1', 'localhost')
    await visit(1280, [
      ['#wishlist', 8],
      ['#add-to-basket', 2],
      ['#qty-plus', 1],
    ])
    await visit(1100, [
      ['#wishlist', 5],
      ['#add-to-basket', 1],
    ])

    // The snippet sent a masked snapshot of the page on one of those views.
    await poll(
      () =>
        fetch(`${collector.url}/api/snapshot?site=demo&vc=desktop&url=${encodeURIComponent(url)}`, {
          headers: { authorization: `Bearer ${E2E_TOKEN}` },
        }).then((r) => r.status),
      (s) => s === 200,
      20_000,
    )
    const heat = await poll(
      () =>
        collector.api<{ hotspots: Array<{ selector: string; clicks: number }> }>(
          `/api/heatmap?site=demo&vc=desktop&url=${encodeURIComponent(url)}`,
        ),
      (h) => (h.hotspots[0]?.clicks ?? 0) >= 13,
      20_000,
    )
    expect(heat.hotspots[0]!.selector).toContain('wishlist')
    expect(heat.hotspots[0]!.clicks).toBe(13)

    const dashboard: Page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await dashboard.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    await dashboard.goto(
      `${collector.url}/?view=heatmaps&site=demo&vc=desktop&layer=clicks&page=${encodeURIComponent(url)}`,
    )
    const first = dashboard.getByTestId('hotspot').first()
    await first.waitFor({ timeout: 15_000 })
    expect(await first.getAttribute('data-selector')).toContain('wishlist')
    expect(await first.getAttribute('data-clicks')).toBe('13')

    const canvas = dashboard.getByTestId('heatmap-canvas')
    await poll(
      () => canvas.getAttribute('data-spots'),
      (s) => !!s && s !== '[]',
      15_000,
    )
    // Every painted spot of the button lies inside the button's box in the rebuilt page.
    const check = await dashboard.evaluate((selector) => {
      const frame = document.querySelector<HTMLIFrameElement>('[data-testid="heatmap-frame"]')!
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="heatmap-canvas"]')!
      const el = frame.contentDocument!.querySelector(selector)!
      const r = el.getBoundingClientRect()
      const scale = c.width / frame.clientWidth
      const box = { left: r.left * scale, right: r.right * scale, top: r.top * scale, bottom: r.bottom * scale }
      const spots = (
        JSON.parse(c.dataset.spots!) as Array<{ selector: string; x: number; y: number; clicks: number }>
      ).filter((s) => s.selector === selector)
      return {
        box,
        spots,
        inside: spots.every((s) => s.x >= box.left && s.x <= box.right && s.y >= box.top && s.y <= box.bottom),
      }
    }, heat.hotspots[0]!.selector)
    expect(check.spots.length).toBeGreaterThan(0)
    expect(check.spots.reduce((n, s) => n + s.clicks, 0)).toBe(13)
    expect(check.inside, JSON.stringify(check)).toBe(true)

    // And the canvas is really painted there: the pixel at the hottest spot is not transparent.
    const alpha = await dashboard.evaluate(
      (spot) => {
        const c = document.querySelector<HTMLCanvasElement>('[data-testid="heatmap-canvas"]')!
        return c.getContext('2d')!.getImageData(Math.round(spot.x), Math.round(spot.y), 1, 1).data[3]
      },
      check.spots.sort((a, b) => b.clicks - a.clicks)[0]!,
    )
    expect(alpha).toBeGreaterThan(0)

    mkdirSync(ARTIFACTS, { recursive: true })
    const shot = `${ARTIFACTS}heatmap.png`
    await dashboard.screenshot({ path: shot, fullPage: true })
    console.log(`heatmap screenshot: ${shot}`)
  })
})
