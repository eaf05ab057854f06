import { loadavg } from 'node:os'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { startSite } from '../../lib/startSite.ts'
import { E2E_TOKEN, type TestCollector } from '../../lib/startCollector.ts'
import { poll } from '../../lib/poll.ts'
import { play } from '../mainThread.ts'
import { median, sleep } from '../stats.ts'
import { PEERS, startPeerStub, type Peer } from './peers.ts'
import { fileURLToPath } from 'node:url'

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))

/**
 * Everything compared: the bare page (baseline), Wince with its defaults and with recording off, Wince with its
 * defaults but no pointer listener (what watching the pointer costs it; a bench-only variant), empty listeners on
 * Wince's event types (the floor), and the peers.
 */
export type Variant = 'bare' | 'wince' | 'wince-off' | 'wince-nomove' | 'floor' | Peer
export const VARIANTS: readonly Variant[] = ['bare', 'wince', 'wince-off', 'wince-nomove', 'floor', ...PEERS]
const NAMES: Record<Variant, string> = {
  bare: 'bare page',
  wince: 'Wince, defaults (`recording: struggle`)',
  'wince-off': 'Wince, recording off',
  'wince-nomove': 'Wince, defaults, its pointer listener refused (bench only)',
  floor: "empty listeners on Wince's event types (floor)",
  posthog: 'PostHog (autocapture, rage + dead clicks, no recording)',
  'posthog-rec': 'PostHog with recording',
  clarity: 'Clarity (always records)',
  'sentry-replay': 'Sentry with replay',
}

/** After load, how long start-up work (deferred chunks, idle loads, first snapshots) gets before the inputs, ms. */
const START_SETTLE_MS = 4000

export interface VariantRun {
  /** Script bytes the page fetched from the tool's origin, each gzipped at level 9 (as served compressed). */
  bytes: number
  files: Array<{ url: string; gzip: number }>
  scriptMs: number
  /** Longest task from navigation to the end of the start settle, ms (whoever ran in it). */
  startTaskMs: number
  /** Longest task during the inputs, ms. */
  inputTaskMs: number
}

export interface SideBySideResult {
  rounds: number
  load: { before: number[]; after: number[] }
  inputs: number
  rows: Array<{
    variant: Variant
    name: string
    bytes: number
    files: VariantRun['files']
    addedMsPer1000: number
    startTaskMs: number
    inputTaskMs: number
  }>
}

/**
 * The 'wince-nomove' variant: `pointermove` listeners are not added (the page has none of its own), so Wince
 * runs without mouse thrash and the trail's cursor: what its other listeners, timers and beacons cost alone.
 */
const NO_POINTER_MOVES = `(function(){var a=EventTarget.prototype.addEventListener;EventTarget.prototype.addEventListener=function(t){if(t!=='pointermove')return a.apply(this,arguments)}})()`

/**
 * The 'floor' variant: one listener per event type Wince listens to (core and boot chunk), capturing and passive,
 * reading the event's `timeStamp` and nothing else: what any script watching these events pays on this page.
 */
const WINCE_EVENT_TYPES =
  'pointermove pointerdown keydown wheel touchstart click scroll focusin focusout blur input change invalid submit selectionchange play pause resize popstate pageshow pagehide visibilitychange beforeunload error unhandledrejection'
const FLOOR = `<script>(function(){var o={capture:true,passive:true};'${WINCE_EVENT_TYPES}'.split(' ').forEach(function(t){addEventListener(t,function(e){window.__t=e.timeStamp},o)})})()</script>`

/** Long tasks as the page saw them: from the start, so the first long task at load is in. */
const LONG_TASKS = `window.__long=[];try{new PerformanceObserver(function(l){l.getEntries().forEach(function(e){__long.push([e.startTime,e.duration])})}).observe({type:'longtask',buffered:true})}catch(e){}`

const setRecording = (collector: TestCollector, recording: 'off' | 'struggle') =>
  fetch(`${collector.url}/api/settings/sites/demo`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
      allowHeadless: true,
      recording,
    }),
  })

