import autocannon from 'autocannon'
import { median, sleep } from '../stats.ts'
import { beaconMaker, EVENTS_PER_BEACON } from './beacons.ts'
import { spawnChild, type Child } from './spawnChild.ts'

/** A Chrome on Linux, as a visitor's browser: the collector drops bots and (for sites that say so) headless browsers. */
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

export interface IngestOptions {
  /** Measured seconds per round. Default 10. */
  seconds?: number
  /** Warm-up seconds per server before the rounds. Default 3. */
  warmupSeconds?: number
  /** Rounds; each measures the collector then the no-op. Default 3. */
  rounds?: number
  /** Keep-alive connections. Default 32. */
  connections?: number
  /** Node flags for the collector child. */
  collectorArgv?: string[]
  /** Write a CPU profile of the collector's JS thread over the measured rounds (not start-up) to this file. */
  profileFile?: string
  log?: (line: string) => void
}

interface Load {
  accepted: number
  other: number
  errors: number
  seconds: number
}

export interface IngestResult {
  seconds: number
  rounds: number
  connections: number
  /** Medians over rounds, events per second. */
  acceptedPerSec: number
  storedPerSec: number
  noopPerSec: number
  /** Median of the per-round stored ÷ no-op ratios. */
  ratio: number
  /** Stored ÷ accepted over all rounds (should be 1: every acknowledged event lands). */
  storedOfAccepted: number
  /** Non-202 answers or socket errors during the collector's rounds. */
  failures: number
  /** Collector child's RSS: peak during the rounds (max), and after the load (flushed, idle 2 s), MB. */
  rssPeakMb: number
  rssAfterMb: number
  noopRssPeakMb: number
  /** Cores used during the collector's rounds, by thread of the collector process (top 8), and by this load generator. */
  collectorThreads: Array<{ thread: string; cores: number }>
  loadGeneratorCores: number
  /** CPU time of the JS main thread per beacon answered, µs: the collector's and the no-op's (medians over rounds). */
  jsCpuPerBeaconUs: { collector: number; noop: number }
}

/** Drives `url` with beacons for `seconds` over keep-alive connections; counts 202 answers. */
async function load(url: string, seconds: number, connections: number, next: () => string): Promise<Load> {
  const origin = `http://localhost:${new URL(url).port}`
  const started = performance.now()
  const result = await autocannon({
    url: `${url}/v1/collect`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin, 'user-agent': USER_AGENT },
    requests: [{ setupRequest: (req) => ({ ...req, body: next() }) }],
  })
  const elapsed = (performance.now() - started) / 1000
  const accepted = result.statusCodeStats?.['202']?.count ?? 0
  return {
    accepted: accepted * EVENTS_PER_BEACON,
    other: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds: elapsed,
  }
}

/**
 * Collector ingest: the real collector and a Hono no-op, each in its own process,
 * driven in turn from this process with the same beacons over loopback. Stored
 * events are counted in ClickHouse after the writer flushed; the time that flush
 * takes counts in the window, so a writer that falls behind shows.
 */
