import { cpus, totalmem, tmpdir } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium } from '../lib/browser.ts'
import { E2E_TOKEN, startCollector } from '../lib/startCollector.ts'
import { BUDGETS } from './budgets.ts'
import { benchIngest, type IngestResult } from './ingest/benchIngest.ts'
import { benchDrain } from './ingest/benchDrain.ts'
import { summarizeCpuProfile } from './ingest/summarizeCpuProfile.ts'
import { benchMainThread, traced, type MainThreadResult } from './mainThread.ts'
import { probeMoves } from './movesProbe.ts'
import { benchUnload, type UnloadResult } from './benchUnload.ts'
import { serveFixtures } from './serveFixtures.ts'
import { snippetSizes } from './snippetSizes.ts'
import { fmt } from './stats.ts'
import { ALERT_BUDGET_MS, benchScale } from './benchScale.ts'
import { sideBySide, sideBySideTables } from './peers/sideBySide.ts'
import { listenerProbeTable, probeListeners } from './peers/listenerProbe.ts'
import { benchCorpus, corpusTable } from './corpus/benchCorpus.ts'

// `pnpm bench` (after `pnpm run build`): every budget of DESIGN.md measured on this
// machine, medians of several runs, then one table. `--only=weight,main,ingest,unload`
// runs some parts (`--only=scale`: 1 vs 3 collector processes, not in the default set; `peers`: Wince beside PostHog,
// Clarity and Sentry, `--rounds=N`, after the pointer-listener probe, which `listeners` runs alone and `--no-probe`
// skips, `--probe-reps=N`, `--probe=regex` picks candidates; `--only=corpus`: the labelled corpus under Wince, PostHog and Sentry, precision and
// recall per signal type, not in the default set: it plays 123 scenarios twice, half an hour on a busy machine); `--quick` runs fewer repetitions (for trying the bench, not for figures).
const args = process.argv.slice(2)
const only = new Set(
  (args.find((a) => a.startsWith('--only='))?.slice(7) ?? 'weight,ingest,main,unload,peers').split(','),
)
const peerRounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 5)
const quick = args.includes('--quick')
/** Reps of the pointer-listener probe (`--probe-reps=N`, default 3). */
const probeReps = Number(args.find((a) => a.startsWith('--probe-reps='))?.slice(13) ?? 3)
const log = (line: string) => console.log(line)

type Row = [what: string, measured: string, budget: string, verdict: string]
const rows: Row[] = []
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
const kb = (b: number) => `${fmt(b)} B`

if (only.has('weight')) {
  const { core, chunks } = snippetSizes()
  rows.push([
    's.js raw / gzip / brotli',
    `${kb(core.raw)} / ${kb(core.gzip)} / ${kb(core.brotli)}`,
    `≤ ${kb(BUDGETS.snippetGzipBytes)} gzip`,
    verdict(core.gzip <= BUDGETS.snippetGzipBytes),
  ])
  for (const c of chunks)
    rows.push([
      `lazy ${c.file} raw / gzip / brotli`,
      `${kb(c.raw)} / ${kb(c.gzip)} / ${kb(c.brotli)}`,
      'not counted',
      '—',
    ])
  if (chunks.length === 0) rows.push(['lazy chunks', 'none in snippet/dist', 'not counted', '—'])
}

