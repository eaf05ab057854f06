import autocannon from 'autocannon'
import { percentile } from '../lib/percentile.ts'
import { CLUSTER_TOKEN, startCollectorCluster, type CollectorCluster } from '../lib/startCollectorCluster.ts'
import { beaconMaker, EVENTS_PER_BEACON } from './ingest/beacons.ts'
import { sleep } from './stats.ts'

/** DESIGN.md's live budget: a struggle reaches an agent within a second. */
export const ALERT_BUDGET_MS = 1_000
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
/** Keep-alive connections in all, split over the collectors (as a load balancer spreads them). */
const CONNECTIONS = 24
/** Alerts timed per setup: sent to the first collector, heard on the last one's agent stream. */
const ALERTS = 40
/** How long the store may take to hold what was acknowledged, after the load stops, ms. */
const SETTLE_MS = 30_000

export interface ScaleResult {
  collectors: number
  /** 202-acknowledged events per second over the window, all collectors together. */
  acceptedPerSec: number
  /** Events in the store ÷ the window plus the time the store took to catch up. */
  storedPerSec: number
  lost: number
  alertP50Ms: number
  alertP95Ms: number
}

/**
 * 1 vs N collector processes on one store (the chDB HTTP fixture) and one Redis:
 * ingest from autocannon spread over the collectors, then alert latency from the
 * first collector to an agent stream on the last.
 */
export async function benchScale(
  collectors: number,
  seconds: number,
  log: (line: string) => void,
): Promise<ScaleResult> {
  const cluster = await startCollectorCluster(collectors, { WINCE_IP_RATE: '1000000/1000000', WINCE_TRUST_PROXY: '1' })
  try {
    const run = `scale${collectors}x${Date.now().toString(36)}`
    const started = performance.now()
    const results = await Promise.all(
      cluster.collectors.map((c, i) => {
        const origin = `http://localhost:${new URL(c.url).port}`
        const next = beaconMaker(origin, `${run}-${i}-`)
        return autocannon({
          url: `${c.url}/v1/collect`,
          connections: Math.ceil(CONNECTIONS / collectors),
          duration: seconds,
          method: 'POST',
          headers: { 'content-type': 'text/plain;charset=UTF-8', origin, 'user-agent': USER_AGENT },
          requests: [{ setupRequest: (req) => ({ ...req, body: next() }) }],
        })
      }),
    )
    const window = (performance.now() - started) / 1000
    const accepted = results.reduce((n, r) => n + (r.statusCodeStats?.['202']?.count ?? 0), 0) * EVENTS_PER_BEACON
    const stored = await settle(cluster, run, accepted)
    const storedWindow = (performance.now() - started) / 1000
    log(
      `  ${collectors} collector(s): ${accepted} events acknowledged in ${window.toFixed(1)} s, ${stored.count} stored after ${storedWindow.toFixed(1)} s`,
    )
    const latency = await alertLatency(cluster)
    return {
      collectors,
      acceptedPerSec: accepted / window,
      storedPerSec: stored.count / storedWindow,
      lost: Math.max(0, accepted - stored.count),
      alertP50Ms: percentile(latency, 0.5),
      alertP95Ms: percentile(latency, 0.95),
    }
  } finally {
    await cluster.stop()
  }
}

/** Waits until the store holds every acknowledged event of `run` (or the time is up). */
async function settle(cluster: CollectorCluster, run: string, accepted: number): Promise<{ count: number }> {
  const deadline = Date.now() + SETTLE_MS
  let count = 0
  while (Date.now() < deadline) {
    const [row] = await cluster.query<{ n: string | number }>(
      `SELECT (SELECT count() FROM signals WHERE startsWith(session, 's${run}')) + (SELECT count() FROM page_views WHERE startsWith(session, 's${run}')) AS n`,
    )
    count = Number(row?.n ?? 0)
    if (count >= accepted) break
    await sleep(250)
  }
  return { count }
}

/** Alerts sent one by one to the first collector, timed until the last collector's agent stream shows them. */
async function alertLatency(cluster: CollectorCluster): Promise<number[]> {
  const first = cluster.collectors[0]!.url
  const last = cluster.collectors[cluster.collectors.length - 1]!.url
  const controller = new AbortController()
  const res = await fetch(`${last}/api/alerts/stream?site=demo`, {
    headers: { authorization: `Bearer ${CLUSTER_TOKEN}` },
    signal: controller.signal,
  })
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  const heard = new Map<string, number>()
  let buffer = ''
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      for (const m of buffer.matchAll(/event: alert\ndata: \{"id":"([^"]+)"/g))
        if (!heard.has(m[1]!)) heard.set(m[1]!, performance.now())
      buffer = buffer.slice(Math.max(0, buffer.lastIndexOf('\n\n')))
    }
  })()
  await sleep(300)
  const sent = new Map<string, number>()
  for (let n = 0; n < ALERTS; n++) {
    const id = `lat${n}x${Date.now().toString(36)}`
    sent.set(id, performance.now())
    const t = Date.now()
    await fetch(`${first}/v1/collect`, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain',
        origin: 'http://localhost:8080',
        'user-agent': USER_AGENT,
        'x-forwarded-for': `10.9.${n}.1`,
      },
      body: JSON.stringify({
        v: 1,
        s: 'demo',
        sid: `lat-${id}`,
        pv: `p-${id}`,
        ev: [
          {
            k: 'struggle',
            id,
            t,
            u: 'http://localhost:8080/checkout',
            sc: 6.5,
            rs: [{ type: 'rage_click', sel: 'button#pay', lb: 'button', t, n: 5, pts: 4 }],
          },
        ],
      }),
    }).then((r) => r.arrayBuffer())
    await sleep(50)
  }
  const deadline = Date.now() + 5_000
  while (heard.size < ALERTS && Date.now() < deadline) await sleep(50)
  controller.abort()
  await reading
  return [...sent].flatMap(([id, at]) => (heard.has(id) ? [heard.get(id)! - at] : []))
}
