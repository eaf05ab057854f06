import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { beaconLoad } from '../lib/beaconLoad.ts'
import { CLUSTER_TOKEN, startCollectorCluster, type CollectorCluster } from '../lib/startCollectorCluster.ts'
import { percentile } from '../lib/percentile.ts'

// Three built collector processes (A, B, C) on one store (chDB behind the HTTP fixture) and one
// Redis, as behind a load balancer: live messages cross instances, a killed instance loses
// nothing it acknowledged, and rate limits count all three together.

/** The live budget (DESIGN.md): a struggle reaches an agent within a second. */
const ALERT_BUDGET_MS = 1_000
/** Visitors tried in Chromium at most, for the one-alert check (see the test). */
const ALERT_TRIES = 3
/** Alerts timed from A to a stream on C for the p95. */
const TIMED_ALERTS = 20
/**
 * How long the store may take to hold every acknowledged event once B is back (its log replays,
 * the others flush): above the writer's longest wait between two replays (MAX_RETRY_MS, 30 s), so
 * a collector whose insert failed once under load still has its next attempt in the window.
 */
const SETTLE_MS = 45_000
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const admin = { authorization: `Bearer ${CLUSTER_TOKEN}`, 'content-type': 'application/json' }

let cluster: CollectorCluster
let browser: Browser
const url = (i: number) => cluster.collectors[i]!.url

beforeAll(async () => {
  // WINCE_TRUST_PROXY: the tests speak for several addresses through X-Forwarded-For, as a proxy would.
  ;[cluster, browser] = await Promise.all([
    startCollectorCluster(3, { WINCE_TRUST_PROXY: '1', WINCE_IP_RATE: '100000/100000' }),
    launchChromium(),
  ])
})

afterAll(async () => {
  await browser?.close()
  await cluster?.stop()
})

/** A beacon of `ev` for `site` from address `ip`, to collector `i`. */
function send(
  i: number,
  ev: unknown[],
  { site = 'demo', sid = `s-${Math.random().toString(36).slice(2)}`, ip = '198.51.100.1' } = {},
) {
  return fetch(`${url(i)}/v1/collect`, {
    method: 'POST',
    headers: {
      'content-type': 'text/plain',
      origin: 'http://localhost:8080',
      'user-agent': USER_AGENT,
      'x-forwarded-for': ip,
    },
    body: JSON.stringify({ v: 1, s: site, sid, pv: `p-${sid}`, ev }),
  })
}
const struggle = (id: string) => ({
  k: 'struggle',
  id,
  t: Date.now(),
  u: 'http://localhost:8080/checkout',
  sc: 6.5,
  rs: [{ type: 'rage_click', sel: 'button#pay', lb: 'button', t: Date.now(), n: 5, pts: 4 }],
})

/** Calls `onAlert(id, at)` for each alert on collector `i`'s agent stream; resolves once the stream is open. */
async function watch(i: number, onAlert: (id: string, at: number) => void): Promise<AbortController> {
  const controller = new AbortController()
  const res = await fetch(`${url(i)}/api/alerts/stream?site=demo`, { headers: admin, signal: controller.signal })
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let ready!: () => void
  const opened = new Promise<void>((r) => (ready = r))
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (/^event: ready/m.test(block)) ready()
        if (/^event: alert$/m.test(block))
          onAlert(JSON.parse(/^data: (.*)$/m.exec(block)![1]!).id as string, Date.now())
      }
    }
  })()
  await opened
  return controller
}