let ingest: IngestResult | undefined
if (only.has('ingest')) {
  log('collector ingest (separate processes, autocannon on loopback)…')
  ingest = await benchIngest({ rounds: quick ? 1 : 3, seconds: quick ? 5 : 10, log })
  const i = ingest
  const ok = i.storedPerSec >= BUDGETS.ingestEventsPerSec
  rows.push(['ingest: accepted (202 = fsynced to the write-ahead log), events/s', fmt(i.acceptedPerSec), '', ''])
  rows.push([
    'ingest: stored in ClickHouse, durable acks, events/s',
    fmt(i.storedPerSec),
    `≥ ${fmt(BUDGETS.ingestEventsPerSec)}`,
    verdict(ok),
  ])
  rows.push(['ingest: Hono no-op ceiling, events/s', fmt(i.noopPerSec), '', ''])
  rows.push([
    'ingest: stored ÷ no-op',
    fmt(i.ratio, 2),
    `≥ ${BUDGETS.ingestRatio}`,
    verdict(i.ratio >= BUDGETS.ingestRatio),
  ])
  rows.push([
    'ingest: stored ÷ accepted, failures',
    `${fmt(i.storedOfAccepted, 3)}, ${i.failures}`,
    '1, 0',
    verdict(i.storedOfAccepted >= 0.999 && i.failures === 0),
  ])
  rows.push([
    'JS main thread CPU per beacon, µs: collector / no-op',
    `${fmt(i.jsCpuPerBeaconUs.collector)} / ${fmt(i.jsCpuPerBeaconUs.noop)}`,
    '',
    '',
  ])
  rows.push(['collector RSS peak / after (MB)', `${fmt(i.rssPeakMb)} / ${fmt(i.rssAfterMb)}`, '', ''])
  rows.push([
    `collector threads (cores used); load gen ${i.loadGeneratorCores.toFixed(2)}`,
    i.collectorThreads
      .slice(0, 3)
      .map((t) => `${t.thread} ${t.cores.toFixed(2)}`)
      .join(', '),
    '',
    '',
  ])
  log('SIGTERM under load (the built collector, 32 connections)…')
  const drains = []
  for (let r = 0; r < (quick ? 1 : 3); r++) drains.push(await benchDrain(quick ? 3 : 5))
  const drainMs = drains.map((d) => d.stopMs).sort((a, b) => a - b)[Math.floor(drains.length / 2)]!
  log(
    `  drain: ${drains.map((d) => `${Math.round(d.stopMs)} ms (exit ${d.exitCode})`).join(', ')}; ${drains[0]!.log.join(' | ')}`,
  )
  rows.push([
    'SIGTERM under load → exit, ms (median)',
    fmt(drainMs),
    `≤ ${fmt(BUDGETS.drainMs)}`,
    verdict(drainMs <= BUDGETS.drainMs && drains.every((d) => d.exitCode === 0)),
  ])
  if (!ok || i.ratio < BUDGETS.ingestRatio) await profileIngest()
}

if (only.has('scale')) {
  // Not in the default set: it starts Redis, the chDB HTTP fixture and several collectors (`--only=scale`).
  log(
    '1 vs 3 collector processes on one store and one Redis (autocannon spread over them, then alert latency across instances)…',
  )
  for (const n of [1, 3]) {
    const s = await benchScale(n, quick ? 5 : 10, log)
    rows.push([
      `scale, ${n} collector(s): events/s acknowledged / stored, lost`,
      `${fmt(s.acceptedPerSec)} / ${fmt(s.storedPerSec)}, ${s.lost}`,
      '0 lost',
      verdict(s.lost === 0),
    ])
    rows.push([
      `scale, ${n} collector(s): alert first → last collector's agent stream, p50 / p95 ms`,
      `${fmt(s.alertP50Ms)} / ${fmt(s.alertP95Ms)}`,
      `≤ ${fmt(ALERT_BUDGET_MS)}`,
      verdict(s.alertP95Ms <= ALERT_BUDGET_MS),
    ])
  }
}