/**
 * Wince beside PostHog, Clarity and Sentry on the same busy page (240 cards) with the same
 * 1,000 scripted inputs, in interleaved rounds: script bytes each fetched (gzip), script
 * time each added (CDP ScriptDuration, minus the bare page's in the same round), and the
 * longest task at start and during the inputs. Wince runs on a page whose snapshot is
 * stored (a warm-up visit stores it), as a default page view of a known page does.
 */
export async function sideBySide(
  browser: Browser,
  collector: TestCollector,
  rounds = 5,
  log = console.log,
): Promise<SideBySideResult> {
  const stub = await startPeerStub()
  const wince = `<script>window.wince=window.wince||function(){(wince.q=wince.q||[]).push(arguments)}</script>\n<script async src="${collector.url}/s.js" data-site="demo"></script>`
  const site = await startSite(collector.url, {
    dir: FIXTURES,
    render(html, url) {
      const v = (url.searchParams.get('v') ?? 'bare') as Variant
      const tag = v === 'bare' ? '' : v === 'floor' ? FLOOR : v.startsWith('wince') ? wince : stub.tag(v as Peer)
      return html.replaceAll('{{SNIPPET}}', tag)
    },
    headers: () => ({ 'cache-control': 'no-store' }),
  })
  const load = { before: loadavg(), after: [] as number[] }
  const runs: Record<Variant, VariantRun[]> = Object.fromEntries(VARIANTS.map((v) => [v, []])) as unknown as Record<
    Variant,
    VariantRun[]
  >
  let inputs = 0
  const page = `${site.url}/workload.html`
  try {
    // The warm-up visit stores the page's snapshot (its first view); later views are default page views.
    await setRecording(collector, 'struggle')
    await once(browser, page, 'wince', collector, stub.url)
    await poll(
      () =>
        collector
          .api<{ snap: unknown }>(`/api/snapshot?site=demo&url=${encodeURIComponent(page)}&vc=desktop`)
          .catch(() => ({ snap: null })),
      (r) => !!r.snap,
      30_000,
      500,
    )
    log("  the page's snapshot is stored; warming up each variant once…")
    for (const v of VARIANTS)
      if (v !== 'bare' && v !== 'wince' && v !== 'floor') {
        const before = stub.requests()
        await once(browser, page, v, collector, stub.url) // warm compile caches and the stub
        // What each peer asked of the stub in one page view: a tool that never uploads is not measured running.
        const after = stub.requests()
        const calls = Object.entries(after)
          .map(([k, n]) => [k, n - (before[k] ?? 0)] as const)
          .filter(([, n]) => n > 0)
        if (!v.startsWith('wince'))
          log(`  ${v} requested: ${calls.map(([k, n]) => `${k} ×${n}`).join(', ') || 'nothing'}`)
      }
    for (let r = 0; r < rounds; r++) {
      // Interleaved: each round starts with another variant.
      const order = VARIANTS.map((_, i) => VARIANTS[(i + r) % VARIANTS.length]!)
      for (const v of order) {
        const run = await once(browser, page, v, collector, stub.url)
        runs[v].push(run.run)
        inputs = run.inputs
      }
      log(
        `  round ${r + 1}/${rounds}: script ms ${VARIANTS.map((v) => `${v} ${runs[v][r]!.scriptMs.toFixed(0)}`).join(', ')}; load ${loadavg()[0]!.toFixed(2)}`,
      )
    }
  } finally {
    await setRecording(collector, 'struggle')
    await site.close()
    await stub.close()
  }
  load.after = loadavg()
  const per1000 = 1000 / inputs
  const rows: SideBySideResult['rows'] = VARIANTS.filter((v) => v !== 'bare').map((variant) => ({
    variant,
    name: NAMES[variant],
    bytes: median(runs[variant].map((r) => r.bytes)),
    files: runs[variant][0]!.files,
    addedMsPer1000: median(runs[variant].map((r, i) => r.scriptMs - runs.bare[i]!.scriptMs)) * per1000,
    startTaskMs: median(runs[variant].map((r) => r.startTaskMs)),
    inputTaskMs: median(runs[variant].map((r) => r.inputTaskMs)),
  }))
  rows.push({
    variant: 'bare',
    name: NAMES.bare,
    bytes: 0,
    files: [],
    addedMsPer1000: 0,
    startTaskMs: median(runs.bare.map((r) => r.startTaskMs)),
    inputTaskMs: median(runs.bare.map((r) => r.inputTaskMs)),
  })
  return { rounds, load, inputs, rows }
}