/** A visitor on A's demo shop rage-clicks; ms from the page's struggle callback to the card on the dashboard `agent` (on C). */
async function alertThroughChromium(agent: Page): Promise<number> {
  const visitor = await (await browser.newContext()).newPage()
  await visitor.goto(`${url(0)}/demo/`)
  await visitor.waitForFunction(() => typeof (window as any).wince === 'function' && !('q' in (window as any).wince))
  await visitor.evaluate(() =>
    (window as any).wince('on', 'struggle', () => ((window as any).struggledAt = Date.now())),
  )
  const session = await visitor.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
  // Stamped in the dashboard's page as the card is added (Playwright's own polling would add its delay).
  await agent.evaluate((sid) => {
    ;(window as any).shownAt = undefined
    new MutationObserver((_, observer) => {
      if (!document.querySelector(`[data-testid="alert"][data-session="${sid}"]`)) return
      ;(window as any).shownAt = Date.now()
      observer.disconnect()
    }).observe(document.body, { childList: true, subtree: true })
  }, session)
  for (let i = 0; i < 5; i++) await visitor.click('#wishlist', { delay: 20 })
  await agent.waitForFunction(
    (sid) => document.querySelector(`[data-testid="alert"][data-session="${sid}"]`) && (window as any).shownAt,
    session,
    { timeout: 10_000 },
  )
  const shownAt = (await agent.evaluate(() => (window as any).shownAt)) as number
  const struggledAt = (await visitor.evaluate(() => (window as any).struggledAt)) as number
  await visitor.context().close()
  return shownAt - struggledAt
}

