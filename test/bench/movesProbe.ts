import type { Browser } from 'playwright-core'
import { median, sleep } from './stats.ts'

/** Moves in the probe: only pointer moves, the input the snippet sees most. */
const MOVES = 1000

/** Listeners the probe compares, added before the page's own scripts (none: the bare page). */
const PROBES = {
  /** The least any script listening to pointer moves can cost: an empty listener. */
  empty: `addEventListener('pointermove', function () {}, { capture: true, passive: true })`,
  /** An empty listener that reads what a detector needs of each move (position, time, buttons, pointer type, target). */
  reads: `addEventListener('pointermove', function (e) { window.__p = [e.timeStamp, e.clientX, e.clientY, e.buttons, e.pointerType, e.target] }, { capture: true, passive: true })`,
} as const

type Variant = 'bare' | keyof typeof PROBES | 'snippet'

export interface MovesProbeResult {
  /** Added script time per 1,000 pointer moves (median over reps), ms: each listener, and the snippet. */
  emptyMsPer1000: number
  readsMsPer1000: number
  snippetMsPer1000: number
  reps: number
}

/**
 * Where the floor is: 1,000 pointer moves (one per frame) on the same page, bare, with
 * an empty `pointermove` listener, with one that reads the event's fields, and with the
 * snippet (or only some of these); CDP's ScriptDuration around the moves. What the empty listener costs here
 * no script that watches the pointer can go below.
 */
export async function probeMoves(
  browser: Browser,
  url: string,
  reps = 3,
  log = console.log,
  only?: Variant[],
): Promise<MovesProbeResult> {
  const runs: Record<Variant, number[]> = { bare: [], empty: [], reads: [], snippet: [] }
  const variants = only
    ? (['bare', ...only.filter((v) => v !== 'bare')] as Variant[])
    : (Object.keys(runs) as Variant[])
  for (let r = 0; r < reps; r++) {
    for (const variant of variants) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      if (variant === 'empty' || variant === 'reads') await context.addInitScript(PROBES[variant])
      const page = await context.newPage()
      await page.goto(url + (variant === 'snippet' ? '?snippet=1' : ''), { waitUntil: 'load' })
      await sleep(1000)
      const cdp = await context.newCDPSession(page)
      await cdp.send('Performance.enable')
      const script = async () =>
        ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) *
        1000
      const before = await script()
      for (let i = 0; i < MOVES; i++) {
        await page.mouse.move(100 + (i % 50) * 20, 200 + (i % 13) * 30)
        await sleep(16)
      }
      runs[variant].push((await script()) - before)
      await context.close()
    }
    log(
      `  pointer moves rep ${r + 1}/${reps}: script ms per 1,000 moves: ${variants.map((v) => `${v} ${runs[v][r]!.toFixed(1)}`).join(', ')}`,
    )
  }
  const added = (v: Variant) => (runs[v].length ? median(runs[v].map((ms, i) => ms - runs.bare[i]!)) : Number.NaN)
  return { emptyMsPer1000: added('empty'), readsMsPer1000: added('reads'), snippetMsPer1000: added('snippet'), reps }
}