export async function benchIngest(options: IngestOptions = {}): Promise<IngestResult> {
  const { seconds = 10, warmupSeconds = 3, rounds = 3, connections = 32, log = console.log } = options
  const runId = Date.now().toString(36)
  let collector: Child | undefined
  let noop: Child | undefined
  try {
    collector = await spawnChild('./collectorChild.ts', options.collectorArgv)
    noop = await spawnChild('./noopChild.ts')
    log(`  ingest: collector pid ${collector.pid} at ${collector.url}, no-op pid ${noop.pid} at ${noop.url}`)
    const toCollector = beaconMaker(`http://localhost:${new URL(collector.url).port}`, `${runId}c`)
    const toNoop = beaconMaker(`http://localhost:${new URL(noop.url).port}`, `${runId}n`)
    await load(collector.url, warmupSeconds, connections, toCollector)
    await load(noop.url, warmupSeconds, connections, toNoop)

    const stored: number[] = []
    const accepted: number[] = []
    const noops: number[] = []
    const ratios: number[] = []
    let totalAccepted = 0
    let totalStored = 0
    let failures = 0
    let rssPeak = 0
    let noopRssPeak = 0
    let measured = 0
    let loadCpuMs = 0
    const threadMs: Record<string, number> = {}
    const jsPerBeacon: number[] = []
    const noopJsPerBeacon: number[] = []
    const jsMs = (threads: Record<string, number>) => threads['JS main'] ?? Number.NaN
    for (let r = 0; r < rounds; r++) {
      const before = await collector.ask({ kind: 'count' }, 'counted')
      await collector.ask({ kind: 'window' }, 'rss')
      if (options.profileFile) await collector.ask({ kind: 'profile-start' }, 'profiled')
      const t0 = performance.now()
      const cpu0 = process.cpuUsage()
      const c = await load(collector.url, seconds, connections, toCollector)
      const after = await collector.ask({ kind: 'count' }, 'counted')
      const windowSec = (performance.now() - t0) / 1000
      if (options.profileFile) await collector.ask({ kind: 'profile-stop', file: options.profileFile }, 'profiled')
      const cpu = process.cpuUsage(cpu0)
      loadCpuMs += (cpu.user + cpu.system) / 1000
      measured += windowSec
      for (const [name, ms] of Object.entries(after.threads))
        threadMs[name] = (threadMs[name] ?? 0) + ms - (before.threads[name] ?? 0)
      const rows = after.signals + after.pageViews - before.signals - before.pageViews
      rssPeak = Math.max(rssPeak, after.rssPeak)
      failures += c.other + c.errors
      totalAccepted += c.accepted
      totalStored += rows
      stored.push(rows / windowSec)
      accepted.push(c.accepted / c.seconds)
      jsPerBeacon.push(((jsMs(after.threads) - jsMs(before.threads)) * 1000) / (c.accepted / EVENTS_PER_BEACON))

      await noop.ask({ kind: 'window' }, 'rss')
      const noopBefore = await noop.ask({ kind: 'count' }, 'counted')
      const n = await load(noop.url, seconds, connections, toNoop)
      const noopAfter = await noop.ask({ kind: 'count' }, 'counted')
      noopJsPerBeacon.push(
        ((jsMs(noopAfter.threads) - jsMs(noopBefore.threads)) * 1000) / (n.accepted / EVENTS_PER_BEACON),
      )
      noopRssPeak = Math.max(noopRssPeak, (await noop.ask({ kind: 'rss' }, 'rss')).rssPeak)
      noops.push(n.accepted / n.seconds)
      ratios.push(stored[r]! / noops[r]!)
      log(
        `  ingest round ${r + 1}/${rounds}: accepted ${Math.round(accepted[r]!)} ev/s, stored ${Math.round(stored[r]!)} ev/s ` +
          `(flush took the window to ${windowSec.toFixed(1)} s), no-op ${Math.round(noops[r]!)} ev/s, ratio ${ratios[r]!.toFixed(2)}, ` +
          `non-202 ${c.other}, errors ${c.errors}, collector RSS peak ${(after.rssPeak / 2 ** 20).toFixed(0)} MB`,
      )
    }
    await sleep(2000)
    const idle = await collector.ask({ kind: 'rss' }, 'rss')
    return {
      seconds,
      rounds,
      connections,
      acceptedPerSec: median(accepted),
      storedPerSec: median(stored),
      noopPerSec: median(noops),
      ratio: median(ratios),
      storedOfAccepted: totalStored / totalAccepted,
      failures,
      rssPeakMb: rssPeak / 2 ** 20,
      rssAfterMb: idle.rss / 2 ** 20,
      noopRssPeakMb: noopRssPeak / 2 ** 20,
      collectorThreads: Object.entries(threadMs)
        .map(([thread, ms]) => ({ thread, cores: ms / 1000 / measured }))
        .sort((a, b) => b.cores - a.cores)
        .slice(0, 8),
      loadGeneratorCores: loadCpuMs / 1000 / measured,
      jsCpuPerBeaconUs: { collector: median(jsPerBeacon), noop: median(noopJsPerBeacon) },
    }
  } finally {
    await collector?.stop()
    await noop?.stop()
  }
}
