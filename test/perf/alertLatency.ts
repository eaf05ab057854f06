// Alert latency: from the page's `struggle` event to the alert rendered in the
// dashboard, over many alerts in real Chromium (one fresh visitor tab each).
// Usage: tsx perf/alertLatency.ts [alerts]   Prints one JSON line last.
import { launchChromium } from '../lib/browser.ts'
import { E2E_TOKEN, startCollector } from '../lib/startCollector.ts'
import { startSite } from '../lib/startSite.ts'

const ALERTS = Number(process.argv[2] ?? 50)

const collector = await startCollector()
const site = await startSite(collector.url)
const browser = await launchChromium()
try {
  const dashboard = await browser.newPage()
  await dashboard.goto(`${collector.url}/?token=${E2E_TOKEN}`)
  await dashboard.getByTestId('stream-status').filter({ hasText: 'live' }).waitFor()
  // The dashboard notes when each alert card first appears (its own clock: the same machine's).
  await dashboard.evaluate(() => {
    const seen: Record<string, number> = {}
    ;(window as unknown as { __rendered: Record<string, number> }).__rendered = seen
    new MutationObserver(() => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-testid="alert"]')) {
        const session = el.dataset.session
        if (session && !(session in seen)) seen[session] = Date.now()
      }
    }).observe(document.body, { childList: true, subtree: true })
  })

  const latencies: number[] = []
  const context = await browser.newContext()
  for (let i = 0; i < ALERTS; i++) {
    const visitor = await context.newPage()
    await visitor.goto(`${site.url}/shop.html`)
    await visitor.waitForFunction(
      () => typeof (window as { wince?: unknown }).wince === 'function' && !('q' in (window as any).wince),
    )
    for (let c = 0; c < 4; c++) await visitor.click('#broken', { delay: 10 })
    const struggledAt = await visitor
      .waitForFunction(() => (window as any).__struggles[0]?.at as number | undefined, undefined, { timeout: 10_000 })
      .then((h) => h.jsonValue())
    // The snippet keeps its session id in sessionStorage under `wince.sid`.
    const session = await visitor.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid') ?? '""') as string)
    const renderedAt = await dashboard
      .waitForFunction((s) => (window as any).__rendered[s] as number | undefined, session, { timeout: 10_000 })
      .then((h) => h.jsonValue())
      .catch(() => undefined)
    if (renderedAt !== undefined && struggledAt !== undefined) latencies.push(renderedAt - struggledAt)
    await visitor.close()
  }
  latencies.sort((a, b) => a - b)
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN
  const result = {
    alerts: ALERTS,
    measured: latencies.length,
    p50: pct(50),
    p95: pct(95),
    max: latencies[latencies.length - 1] ?? NaN,
  }
  console.log(
    `alert latency over ${result.measured}/${ALERTS} alerts: p50 ${result.p50} ms, p95 ${result.p95} ms, max ${result.max} ms`,
  )
  console.log(JSON.stringify(result))
} finally {
  await browser.close()
  await site.close()
  await collector.close()
}