let main: MainThreadResult | undefined
let unload: UnloadResult | undefined
let peers = ''
if (only.has('main') || only.has('unload') || only.has('peers') || only.has('listeners')) {
  const collector = await startCollector()
  const site = await serveFixtures(collector.url)
  const browser = await launchChromium()
  try {
    if (only.has('main')) {
      // The budget is the core's: the replay recorder (a lazily loaded chunk, which the
      // default recording mode `struggle` loads) is measured apart (bench:recorder).
      await fetch(`${collector.url}/api/settings/sites/demo`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
          allowHeadless: true,
          recording: 'off',
        }),
      })
      log('main-thread cost in Chromium (same workload without / with the snippet / with no-op listeners)…')
      main = await benchMainThread(browser, `${site.url}/workload.html`, quick ? 1 : 4, quick ? 1 : 2, log)
      const m = main
      const n = m.inputs.moves + m.inputs.clicks + m.inputs.wheels
      rows.push([
        `main thread: workload`,
        `${fmt(n)} inputs (${m.inputs.moves} moves, ${m.inputs.clicks} clicks, ${m.inputs.wheels} wheel), ${m.reps} reps; ${m.signals} signal(s) per run: ${m.signalTypes.join(', ') || 'none'}`,
        '',
        '',
      ])
      rows.push([
        'added script time, ms / 1,000 inputs',
        fmt(m.addedScriptMsPer1000, 1),
        `≤ ${BUDGETS.mainThreadMsPer1000}`,
        verdict(m.addedScriptMsPer1000 <= BUDGETS.mainThreadMsPer1000),
      ])
      rows.push(['added task time, ms / 1,000 inputs', fmt(m.addedTaskMsPer1000, 1), '', ''])
      rows.push([
        'snippet own function time (trace), ms / 1,000',
        fmt(m.ownMsPer1000, 1),
        `≤ ${BUDGETS.mainThreadMsPer1000}`,
        verdict(m.ownMsPer1000 <= BUDGETS.mainThreadMsPer1000),
      ])
      rows.push(['no-op listeners, added script ms / 1,000', fmt(m.noopScriptMsPer1000, 1), '(floor)', ''])
      rows.push([
        'longest own task, ms (median / worst)',
        `${fmt(m.longestOwnTaskMs, 1)} / ${fmt(m.worstOwnTaskMs, 1)}`,
        `≤ ${BUDGETS.ownTaskMs}`,
        verdict(m.worstOwnTaskMs <= BUDGETS.ownTaskMs),
      ])
      rows.push([
        'longest script evaluation (s.js or a chunk), ms',
        fmt(m.evaluateMs, 1),
        `≤ ${BUDGETS.ownTaskMs}`,
        verdict(m.evaluateMs <= BUDGETS.ownTaskMs),
      ])
      log('the floor: 1,000 pointer moves with an empty listener, a reading listener, the snippet…')
      const p = await probeMoves(browser, `${site.url}/workload.html`, quick ? 1 : 3, log)
      rows.push([
        'pointer moves only, script ms / 1,000: empty listener / reading listener / snippet',
        `${fmt(p.emptyMsPer1000, 1)} / ${fmt(p.readsMsPer1000, 1)} / ${fmt(p.snippetMsPer1000, 1)}`,
        `≤ ${BUDGETS.mainThreadMsPer1000}`,
        verdict(p.snippetMsPer1000 <= BUDGETS.mainThreadMsPer1000),
      ])
      // The recorder loads once a session struggles (or for sessions sampled in mode `always`): its cost, apart, with every session recorded.
      await fetch(`${collector.url}/api/settings/sites/demo`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
          allowHeadless: true,
          recording: 'always',
          recordingSample: 1,
        }),
      })
      log('with the replay recorder on (recording: always, every session), one traced run…')
      const rec = await traced(browser, `${site.url}/workload.html`)
      log(
        `  traced with recorder: snippet ${rec.ownMs.toFixed(1)} ms in ${rec.ownTasks} tasks, longest own part of a task ${rec.longestOwnPartMs.toFixed(1)} ms, longest evaluation ${rec.evaluateMs.toFixed(1)} ms (${rec.evaluateScript})`,
      )
      rows.push([
        'with the recorder on: own time ms / 1,000; longest own task part, ms',
        `${fmt((rec.ownMs * 1000) / n, 1)}; ${fmt(rec.longestOwnPartMs, 1)}`,
        `≤ ${BUDGETS.mainThreadMsPer1000}; ≤ ${BUDGETS.ownTaskMs}`,
        verdict(rec.longestOwnPartMs <= BUDGETS.ownTaskMs && (rec.ownMs * 1000) / n <= BUDGETS.mainThreadMsPer1000),
      ])
      rows.push([
        'with the recorder on: longest script evaluation (the recorder chunk), ms',
        fmt(rec.evaluateMs, 1),
        `≤ ${BUDGETS.ownTaskMs}`,
        verdict(rec.evaluateMs <= BUDGETS.ownTaskMs),
      ])
      const pr = await probeMoves(browser, `${site.url}/workload.html`, quick ? 1 : 3, log, ['snippet'])
      rows.push([
        'with the recorder on: pointer moves only, script ms / 1,000',
        fmt(pr.snippetMsPer1000, 1),
        `≤ ${BUDGETS.mainThreadMsPer1000}`,
        verdict(pr.snippetMsPer1000 <= BUDGETS.mainThreadMsPer1000),
      ])
    }
    if (only.has('listeners') || (only.has('peers') && !args.includes('--no-probe'))) {
      log('pointer listener shapes, alone on the busy page, and the snippet: 1,000 moves each…')
      const probeOnly = args.find((a) => a.startsWith('--probe='))?.slice(8)
      peers += `${listenerProbeTable(await probeListeners(browser, `${site.url}/workload.html`, quick ? 1 : probeReps, log, probeOnly ? new RegExp(probeOnly) : undefined))}\n\n`
    }
    if (only.has('peers')) {
      log('side by side: Wince, PostHog, Clarity, Sentry on the same page and inputs (interleaved rounds)…')
      const r = await sideBySide(browser, collector, quick ? 1 : peerRounds, log)
      peers += sideBySideTables(r)
      const w = r.rows.find((x) => x.variant === 'wince')!
      const ph = r.rows.find((x) => x.variant === 'posthog')!
      rows.push([
        'side by side: Wince default page view, script bytes gzip',
        fmt(w.bytes),
        `≤ ${fmt(BUDGETS.pageViewGzipBytes)}`,
        verdict(w.bytes <= BUDGETS.pageViewGzipBytes),
      ])
      rows.push([
        'side by side: Wince ÷ PostHog added script time',
        fmt(w.addedMsPer1000 / ph.addedMsPer1000, 2),
        '≤ 0.25',
        verdict(w.addedMsPer1000 <= 0.25 * ph.addedMsPer1000),
      ])
      rows.push([
        'side by side: Wince added script ms / 1,000 inputs',
        fmt(w.addedMsPer1000, 1),
        '≤ 30',
        verdict(w.addedMsPer1000 <= 30),
      ])
      rows.push([
        'side by side: Wince longest task at start / during inputs, ms',
        `${fmt(w.startTaskMs)} / ${fmt(w.inputTaskMs)}`,
        '≤ 30',
        verdict(Math.max(w.startTaskMs, w.inputTaskMs) <= 30),
      ])
    }
    if (only.has('unload')) {
      log('unload delivery in Chromium…')
      unload = await benchUnload(browser, collector, site.url, quick ? 30 : 200, log)
      const u = unload
      rows.push([
        `unload: ${u.views} views (${u.endings.navigate} navigate, ${u.endings.close} close, ${u.endings.reload} reload)`,
        `${fmt(u.stored.total)} of ${fmt(u.produced.total)} events stored (${u.stored.signals}/${u.produced.signals} signals, ${u.stored.pages}/${u.produced.pages} pages, ${u.stored.struggles}/${u.produced.struggles} alerts)`,
        '',
        '',
      ])
      rows.push([
        'unload: share stored',
        `${fmt(u.share * 100, 2)} %`,
        `≥ ${BUDGETS.unloadDelivery * 100} %`,
        verdict(u.share >= BUDGETS.unloadDelivery),
      ])
    }
  } finally {
    await browser.close()
    await site.close()
    await collector.close()
  }
}

