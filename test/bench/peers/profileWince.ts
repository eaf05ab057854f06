import { launchChromium } from '../../lib/browser.ts'
import { E2E_TOKEN, startCollector } from '../../lib/startCollector.ts'
import { serveFixtures } from '../serveFixtures.ts'
import { play } from '../mainThread.ts'
import { sleep } from '../stats.ts'
import { summarizeTrace } from '../summarizeTrace.ts'

/**
 * Where Wince's script time goes on the side-by-side workload (busy page, 1,000 inputs):
 * one traced page view (time by caller) and one CPU-profiled one (self time by function
 * of the snippet's files). `pnpm --filter ./test exec tsx bench/peers/profileWince.ts [off|struggle] [moves]`.
 */
const recording = process.argv[2] === 'struggle' ? 'struggle' : 'off'
/** `moves`: the listener probe's 1,000 pointer moves instead of the side-by-side workload. */
const movesOnly = process.argv[3] === 'moves'
const inputs = async (page: import('playwright-core').Page) => {
  if (!movesOnly) return void (await play(page))
  for (let i = 0; i < 1000; i++) {
    await page.mouse.move(100 + (i % 50) * 20, 200 + (i % 13) * 30)
    await sleep(16)
  }
}
const collector = await startCollector()
const site = await serveFixtures(collector.url)
const browser = await launchChromium()
try {
  await fetch(`${collector.url}/api/settings/sites/demo`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
      allowHeadless: true,
      recording,
    }),
  })
  const url = `${site.url}/workload.html?snippet=1`
  const ours = (u: string) => u.startsWith(collector.url + '/s/')
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
    })
    await page.goto(url, { waitUntil: 'load' })
    await sleep(3000)
    await inputs(page)
    const trace = await browser.stopTracing()
    const s = summarizeTrace(JSON.parse(trace.toString('utf8')), ours)
    console.log(
      `traced: own ${s.ownMs.toFixed(1)} ms in ${s.ownTasks} tasks; longest own part ${s.longestOwnPartMs.toFixed(1)} ms`,
    )
    for (const [k, v] of Object.entries(s.byCaller).sort((a, b) => b[1].ms - a[1].ms))
      console.log(`  ${k}: ${v.ms.toFixed(1)} ms, ${v.calls} calls`)
    await context.close()
  }
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await page.goto(url, { waitUntil: 'load' })
    await sleep(3000)
    await cdp.send('Profiler.start')
    await inputs(page)
    const { profile } = await cdp.send('Profiler.stop')
    const dt = new Map<number, number>()
    const samples = profile.samples ?? []
    for (let i = 0; i < samples.length; i++)
      dt.set(samples[i]!, (dt.get(samples[i]!) ?? 0) + (profile.timeDeltas?.[i] ?? 0))
    const byFn = new Map<string, number>()
    let total = 0
    for (const n of profile.nodes) {
      const t = (dt.get(n.id) ?? 0) / 1000
      const f = n.callFrame
      const key = ours(f.url)
        ? `${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1} ${f.functionName || '(anon)'}`
        : f.url
          ? '(page and other scripts)'
          : `(${f.functionName || 'native'})`
      byFn.set(key, (byFn.get(key) ?? 0) + t)
      if (ours(f.url)) total += t
    }
    console.log(`CPU profile: self time in the snippet's files ${total.toFixed(1)} ms`)
    for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1)} ms  ${k}`)
    await context.close()
  }
} finally {
  await browser.close()
  await site.close()
  await collector.close()
}
