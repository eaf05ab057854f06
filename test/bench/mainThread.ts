import type { Browser, Page } from 'playwright-core'
import { median, sleep } from './stats.ts'
import { summarizeTrace, type TraceSummary } from './summarizeTrace.ts'

/** Inputs in the scripted workload: mouse moves, clicks on working controls, wheel ticks. */
export const WORKLOAD_INPUTS = 1000
/** One input per 60 Hz frame, as a hand on a mouse produces them (and every move reaches the snippet's 15 ms sampler). */
const PACE_MS = 16
/** After the last input: the dead-click wait (1 s) and the work it defers, inside the window. */
const SETTLE_MS = 1500

export interface MainThreadRun {
  scriptMs: number
  taskMs: number
  inputs: { moves: number; clicks: number; wheels: number }
  /** Signal types the snippet raised during the workload: a busy visitor, not a struggling one, should raise none. */
  signals: string[]
}

export interface MainThreadResult {
  reps: number
  inputs: MainThreadRun['inputs']
  without: { scriptMs: number; taskMs: number }
  with: { scriptMs: number; taskMs: number }
  /** Median of the per-repetition differences (with − without), per 1,000 inputs. */
  addedScriptMsPer1000: number
  addedTaskMsPer1000: number
  /** The same for no-op listeners on the snippet's events: the floor any such script pays here. */
  noopScriptMsPer1000: number
  noopTaskMsPer1000: number
  /** From traces of the page with the snippet: time in s.js functions, per 1,000 inputs (median). */
  ownMsPer1000: number
  /** Longest task in which s.js code ran (median over traced runs, and the worst), and the snippet's part of it. */
  longestOwnTaskMs: number
  worstOwnTaskMs: number
  evaluateMs: number
  traces: Array<TraceSummary & { signals: string[] }>
  /** Signals raised per run with the snippet (median). */
  signals: number
  signalTypes: string[]
}

/** A small deterministic PRNG, so both variants get the very same inputs. */
function prng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
}

async function listenForSignals(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof (window as any).wince === 'function' && !('q' in (window as any).wince))
  await page.evaluate(() => {
    const w = window as any
    w.__signals = []
    w.wince('on', 'signal', (s: { type: string }) => w.__signals.push(s.type))
  })
}

const raisedSignals = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__signals ?? [])

/** The page bare, with the snippet, or with no-op listeners on the snippet's events (a floor for any listener). */
type Variant = 'without' | 'with' | 'noop'
const QUERY: Record<Variant, string> = { without: '', with: '?snippet=1', noop: '?noop=1' }

async function openPage(browser: Browser, url: string, variant: Variant): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(url + QUERY[variant], { waitUntil: 'load' })
  if (variant === 'with') await listenForSignals(page)
  // Let start-up work (layout, the snippet's first page event) finish outside the window.
  await sleep(300)
  return page
}

/**
 * Plays the workload as a person browsing: the mouse glides to a point (about 40 px per
 * frame, eased), and when that point is one of the header's working controls, clicks it;
 * now and then a few wheel ticks, down the product grid and later back up.
 */
export async function play(page: Page): Promise<MainThreadRun['inputs']> {
  const controls = await page.$$eval('header button', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect()
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 }
    }),
  )
  const rnd = prng(42)
  const inputs = { moves: 0, clicks: 0, wheels: 0 }
  let n = 0
  let x = 640
  let y = 400
  const t0 = performance.now()
  const paced = async () => {
    const wait = t0 + ++n * PACE_MS - performance.now()
    if (wait > 0) await sleep(wait)
  }
  while (n < WORKLOAD_INPUTS) {
    const control = rnd() < 0.6 ? controls[Math.floor(rnd() * controls.length)]! : undefined
    const to = control ?? { x: 40 + rnd() * 1200, y: 120 + rnd() * 640 }
    const steps = Math.max(3, Math.round(Math.hypot(to.x - x, to.y - y) / 40))
    for (let s = 1; s <= steps && n < WORKLOAD_INPUTS; s++) {
      const k = 0.5 - Math.cos((Math.PI * s) / steps) / 2
      await page.mouse.move(x + (to.x - x) * k, y + (to.y - y) * k)
      inputs.moves++
      await paced()
    }
    x = to.x
    y = to.y
    if (control && n < WORKLOAD_INPUTS) {
      await page.mouse.click(x, y)
      inputs.clicks++
      await paced()
    } else if (rnd() < 0.6) {
      const down = n < WORKLOAD_INPUTS * 0.7
      for (let w = 0; w < 3 && n < WORKLOAD_INPUTS; w++) {
        await page.mouse.wheel(0, down ? 100 : -100)
        inputs.wheels++
        await paced()
      }
    }
  }
  await sleep(SETTLE_MS)
  return inputs
}

