import { afterEach, describe, expect, it, vi } from 'vitest'
import { RETRY_QUEUE_MAX, RETRY_TRIES, restamp, retryDelay, retrying } from './retry'

/** A fetch that answers with the statuses given, in turn ('fail' rejects, as a network error does). */
function fakeFetch(answers: Array<number | 'fail'>) {
  const calls: string[] = []
  const f = ((url: string, init: RequestInit) => {
    calls.push(`${url} ${init.body}`)
    const a = answers.shift() ?? 202
    if (a === 'fail') return Promise.reject(new TypeError('Failed to fetch'))
    return Promise.resolve({
      status: a,
      headers: { get: (h: string) => (a === 429 && h === 'retry-after' ? '3' : null) },
    } as unknown as Response)
  }) as unknown as typeof fetch
  return { f, calls }
}

/** Timers run by hand: `run()` fires every one scheduled so far, then awaits the sends. */
function manualTimers() {
  const due: Array<{ fn: () => void; ms: number; id: number }> = []
  let id = 0
  return {
    due,
    schedule: (fn: () => void, ms: number) => (due.push({ fn, ms, id: ++id }), id),
    cancel: (x: unknown) => {
      const i = due.findIndex((d) => d.id === x)
      if (i >= 0) due.splice(i, 1)
    },
    async run() {
      const now = due.splice(0)
      for (const d of now) d.fn()
      await new Promise((r) => setTimeout(r, 0))
    },
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('retryDelay', () => {
  it('doubles from 1 s up to 30 s, and honours Retry-After', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
    expect(retryDelay(1, '3')).toBe(3000)
    expect(retryDelay(1, '3600')).toBe(30000)
  })
})

describe('retrying', () => {
  it('sends a beacon again after a network error and a 503, then stops when it is taken', async () => {
    const { f, calls } = fakeFetch(['fail', 503, 202])
    const t = manualTimers()
    const r = retrying(f, t.schedule, t.cancel)
    await r.fetch('https://c.example/v1/collect', { method: 'POST', body: 'b1', keepalive: true }).catch(() => {})
    await flush()
    expect(t.due.map((d) => d.ms)).toEqual([1000])
    await t.run()
    expect(t.due.map((d) => d.ms)).toEqual([2000])
    await t.run()
    expect(t.due).toEqual([])
    expect(calls).toEqual([
      'https://c.example/v1/collect b1',
      'https://c.example/v1/collect b1',
      'https://c.example/v1/collect b1',
    ])
  })

  it('waits as long as a 429 asks, and never retries a 400 or other requests', async () => {
    const { f } = fakeFetch([429, 400, 503])
    const t = manualTimers()
    const r = retrying(f, t.schedule, t.cancel)
    await r.fetch('https://c.example/v1/collect', { method: 'POST', body: 'a' })
    expect(t.due.map((d) => d.ms)).toEqual([3000])
    await t.run()
    expect(t.due).toEqual([])
    await r.fetch('https://c.example/v1/site?s=x', {})
    expect(t.due).toEqual([])
  })

  it('gives up after the last try and keeps at most the bounded number waiting', async () => {
    const { f, calls } = fakeFetch(Array(100).fill(503))
    const t = manualTimers()
    const r = retrying(f, t.schedule, t.cancel)
    await r.fetch('https://c.example/v1/collect', { method: 'POST', body: 'x' })
    for (let i = 0; i < 10; i++) await t.run()
    expect(calls).toHaveLength(RETRY_TRIES)

    for (let i = 0; i < RETRY_QUEUE_MAX + 5; i++)
      await r.fetch('https://c.example/v1/collect', { method: 'POST', body: `q${i}` })
    expect(t.due).toHaveLength(RETRY_QUEUE_MAX)
    r.stop()
    expect(t.due).toHaveLength(0)
    expect(t.due).toEqual([])
  })

  afterEach(() => vi.unstubAllGlobals())

  it('sends what waits for a retry by sendBeacon when the page goes, restamped, and schedules nothing more', async () => {
    const beacons: Array<[string, unknown]> = []
    vi.stubGlobal('navigator', { sendBeacon: (url: string, body: unknown) => (beacons.push([url, body]), true) })
    const { f, calls } = fakeFetch(['fail', 503])
    const t = manualTimers()
    const r = retrying(f, t.schedule, t.cancel)
    await r.fetch('https://c.example/v1/collect', { method: 'POST', body: '{"v":1,"t":1,"ev":[]}' }).catch(() => {})
    await r.fetch('https://c.example/v1/collect', { method: 'POST', body: '{"v":1,"t":2,"ev":[]}' })
    await flush()
    expect(t.due).toHaveLength(2)
    r.stop(true)
    expect(t.due).toEqual([])
    expect(beacons.map(([url]) => url)).toEqual(['https://c.example/v1/collect', 'https://c.example/v1/collect'])
    // Each with the time it really left (the page's clock), not its first try's.
    for (const [, body] of beacons) expect(body).toMatch(/^\{"v":1,"t":\d{13},"ev":\[\]\}$/)
    await t.run()
    expect(calls).toHaveLength(2)
    // Stopped without leaving (wince('stop')): dropped, nothing sent.
    const r2 = retrying(fakeFetch(['fail']).f, t.schedule, t.cancel)
    await r2.fetch('https://c.example/v1/collect', { method: 'POST', body: 'x' }).catch(() => {})
    await flush()
    r2.stop()
    expect(beacons).toHaveLength(2)
  })
})

describe('restamp', () => {
  it("sets the envelope's send time to now, leaving the events' times alone", () => {
    const body = JSON.stringify({
      v: 1,
      s: 'demo',
      sid: 's',
      pv: 'p',
      t: 1_800_000_000_000,
      ev: [{ k: 'page', id: 'e', t: 1_799_999_999_000 }],
    })
    const again = JSON.parse(restamp(body, 1_800_000_030_000) as string) as { t: number; ev: Array<{ t: number }> }
    expect(again.t).toBe(1_800_000_030_000)
    expect(again.ev[0]!.t).toBe(1_799_999_999_000)
  })

  it('re-sends a beacon stamped with the time of the retry', async () => {
    const { f, calls } = fakeFetch([503, 202])
    const t = manualTimers()
    const r = retrying(f, t.schedule, t.cancel)
    await r.fetch('https://c.example/v1/collect', { method: 'POST', body: '{"v":1,"t":1800000000000,"ev":[]}' })
    await t.run()
    expect(calls).toHaveLength(2)
    expect(calls[1]).not.toContain('"t":1800000000000')
    expect(calls[1]).toMatch(/"t":\d{13}/)
  })
})
