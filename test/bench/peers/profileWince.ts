import { launchChromium } from '../../lib/browser.ts'
import { E2E_TOKEN, startCollector } from '../../lib/startCollector.ts'
import { serveFixtures } from '../serveFixtures.ts'
import { play } from '../mainThread.ts'
import { sleep } from '../stats.ts'
import { summarizeTrace } from '../summarizeTrace.ts'
import { poll } from '../../lib/poll.ts'
import { glide } from './listenerProbe.ts'

/**
 * Where Wince's script time goes on the side-by-side workload (busy page, 1,000 inputs):
 * one traced page view (time by caller) and one CPU-profiled one (self time by function
 * of the snippet's files, and inclusive time by way in: the listener, timer or callback
 * and the parts it called). `pnpm --filter ./test exec tsx bench/peers/profileWince.ts [off|struggle] [moves]`.
 */
const recording = process.argv[2] === 'struggle' ? 'struggle' : 'off'
/** `moves`: the listener probe's 1,000 pointer moves instead of the side-by-side workload. */
const movesOnly = process.argv[3] === 'moves'
const inputs = async (page: import('playwright-core').Page) => {
  if (!movesOnly) return void (await play(page))
  for (let i = 0; i < 1000; i++) {
    await page.mouse.move(...glide(i))
    await sleep(16)
  }
}
/** Per evaluation of one of our scripts: the events nested in it (outermost of each name), ms by name. */
function insideEvaluations(
  trace: {
    traceEvents: Array<{
      name: string
      ts: number
      dur?: number
      pid: number
      tid: number
      ph: string
      args?: { data?: { url?: string } }
    }>
  },
  isOurs: (url: string) => boolean,
): Record<string, Record<string, number>> {
  // Complete events, and begin/end pairs (style and layout come as those) joined into complete ones.
  const all = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined)
  const open = new Map<string, (typeof all)[number][]>()
  for (const e of [...trace.traceEvents].sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}/${e.tid}/${e.name}`
    if (e.ph === 'B') open.set(key, [...(open.get(key) ?? []), e])
    else if (e.ph === 'E') {
      const begun = open.get(key)?.pop()
      if (begun) all.push({ ...begun, ph: 'X', dur: e.ts - begun.ts })
    }
  }
  const out: Record<string, Record<string, number>> = {}
  for (const ev of all.filter((e) => e.name === 'EvaluateScript' && isOurs(e.args?.data?.url ?? ''))) {
    const script = (ev.args?.data?.url ?? '').split('?')[0]!.split('/').pop()!
    const by = (out[`${script} (${(ev.dur! / 1000).toFixed(1)} ms)`] = {} as Record<string, number>)
    const inside = all
      .filter(
        (e) => e !== ev && e.pid === ev.pid && e.tid === ev.tid && e.ts >= ev.ts && e.ts + e.dur! <= ev.ts + ev.dur!,
      )
      .sort((a, b) => a.ts - b.ts)
    const seen: Record<string, number> = {}
    for (const e of inside) {
      // Outermost only: a Layout inside a Layout counts once.
      if ((seen[e.name] ?? -1) > e.ts) continue
      seen[e.name] = e.ts + e.dur!
      by[e.name] = (by[e.name] ?? 0) + e.dur! / 1000
    }
  }
  return out
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
  // The core (`/s.js`) and its chunks (`/s/…`).
  const ours = (u: string) => u.startsWith(`${collector.url}/s`)
  {
    // A first view stores the page's snapshot: the profiled views are default page views, as on a known page.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await (await context.newPage()).goto(url, { waitUntil: 'load' })
    await poll(
      () =>
        collector
          .api<{ snap: unknown }>(
            `/api/snapshot?site=demo&url=${encodeURIComponent(`${site.url}/workload.html`)}&vc=desktop`,
          )
          .catch(() => ({ snap: null })),
      (r) => !!r.snap,
      30_000,
      500,
    )
    await context.close()
  }
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    // Two traces: the start (load and the settle after it), then the inputs; Wince's longest part of one task in each.
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute']
    await browser.startTracing(page, { categories })
    await page.goto(url, { waitUntil: 'load' })
    await sleep(3000)
    const startTrace = JSON.parse((await browser.stopTracing()).toString('utf8'))
    const start = summarizeTrace(startTrace, ours)
    console.log(
      `start: own ${start.ownMs.toFixed(1)} ms in ${start.ownTasks} tasks; longest own part of a task ${start.longestOwnPartMs.toFixed(1)} ms (that task ${start.longestTaskMs.toFixed(1)} ms); longest evaluation ${start.evaluateMs.toFixed(1)} ms (${start.evaluateScript})`,
    )
    // What each of our scripts' evaluations spent its time on: the browser work it forced (style, layout) or the code.
    for (const [script, inside] of Object.entries(insideEvaluations(startTrace, ours)))
      console.log(
        `  evaluating ${script}: ${Object.entries(inside)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([k, v]) => `${k} ${v.toFixed(1)} ms`)
          .join(', ')}`,
      )
    await browser.startTracing(page, { categories })
    await inputs(page)
    const trace = await browser.stopTracing()
    const s = summarizeTrace(JSON.parse(trace.toString('utf8')), ours)
    console.log(
      `inputs: own ${s.ownMs.toFixed(1)} ms in ${s.ownTasks} tasks; longest own part of a task ${s.longestOwnPartMs.toFixed(1)} ms (that task ${s.longestTaskMs.toFixed(1)} ms)`,
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
    // Native and engine time (no URL) goes to the nearest script function above it: a DOM call the snippet makes is the snippet's.
    const parent = new Map<number, number>()
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const name = (f: (typeof profile.nodes)[number]['callFrame']) =>
      `${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1} ${f.functionName || '(anon)'}`
    const byFn = new Map<string, number>()
    const byFile = new Map<string, number>()
    for (const n of profile.nodes) {
      const t = (dt.get(n.id) ?? 0) / 1000
      if (!t) continue
      let owner: (typeof profile.nodes)[number] | undefined = n
      while (owner && !owner.callFrame.url) owner = byId.get(parent.get(owner.id) ?? -1)
      const f = n.callFrame
      const file = owner
        ? ours(owner.callFrame.url)
          ? owner.callFrame.url.split('/').pop()!
          : '(page)'
        : `(${f.functionName || 'native'})`
      byFile.set(file, (byFile.get(file) ?? 0) + t)
      if (!owner || !ours(owner.callFrame.url)) continue
      const key = owner === n ? name(f) : `${name(owner.callFrame)} > ${f.functionName || 'native'}`
      byFn.set(key, (byFn.get(key) ?? 0) + t)
    }
    for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1])) console.log(`  ${v.toFixed(1)} ms  ${k}`)
    // Inclusive time by way in: the outermost function of ours on each sampled stack (a listener, a timer, a
    // callback) and the one it called, so a listener shared by several parts says which part the time went to.
    const byEntry = new Map<string, number>()
    for (const n of profile.nodes) {
      const t = (dt.get(n.id) ?? 0) / 1000
      if (!t) continue
      const stack: (typeof profile.nodes)[number][] = []
      for (let m: (typeof profile.nodes)[number] | undefined = n; m; m = byId.get(parent.get(m.id) ?? -1))
        stack.unshift(m)
      const at = stack.findIndex((m) => ours(m.callFrame.url))
      if (at < 0) continue
      const key = stack
        .slice(at, at + 3)
        .map((m) => (m.callFrame.url ? name(m.callFrame) : m.callFrame.functionName || 'native'))
        .join(' > ')
      byEntry.set(key, (byEntry.get(key) ?? 0) + t)
    }
    const total = [...byFn.values()].reduce((a, b) => a + b, 0)
    console.log(`CPU profile: self time in the snippet's files and the calls they make ${total.toFixed(1)} ms`)
    for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${v.toFixed(1)} ms  ${k}`)
    console.log('CPU profile: inclusive time by way in (outermost function of ours > the next two on the stack)')
    for (const [k, v] of [...byEntry].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`  ${v.toFixed(1)} ms  ${k}`)
    await context.close()
  }
} finally {
  await browser.close()
  await site.close()
  await collector.close()
}