/** One page view of a variant: its script bytes, the script time of the inputs, its long tasks. */
async function once(
  browser: Browser,
  url: string,
  v: Variant,
  collector: TestCollector,
  stubUrl: string,
): Promise<{ run: VariantRun; inputs: number }> {
  if (v.startsWith('wince')) await setRecording(collector, v === 'wince-off' ? 'off' : 'struggle')
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(LONG_TASKS)
  if (v === 'wince-nomove') await context.addInitScript(NO_POINTER_MOVES)
  // Automation is flagged in navigator.webdriver and some tools (Clarity) stay idle for it: every variant gets a plain browser.
  await context.addInitScript(`Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false })`)
  const p = await context.newPage()
  const files: VariantRun['files'] = []
  const pending: Promise<void>[] = []
  p.on('response', (res) => {
    const u = res.url()
    if (res.request().resourceType() !== 'script' || !(u.startsWith(collector.url) || u.startsWith(stubUrl))) return
    pending.push(
      res.body().then(
        (b) => void files.push({ url: u.replace(/^https?:\/\/[^/]+/, ''), gzip: gzipSync(b, { level: 9 }).length }),
        () => undefined,
      ),
    )
  })
  await p.goto(`${url}?v=${v}`, { waitUntil: 'load' })
  await sleep(START_SETTLE_MS)
  const startTaskMs = await p.evaluate(() =>
    Math.max(0, ...((window as unknown as { __long: number[][] }).__long ?? []).map((e) => e[1]!)),
  )
  const seen = await p.evaluate(() => performance.now())
  const cdp = await context.newCDPSession(p)
  await cdp.send('Performance.enable')
  const script = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000
  const before = await script()
  const done = await play(p)
  const scriptMs = (await script()) - before
  const inputTaskMs = await p.evaluate(
    (from) =>
      Math.max(
        0,
        ...((window as unknown as { __long: number[][] }).__long ?? []).filter((e) => e[0]! >= from).map((e) => e[1]!),
      ),
    seen,
  )
  await Promise.all(pending)
  await context.close()
  return {
    run: { bytes: files.reduce((a, f) => a + f.gzip, 0), files, scriptMs, startTaskMs, inputTaskMs },
    inputs: done.moves + done.clicks + done.wheels,
  }
}

/** The two tables, as Markdown. */
export function sideBySideTables(r: SideBySideResult): string {
  const f = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
  const wince = r.rows.find((x) => x.variant === 'wince')!
  const ph = r.rows.find((x) => x.variant === 'posthog')!
  const nomove = r.rows.find((x) => x.variant === 'wince-nomove')!
  const floor = r.rows.find((x) => x.variant === 'floor')!
  const lines = [
    `Median of ${r.rounds} interleaved rounds; ${f(r.inputs)} inputs per page view; load average ${r.load.before.map((l) => l.toFixed(2)).join(' ')} before, ${r.load.after.map((l) => l.toFixed(2)).join(' ')} after.`,
    '',
    '| | script bytes per page view (gzip, as fetched) | files |',
    '|---|---|---|',
    ...r.rows
      .filter((x) => x.variant !== 'bare')
      .map(
        (x) =>
          `| ${x.name} | ${f(x.bytes)} | ${x.files.map((y) => `${y.url.split('/').pop()} ${f(y.gzip)}`).join(' + ')} |`,
      ),
    '',
    '| | added script per 1,000 inputs (ms) | longest task at start (ms) | longest task during inputs (ms) |',
    '|---|---|---|---|',
    ...r.rows.map(
      (x) =>
        `| ${x.name} | ${x.variant === 'bare' ? '—' : f(x.addedMsPer1000, 1)} | ${f(x.startTaskMs)} | ${f(x.inputTaskMs)} |`,
    ),
    '',
    `Wince ÷ PostHog (no recording), added script time: ${f(wince.addedMsPer1000 / ph.addedMsPer1000, 2)}; without its pointer listener: ${f(nomove.addedMsPer1000 / ph.addedMsPer1000, 2)}; empty listeners on its event types: ${f(floor.addedMsPer1000 / ph.addedMsPer1000, 2)}.`,
  ]
  return lines.join('\n')
}