let corpus = ''
if (only.has('corpus')) {
  // Its own collector and browser: the sections above change the demo site's settings.
  log('the labelled corpus under Wince, and under PostHog + Sentry (one run each, interleaved)…')
  const collector = await startCollector()
  const browser = await launchChromium()
  try {
    const r = await benchCorpus(browser, collector, log)
    corpus = corpusTable(r)
    for (const t of r.tools)
      rows.push([
        `corpus: ${t.tool}, precision / recall (${t.tool === 'Wince' ? 'every type it raises' : 'rage + dead clicks'})`,
        `${fmt(t.overall.precision, 3)} / ${fmt(t.overall.recall, 3)}`,
        t.tool === 'Wince' ? '≥ 0.98 / ≥ 0.98' : '',
        t.tool === 'Wince' ? verdict(t.overall.precision >= 0.98 && t.overall.recall >= 0.98) : '',
      ])
    // The first pass above; the scores once the scenarios Wince got wrong were re-run alone (every tool) beside it.
    const re = r.rerun
    const w = re?.tools.find((t) => t.tool === 'Wince')
    if (re && w)
      rows.push([
        `corpus: Wince after re-running ${re.names.length} alone, precision / recall`,
        `${fmt(w.overall.precision, 3)} / ${fmt(w.overall.recall, 3)}`,
        '≥ 0.98 / ≥ 0.98',
        verdict(w.overall.precision >= 0.98 && w.overall.recall >= 0.98),
      ])
  } finally {
    await browser.close()
    await collector.close()
  }
}

