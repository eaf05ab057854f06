import type { Browser } from 'playwright-core'
import { median, sleep } from '../stats.ts'

/** Pointer moves per run: the input a watching script sees most. */
const MOVES = 1000
/** One move per frame, as a real mouse reports them. */
const MOVE_PACE_MS = 16

/**
 * Where the `i`th of the moves goes: rows of slow glides (one turn every 100 moves, 1.6 s), a path no
 * thrash detector calls a shake, so the snippet's time is its moves alone, not a struggle loading the recorder.
 */
export const glide = (i: number): [x: number, y: number] => [100 + (i % 100) * 10, 200 + Math.floor(i / 100) * 40]

const o = '{ capture: true, passive: true }'
/**
 * The shapes a pointer listener can take, each added alone before the page's own scripts,
 * every one of them doing nothing but what its name says: which of the flags, targets,
 * event types, reads and wrappers costs what on each move.
 */
export const LISTENER_CANDIDATES = {
  /** The snippet's shape: on `window`, capturing, passive. */
  'window capture passive': `addEventListener('pointermove', function () {}, ${o})`,
  'document capture passive': `document.addEventListener('pointermove', function () {}, ${o})`,
  'window, no options': `addEventListener('pointermove', function () {})`,
  'window passive, bubbling': `addEventListener('pointermove', function () {}, { passive: true })`,
  mousemove: `addEventListener('mousemove', function () {}, ${o})`,
  'reads timeStamp': `addEventListener('pointermove', function (e) { window.__p = e.timeStamp }, ${o})`,
  'reads position, time, buttons, type, target': `addEventListener('pointermove', function (e) { window.__p = [e.timeStamp, e.clientX, e.clientY, e.buttons, e.pointerType, e.target] }, ${o})`,
  'performance.now() instead of timeStamp': `addEventListener('pointermove', function (e) { window.__p = [performance.now(), e.clientX, e.clientY] }, ${o})`,
  getCoalescedEvents: `addEventListener('pointermove', function (e) { window.__p = e.getCoalescedEvents().length }, ${o})`,
  'guarded (rest args, try/catch)': `(function () { var g = function (f) { return function () { try { return f.apply(this, arguments) } catch (x) {} } }; addEventListener('pointermove', g(function (e) { window.__p = e.timeStamp }), ${o}) })()`,
  'two listeners (window + document)': `addEventListener('pointermove', function () {}, ${o}); document.addEventListener('pointermove', function () {}, ${o})`,
  /** A 30 ms sampler: reads `timeStamp` alone on the moves it drops, the other fields on the ones it keeps. */
  'thins by timeStamp at 30 ms, fields when kept': `(function () { var l = -1e9; addEventListener('pointermove', function (e) { var t = e.timeStamp; if (t - l < 30) return; l = t; window.__p = { x: e.clientX, y: e.clientY, t: t, b: e.buttons, p: e.pointerType } }, ${o}) })()`,
  /** The same sampler off between samples: it removes itself on a kept move and a 30 ms timer puts it back. */
  'off between samples, 30 ms timer': `(function () { var f = function (e) { removeEventListener('pointermove', f, ${o}); window.__p = { x: e.clientX, y: e.clientY, t: e.timeStamp, b: e.buttons, p: e.pointerType }; setTimeout(function () { addEventListener('pointermove', f, ${o}) }, 30) }; addEventListener('pointermove', f, ${o}) })()`,
  /** The boot chunk's shared listener: a loop over its parts, each in its own try, one part reading `timeStamp`. */
  'shared listener (parts in a loop, each in a try)': `(function () { var all = [function (e) { window.__p = e.timeStamp }]; addEventListener('pointermove', function (e) { for (const f of all) try { f(e) } catch (x) {} }, ${o}) })()`,
  /** Keeps the event, reads nothing: a 30 ms timer started by the first move reads the last one. */
  'stashes the event, 30 ms timer reads it': `(function () { var last, timer = 0; var read = function () { timer = 0; var e = last; window.__p = { x: e.clientX, y: e.clientY, t: e.timeStamp, b: e.buttons, p: e.pointerType } }; addEventListener('pointermove', function (e) { last = e; timer || (timer = setTimeout(read, 30)) }, ${o}) })()`,
} as const

export type Candidate = keyof typeof LISTENER_CANDIDATES

export interface ListenerProbeResult {
  reps: number
  /** Added script time per 1,000 moves over the bare page of the same rep, median, ms. */
  rows: Array<{ name: Candidate | 'snippet'; msPer1000: number }>
}

/**
 * Each candidate listener (and the snippet as it ships, `?snippet=1`) beside the bare
 * page: 1,000 pointer moves, CDP ScriptDuration around them, interleaved reps, medians.
 * `url` serves the page with the snippet tag on `?snippet=1` (serveFixtures).
 */
export async function probeListeners(
  browser: Browser,
  url: string,
  reps = 3,
  log = console.log,
  /** Only the candidates whose name matches (the bare page always runs). */
  only?: RegExp,
): Promise<ListenerProbeResult> {
  const names = [
    'bare',
    ...([...(Object.keys(LISTENER_CANDIDATES) as Candidate[]), 'snippet'] as const).filter(
      (n) => !only || only.test(n),
    ),
  ] as const
  const runs: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
  for (let r = 0; r < reps; r++) {
    for (const name of names) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      if (name !== 'bare' && name !== 'snippet') await context.addInitScript(LISTENER_CANDIDATES[name])
      const page = await context.newPage()
      await page.goto(url + (name === 'snippet' ? '?snippet=1' : ''), { waitUntil: 'load' })
      // The snippet's boot chunk and settings come after load: let them in before the moves.
      await sleep(name === 'snippet' ? 3000 : 1000)
      const cdp = await context.newCDPSession(page)
      await cdp.send('Performance.enable')
      const script = async () =>
        ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) *
        1000
      const before = await script()
      const t0 = performance.now()
      for (let i = 0; i < MOVES; i++) {
        await page.mouse.move(...glide(i))
        const wait = t0 + (i + 1) * MOVE_PACE_MS - performance.now()
        if (wait > 0) await sleep(wait)
      }
      runs[name]!.push(((await script()) - before) * (1000 / MOVES))
      await context.close()
    }
    log(`  listener probe rep ${r + 1}/${reps}: ${names.map((n) => `${n} ${runs[n]![r]!.toFixed(1)}`).join(', ')}`)
  }
  return {
    reps,
    rows: names
      .filter((n) => n !== 'bare')
      .map((name) => ({ name, msPer1000: median(runs[name]!.map((ms, i) => ms - runs.bare![i]!)) })),
  }
}

/** The probe's table, as Markdown. */
export function listenerProbeTable(r: ListenerProbeResult): string {
  return [
    `Pointer moves only, added script ms per 1,000 moves, median of ${r.reps} interleaved reps:`,
    '',
    '| listener | ms / 1,000 moves |',
    '|---|---|',
    ...r.rows.map((x) => `| ${x.name} | ${x.msPer1000.toFixed(1)} |`),
  ].join('\n')
}