/** One run: CDP Performance metrics around the workload. */
async function measure(browser: Browser, url: string, variant: Variant): Promise<MainThreadRun> {
  const page = await openPage(browser, url, variant)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000
    return { script: get('ScriptDuration'), task: get('TaskDuration') }
  }
  const before = await read()
  const inputs = await play(page)
  const after = await read()
  const signals = await raisedSignals(page)
  await page.context().close()
  return { scriptMs: after.script - before.script, taskMs: after.task - before.task, inputs, signals }
}

/** The snippet's code: `s.js` and the chunks it loads from the collector's `/s/` (boot, vitals, recorder…). */
const isSnippet = (url: string) => url.endsWith('/s.js') || /\/s\/[\w.-]+\.js$/.test(url)

/** One traced run with the snippet: which tasks ran its code (s.js and its chunks), and for how long. */
export async function traced(browser: Browser, url: string): Promise<TraceSummary & { signals: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
  })
  await page.goto(url + '?snippet=1', { waitUntil: 'load' })
  await listenForSignals(page)
  await sleep(300)
  await play(page)
  const trace = await browser.stopTracing()
  const signals = await raisedSignals(page)
  await context.close()
  return { ...summarizeTrace(JSON.parse(trace.toString('utf8')), isSnippet), signals }
}

/**
 * Main-thread cost of the snippet in Chromium: the same workload on the same page
 * without and with the snippet, alternating which goes first, `reps` times; then
 * `tracedReps` traced runs to attribute time and tasks to s.js itself.
 */
export async function benchMainThread(
  browser: Browser,
  pageUrl: string,
  reps = 5,
  tracedReps = 3,
  log = console.log,
): Promise<MainThreadResult> {
  const runs: Record<Variant, MainThreadRun[]> = { without: [], with: [], noop: [] }
  // A warm-up: the first pages in a fresh browser pay for compiling and caches.
  await measure(browser, pageUrl, 'without')
  await measure(browser, pageUrl, 'with')
  const orders: Variant[][] = [
    ['without', 'with', 'noop'],
    ['with', 'noop', 'without'],
    ['noop', 'without', 'with'],
  ]
  for (let r = 0; r < reps; r++) {
    for (const v of orders[r % orders.length]!) runs[v].push(await measure(browser, pageUrl, v))
    const [w, s, n] = [runs.without[r]!, runs.with[r]!, runs.noop[r]!]
    log(
      `  main thread rep ${r + 1}/${reps}: script ms without ${w.scriptMs.toFixed(1)}, with ${s.scriptMs.toFixed(1)}, no-op listeners ${n.scriptMs.toFixed(1)}; task ms ${w.taskMs.toFixed(0)} / ${s.taskMs.toFixed(0)} / ${n.taskMs.toFixed(0)}; ${s.signals.length} signals`,
    )
  }
  const { without, with: withS, noop } = runs
  const traces: MainThreadResult['traces'] = []
  for (let r = 0; r < tracedReps; r++) {
    traces.push(await traced(browser, pageUrl))
    const t = traces[r]!
    log(
      `  traced rep ${r + 1}/${tracedReps}: snippet ${t.ownMs.toFixed(1)} ms in ${t.ownTasks} tasks, longest such task ${t.longestTaskMs.toFixed(1)} ms (snippet part ${t.longestOwnPartMs.toFixed(1)} ms), longest evaluation ${t.evaluateMs.toFixed(1)} ms (${t.evaluateScript})`,
    )
    const callers = Object.entries(t.byCaller).sort((a, b) => b[1].ms - a[1].ms)
    log(
      `    by caller: ${callers.map(([k, v]) => `${k} ${v.ms.toFixed(1)} ms / ${v.calls} calls (${((v.ms / v.calls) * 1000).toFixed(0)} µs each)`).join(', ')}`,
    )
  }
  const inputs = withS[0]!.inputs
  const per1000 = 1000 / (inputs.moves + inputs.clicks + inputs.wheels)
  const diff = (k: 'scriptMs' | 'taskMs', runs = withS) => median(runs.map((w, i) => w[k] - without[i]![k])) * per1000
  return {
    reps,
    inputs,
    without: { scriptMs: median(without.map((r) => r.scriptMs)), taskMs: median(without.map((r) => r.taskMs)) },
    with: { scriptMs: median(withS.map((r) => r.scriptMs)), taskMs: median(withS.map((r) => r.taskMs)) },
    addedScriptMsPer1000: diff('scriptMs'),
    addedTaskMsPer1000: diff('taskMs'),
    noopScriptMsPer1000: diff('scriptMs', noop),
    noopTaskMsPer1000: diff('taskMs', noop),
    ownMsPer1000: median(traces.map((t) => t.ownMs)) * per1000,
    longestOwnTaskMs: median(traces.map((t) => t.longestTaskMs)),
    worstOwnTaskMs: Math.max(...traces.map((t) => t.longestTaskMs)),
    evaluateMs: median(traces.map((t) => t.evaluateMs)),
    traces,
    signals: median(withS.map((r) => r.signals.length)),
    signalTypes: [...new Set(withS.flatMap((r) => r.signals))],
  }
}