/** A profiled extra round of the collector (V8 CPU profiler over the measured window only), summarized. */
async function profileIngest(): Promise<void> {
  log('ingest budget missed: profiling the collector (one extra 8 s round, CPU profiler on its JS thread)…')
  const dir = mkdtempSync(join(tmpdir(), 'wince-cpuprof-'))
  try {
    const file = join(dir, 'collector.cpuprofile')
    const r = await benchIngest({ rounds: 1, seconds: 8, warmupSeconds: 2, profileFile: file, log: () => {} })
    const p = summarizeCpuProfile(file, 15)
    log(
      `  profiled round: stored ${fmt(r.storedPerSec)} ev/s; cores used: ${r.collectorThreads.map((t) => `${t.thread} ${t.cores.toFixed(2)}`).join(', ')}; load generator ${r.loadGeneratorCores.toFixed(2)}`,
    )
    log(`  collector JS thread busy ${fmt(p.totalMs)} ms of the window. Top self time:`)
    for (const f of p.functions)
      log(`    ${fmt(f.selfMs).padStart(6)} ms ${fmt(f.share * 100, 1).padStart(5)} %  ${f.name}  (${f.where})`)
    log('  by place:')
    for (const f of p.places)
      log(`    ${fmt(f.selfMs).padStart(6)} ms ${fmt(f.share * 100, 1).padStart(5)} %  ${f.where}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const cpu = cpus()
const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), ${fmt(totalmem() / 2 ** 30)} GB, Node ${process.version}, load average at end ${(
  await import('node:os')
)
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`
const widths = [0, 1, 2, 3].map((c) =>
  Math.max(...rows.map((r) => r[c]!.length), ['what', 'measured', 'budget', 'verdict'][c]!.length),
)
const line = (r: string[]) => '| ' + r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ') + ' |'
console.log('')
console.log(`Wince performance budgets — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`)
console.log(`machine: ${machine}`)
console.log(`command: pnpm bench${args.length ? ' -- ' + args.join(' ') : ''}`)
console.log(line(['what', 'measured', 'budget', 'verdict']))
console.log(line(widths.map((w) => '-'.repeat(w))))
for (const r of rows) console.log(line(r))
if (peers) console.log(`\nSide by side (the README's tables)\n\n${peers}`)
if (corpus) console.log(`\nThe labelled corpus side by side (the README's table)\n\n${corpus}`)