describe('three collectors, one store, one Redis', () => {
  it('an alert raised in Chromium through A is on the dashboard connected to C within 1 s; p95 across instances too', async () => {
    const agent = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage()
    await agent.goto(`${url(2)}/?token=${CLUSTER_TOKEN}`)
    await agent.getByTestId('stream-status').filter({ hasText: 'live' }).waitFor()
    // Best of a few visitors: the budget is the system's; a 2-core machine shared with other jobs adds
    // pauses of its own to a single run (each try is logged).
    const tries: number[] = []
    for (let attempt = 0; attempt < ALERT_TRIES && !tries.some((ms) => ms < ALERT_BUDGET_MS); attempt++)
      tries.push(await alertThroughChromium(agent))
    console.log(`scale: alert in Chromium, page on A → dashboard on C: ${tries.join(', ')} ms`)
    expect(Math.min(...tries)).toBeLessThan(ALERT_BUDGET_MS)

    // The p95 over many: ingested by A, heard on C's agent stream (Node's clock for both ends).
    const sentAt = new Map<string, number>()
    const latency: number[] = []
    const stream = await watch(2, (id, at) => sentAt.has(id) && latency.push(at - sentAt.get(id)!))
    for (let n = 0; n < TIMED_ALERTS; n++) {
      const id = `lat-${n}-${Date.now().toString(36)}`
      sentAt.set(id, Date.now())
      expect((await send(0, [struggle(id)], { ip: `10.0.${n}.1` })).status).toBe(202)
      await sleep(50)
    }
    await expect.poll(() => latency.length, { timeout: 5_000 }).toBe(TIMED_ALERTS)
    stream.abort()
    console.log(
      `scale: alert A → stream on C, p50 ${percentile(latency, 0.5)} ms, p95 ${percentile(latency, 0.95)} ms (n=${TIMED_ALERTS})`,
    )
    expect(percentile(latency, 0.95)).toBeLessThan(ALERT_BUDGET_MS)
  })

  it('an offer sent through C reaches the visitor whose page is connected to B', async () => {
    const visitor = await (await browser.newContext()).newPage()
    await visitor.goto(`${url(1)}/demo/`)
    await visitor.waitForFunction(() => typeof (window as any).wince === 'function' && !('q' in (window as any).wince))
    const session = await visitor.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
    // The struggle opens the page's live channel, on B; C knows the session once B's alert reaches it.
    for (let i = 0; i < 5; i++) await visitor.click('#wishlist', { delay: 20 })
    const offer = () =>
      fetch(`${url(2)}/api/sessions/${session}/offers`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ site: 'demo', message: 'Sent from the third collector' }),
      })
    await expect.poll(async () => (await offer()).status, { timeout: 10_000 }).toBe(201)
    const dialog = visitor.getByRole('dialog')
    await dialog.waitFor({ timeout: 15_000 })
    await expect.poll(() => dialog.innerText()).toContain('Sent from the third collector')
  })

  it('rate limits hold across the three: a site burst of 30 and 30 alerts a minute per address, in all', async () => {
    const put = await fetch(`${url(0)}/api/settings/sites/limited`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ origins: ['http://localhost:*'], rate: { rate: 0.001, burst: 30 } }),
    })
    expect(put.status).toBe(200)
    // C and B hear of the new site through Redis.
    await expect
      .poll(async () => (await fetch(`${url(2)}/api/settings/sites/limited`, { headers: admin })).status, {
        timeout: 5_000,
      })
      .toBe(200)
    await expect
      .poll(async () => (await fetch(`${url(1)}/api/settings/sites/limited`, { headers: admin })).status, {
        timeout: 5_000,
      })
      .toBe(200)
    const signal = (id: string) => ({
      k: 'signal',
      id,
      t: Date.now(),
      u: 'http://localhost:8080/',
      type: 'dead_click',
      sel: 'a',
      lb: 'a',
      x: 1,
      y: 1,
      n: 1,
      ms: 1000,
      why: '',
    })
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        send(n % 3, [signal(`lim-${n}-${Date.now()}`)], { site: 'limited', ip: `10.1.${n}.1` }).then((r) => r.status),
      ),
    )
    expect(statuses.filter((s) => s === 202)).toHaveLength(30)
    expect(statuses.filter((s) => s === 429)).toHaveLength(30)

    const run = `gate${Date.now().toString(36)}`
    for (let n = 0; n < 40; n++)
      expect((await send(n % 3, [struggle(`${run}-${n}`)], { sid: `${run}-s${n}`, ip: '203.0.113.60' })).status).toBe(
        202,
      )
    const count = async () =>
      (
        await cluster.query<{ alerted: number | string; kept: number | string }>(
          `SELECT countIf(held = 0) AS alerted, count() AS kept FROM alerts FINAL WHERE id LIKE '${run}-%'`,
        )
      )[0]!
    await expect.poll(async () => Number((await count()).kept), { timeout: 10_000 }).toBe(40)
    expect(Number((await count()).alerted)).toBe(30)
  })

  it('under steady load through all three, B killed (SIGKILL) and restarted: 0 acknowledged events lost', async () => {
    const run = `kill${Date.now().toString(36)}`
    let turn = 0
    const load = beaconLoad(() => url(turn++ % 3), run, 6, {
      acknowledged: new Set(),
      unanswered: new Set(),
      refused: new Map(),
      ackedBy: new Map(),
    })
    const began = Date.now()
    while (load.tally.acknowledged.size < 1_500 && Date.now() - began < 20_000) await sleep(50)
    const before = cluster.collectors[1]!
    before.child.kill('SIGKILL')
    await before.exited
    await sleep(500)
    await cluster.restart(1)
    await sleep(1_000)
    await load.stop()
    const acked = load.tally.acknowledged
    expect(acked.size).toBeGreaterThan(500)
    let missing: string[] = [...acked]
    const deadline = Date.now() + SETTLE_MS
    while (missing.length > 0 && Date.now() < deadline) {
      const stored = new Set(
        (await cluster.query<{ id: string }>(`SELECT DISTINCT id FROM signals WHERE why = '${run}'`)).map((r) => r.id),
      )
      missing = missing.filter((id) => !stored.has(id))
      if (missing.length > 0) await sleep(500)
    }
    if (missing.length > 0) {
      // What each collector says, so a failure names where the events wait (or were lost).
      for (const [i, c] of cluster.collectors.entries()) {
        const mine = missing.filter((id) => load.tally.ackedBy?.get(id) === c.url).length
        const ready = await fetch(`${c.url}/readyz`)
          .then((r) => r.text())
          .catch((err: Error) => err.message)
        console.log(`collector ${i}: ${mine} missing; readyz ${ready}\n${c.output().slice(-2_000)}`)
      }
      const killed = missing.filter((id) => load.tally.ackedBy?.get(id) === before.url).length
      console.log(`acknowledged by B before the kill: ${killed} missing\n${before.output().slice(-2_000)}`)
    }
    console.log(
      `scale: ${acked.size} events acknowledged by 3 collectors, B killed and restarted: ${missing.length} lost; ${load.tally.unanswered.size} unanswered (cut by the kill, not promised)`,
    )
    expect(missing.length).toBe(0)
  })
})
