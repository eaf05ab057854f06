import { request, createServer, type Server } from 'node:http'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'

// Hostile traffic from one client against the real collector (real server, embedded
// ClickHouse) on loopback: nothing may take it down, block its loop, or flood its users.
const ORIGIN = 'http://localhost:5173'
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'
const admin = { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' }
const STREAMS = 2_000
let n = 0
const rid = (p: string) => `${p}${Date.now().toString(36)}${(n++).toString(36)}`

/** One raw HTTP request on its own socket; resolves with the status (0 for a reset) and keeps the response open when `hold`. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; hold?: boolean } = {},
): Promise<{ status: number; body: string; close: () => void }> {
  return new Promise((resolve) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      if (options.hold && res.statusCode === 200) return resolve({ status: 200, body: '', close: () => res.destroy() })
      let body = ''
      res.on('data', (d: Buffer) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, close: () => {} }))
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body, close: () => {} }))
    })
    req.on('error', () => resolve({ status: 0, body: '', close: () => {} }))
    req.end(options.body)
  })
}

/** `GET /healthz`'s answer time, ms (what a load balancer or supervisor asks). */
async function healthMs(url: string): Promise<number> {
  const started = performance.now()
  const res = await fetch(`${url}/healthz`)
  await res.text()
  expect(res.status).toBe(200)
  return performance.now() - started
}

describe('hostile traffic from one client', () => {
  let collector: TestCollector
  /** Channels the flood got open, kept open to the end: shutdown must not wait for them. */
  const held: Array<{ close: () => void }> = []
  beforeAll(async () => {
    collector = await startCollector()
  })
  afterAll(async () => {
    const started = performance.now()
    await collector?.close()
    const ms = performance.now() - started
    for (const h of held) h.close()
    console.log(`shutdown with ${held.length} visitor channels open: ${ms.toFixed(0)} ms`)
    expect(ms).toBeLessThan(10_000)
  })

  it(`refuses most of ${STREAMS} visitor channels from one client, stays up and quick`, async () => {
    const statuses: Record<number, number> = {}
    let slowest = 0
    for (let i = 0; i < STREAMS; i += 200) {
      const batch = await Promise.all(
        Array.from({ length: 200 }, () =>
          raw(`${collector.url}/v1/live?s=demo&sid=${rid('flood')}`, { headers: { origin: ORIGIN }, hold: true }),
        ),
      )
      for (const r of batch) {
        statuses[r.status] = (statuses[r.status] ?? 0) + 1
        if (r.status === 200) held.push(r)
      }
      slowest = Math.max(slowest, await healthMs(collector.url))
    }
    const alertsStarted = performance.now()
    await collector.api('/api/alerts?site=demo')
    const alertsMs = performance.now() - alertsStarted
    console.log(
      `stream flood: ${JSON.stringify(statuses)}; /healthz slowest ${slowest.toFixed(1)} ms; /api/alerts ${alertsMs.toFixed(1)} ms`,
    )
    expect(statuses[200]).toBe(50)
    expect(statuses[429]).toBe(STREAMS - 50)
    expect(slowest).toBeLessThan(1000)
    expect(alertsMs).toBeLessThan(1000)
  })

  it('keeps an alert flood from one client to 30 alerts a minute and one webhook POST per 10 s', async () => {
    const posts: Array<{ at: number; count: number }> = []
    const hook: Server = createServer((req, res) => {
      let body = ''
      req.on('data', (d: Buffer) => (body += d))
      req.on('end', () => {
        posts.push({ at: Date.now(), count: (JSON.parse(body) as { count: number }).count })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
    try {
      const put = await fetch(`${collector.url}/api/settings/sites/flood`, {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify({
          origins: ['http://localhost:*'],
          webhooks: [
            {
              url: `http://127.0.0.1:${(hook.address() as { port: number }).port}/hook`,
              secret: 'a-secret-of-sixteen-chars',
            },
          ],
        }),
      })
      expect(put.status).toBe(200)
      const live = await fetch(`${collector.url}/api/alerts/stream?site=flood`, { headers: admin })
      let published = 0
      const reader = live.body!.getReader()
      const reading = (async () => {
        const decoder = new TextDecoder()
        for (;;) {
          const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }))
          if (done) break
          published += (decoder.decode(value).match(/^event: alert$/gm) ?? []).length
        }
      })()

      const started = Date.now()
      const struggle = (_sid: string) => ({
        k: 'struggle',
        id: rid('al'),
        t: Date.now(),
        u: `${ORIGIN}/checkout`,
        sc: 9,
        rs: [{ type: 'rage_click', sel: 'button#pay', lb: 'button', t: Date.now(), n: 5, pts: 6 }],
      })
      const statuses: Record<number, number> = {}
      // 300 sessions with one alert each, then one session with 300 in one beacon.
      for (let i = 0; i < 300; i += 50) {
        const batch = await Promise.all(
          Array.from({ length: 50 }, () => {
            const sid = rid('s')
            return fetch(`${collector.url}/v1/collect`, {
              method: 'POST',
              headers: { origin: ORIGIN, 'user-agent': UA },
              body: JSON.stringify({ v: 1, s: 'flood', sid, pv: rid('pv'), ev: [struggle(sid)] }),
            })
          }),
        )
        for (const r of batch) statuses[r.status] = (statuses[r.status] ?? 0) + 1
      }
      const sid = rid('one')
      const big = await fetch(`${collector.url}/v1/collect`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'user-agent': UA, 'content-encoding': 'gzip' },
        body: gzipSync(
          JSON.stringify({
            v: 1,
            s: 'flood',
            sid,
            pv: rid('pv'),
            ev: Array.from({ length: 300 }, () => struggle(sid)),
          }),
        ),
      })
      statuses[big.status] = (statuses[big.status] ?? 0) + 1
      // Wait past one webhook window, so the digest of the flood goes out.
      await new Promise((r) => setTimeout(r, 11_500))
      const seconds = (Date.now() - started) / 1000
      await collector.writer.flush()
      const count = async (held: 0 | 1) =>
        Number(
          (
            (await (
              await collector.client.query({
                query: 'SELECT count() AS c FROM alerts FINAL WHERE site = {s:String} AND held = {h:UInt8}',
                query_params: { s: 'flood', h: held },
                format: 'JSONEachRow',
              })
            ).json()) as Array<{ c: string }>
          )[0]!.c,
        )
      const alerted = await count(0)
      const kept = await count(1)
      await reader.cancel()
      await reading
      console.log(
        `alert flood: answers ${JSON.stringify(statuses)}; ${published} alerts published, ${alerted} alerted and ${kept} held in the store; webhook POSTs ${posts.length} carrying ${posts.map((p) => p.count).join('+')} alerts over ${seconds.toFixed(1)} s`,
      )
      // 30 new alerts in any minute from one address; the flood is over well within a minute.
      expect(seconds).toBeLessThan(60)
      expect(alerted).toBe(30)
      expect(published).toBe(alerted)
      expect(alerted + kept).toBe(600)
      expect(posts.length).toBeGreaterThanOrEqual(1)
      expect(posts.length).toBeLessThanOrEqual(1 + Math.floor(seconds / 10))
      for (let i = 1; i < posts.length; i++) expect(posts[i]!.at - posts[i - 1]!.at).toBeGreaterThanOrEqual(9_500)
      expect(posts.reduce((s, p) => s + p.count, 0)).toBe(alerted)
    } finally {
      hook.close()
    }
  })

  it('refuses snapshot and replay floods with 429 and keeps their storage bounded', async () => {
    // The flood comes with real tokens (each page's /v1/site answer asks for its snapshot; the
    // session's answer lets it record): only the rate limits and the quota stand in its way.
    const siteAnswer = async (u: string, sid: string) =>
      JSON.parse(
        (
          await raw(`${collector.url}/v1/site?s=demo&u=${encodeURIComponent(u)}&vw=1200&sid=${sid}`, {
            headers: { origin: ORIGIN },
          })
        ).body,
      ) as { snapshot: string | false; replay?: string }
    const tokens = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => (await siteAnswer(`${ORIGIN}/p${i}`, 'snapflood')).snapshot),
    )
    expect(tokens.every((tk) => typeof tk === 'string')).toBe(true)
    const rt = (await siteAnswer(`${ORIGIN}/`, 'replayflood')).replay
    expect(typeof rt).toBe('string')
    const snap = (i: number) =>
      gzipSync(
        JSON.stringify({
          v: 1,
          s: 'demo',
          u: `${ORIGIN}/p${i}`,
          vw: 1200,
          vh: 800,
          dw: 1200,
          dh: 3000,
          snap: { type: 0, childNodes: [{ text: 'x'.repeat(200_000) }] },
          tk: tokens[i],
        }),
      )
    const statuses: Record<number, number> = {}
    const started = Date.now()
    for (let i = 0; i < 100; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, j) =>
          raw(`${collector.url}/v1/snapshot`, {
            method: 'POST',
            headers: { origin: ORIGIN, 'content-encoding': 'gzip' },
            body: snap(i + j),
          }),
        ),
      )
      for (const r of batch) statuses[r.status] = (statuses[r.status] ?? 0) + 1
    }
    const replay = (seq: number) =>
      JSON.stringify({
        v: 1,
        s: 'demo',
        sid: 'replayflood',
        pv: 'pv1',
        seq,
        ev: [{ timestamp: Date.now(), type: 3, data: 'y'.repeat(100_000) }],
        rt,
      })
    for (let i = 0; i < 100; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, j) =>
          raw(`${collector.url}/v1/replay`, { method: 'POST', headers: { origin: ORIGIN }, body: replay(i + j) }),
        ),
      )
      for (const r of batch) statuses[r.status] = (statuses[r.status] ?? 0) + 1
    }
    const stored = (
      (await (
        await collector.client.query({
          query:
            "SELECT (SELECT sum(length(snap)) FROM snapshots) + (SELECT sum(length(events)) FROM replay_chunks WHERE session = 'replayflood') AS b",
          format: 'JSONEachRow',
        })
      ).json()) as Array<{ b: string }>
    )[0]!.b
    const seconds = (Date.now() - started) / 1000
    console.log(
      `upload flood: 200 uploads of ~100-200 KB in ${seconds.toFixed(1)} s, answers ${JSON.stringify(statuses)}; ${(Number(stored) / 1024 ** 2).toFixed(1)} MB stored`,
    )
    // The default per-IP rate: a burst of 30, then 2 a second.
    const allowed = 30 + Math.ceil(2 * seconds)
    expect(statuses[202]).toBeLessThanOrEqual(allowed)
    expect(statuses[429]).toBeGreaterThanOrEqual(200 - allowed)
    expect(Object.keys(statuses).every((s) => s === '202' || s === '429')).toBe(true)
    expect(Number(stored)).toBeLessThan(allowed * 210_000)
  })

  it('answers hostile bodies with a 4xx, never a 5xx or a reset', async () => {
    await new Promise((r) => setTimeout(r, 16_000)) // the upload burst above refills
    const results: Record<string, number> = {}
    const deep = '['.repeat(2_000_000) + ']'.repeat(2_000_000)
    results['deep snapshot'] = (
      await raw(`${collector.url}/v1/snapshot`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-encoding': 'gzip' },
        body: gzipSync(`{"v":1,"s":"demo","u":"${ORIGIN}/","vw":1,"vh":1,"dw":1,"dh":1,"snap":{"a":${deep}}}`),
      })
    ).status
    results['deep replay'] = (
      await raw(`${collector.url}/v1/replay`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-encoding': 'gzip' },
        body: gzipSync(
          `{"v":1,"s":"demo","sid":"a","pv":"b","seq":0,"ev":[{"timestamp":${Date.now()},"data":${deep}}]}`,
        ),
      })
    ).status
    results['deep beacon'] = (
      await raw(`${collector.url}/v1/collect`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'user-agent': UA, 'content-encoding': 'gzip' },
        body: gzipSync(`{"v":1,"s":"demo","sid":"a","pv":"b","ev":[${'['.repeat(200_000)}${']'.repeat(200_000)}]}`),
      })
    ).status
    results['replay timestamp 1e308'] = (
      await raw(`${collector.url}/v1/replay`, {
        method: 'POST',
        headers: { origin: ORIGIN },
        body: JSON.stringify({ v: 1, s: 'demo', sid: 'a', pv: 'b', seq: 0, ev: [{ timestamp: 1e308 }] }),
      })
    ).status
    results['beacon time 1e308'] = (
      await raw(`${collector.url}/v1/collect`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'user-agent': UA },
        body: JSON.stringify({
          v: 1,
          s: 'demo',
          sid: 'a',
          pv: 'b',
          t: 1e308,
          ev: [{ k: 'page', id: 'x', t: Date.now(), u: `${ORIGIN}/`, vw: 1, vh: 1 }],
        }),
      })
    ).status
    results['answer of 10 MB'] = (
      await raw(`${collector.url}/v1/answer`, {
        method: 'POST',
        headers: { origin: ORIGIN },
        body: 'x'.repeat(10 * 1024 ** 2),
      })
    ).status
    results['gzip beacon over 64 KB'] = (
      await raw(`${collector.url}/v1/collect`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'user-agent': UA, 'content-encoding': 'gzip' },
        body: gzipSync(Buffer.from(Array.from({ length: 300_000 }, () => Math.random().toString(36)).join(''))),
      })
    ).status
    results['gzip bomb snapshot'] = (
      await raw(`${collector.url}/v1/snapshot`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-encoding': 'gzip' },
        body: gzipSync(Buffer.alloc(100 * 1024 ** 2, 32)),
      })
    ).status
    console.log(`hostile bodies: ${JSON.stringify(results)}`)
    for (const [what, status] of Object.entries(results))
      expect(status >= 400 && status < 500, `${what}: ${status}`).toBe(true)
    expect(results['deep snapshot']).toBe(400)
    expect(results['replay timestamp 1e308']).toBe(400)
    expect(results['answer of 10 MB']).toBe(413)
    expect(results['gzip beacon over 64 KB']).toBe(413)
    expect(results['gzip bomb snapshot']).toBe(413)
    expect(await healthMs(collector.url)).toBeLessThan(1000)
  })
})
