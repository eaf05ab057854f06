import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TEST_TOKEN } from '../testing/testApp.ts'
import type { WireEvent } from '@wince/snippet/wire'
import { beaconOf, eventId, postInit, signal } from '../testing/beacons.ts'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({ ipRate: { rate: 1e6, burst: 1e6 } })
})
afterAll(async () => {
  await t?.close()
})

/** A small seeded PRNG (mulberry32): the same cases every run, so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

const HOSTILE: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  2 ** 53 + 1,
  0.1,
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  "'; DROP TABLE signals; --",
  "1' OR '1'='1",
  '{site:String}',
  '\u0000',
  '\ud800',
  '😀'.repeat(50),
  'x'.repeat(3000),
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  'javascript:alert(1)',
  [],
  [[[[[]]]]],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  JSON.parse('{"__proto__":{"polluted":true}}'),
]

function mutate(value: unknown, next: () => number, depth = 0): unknown {
  const r = next()
  if (depth > 3 || r < 0.15) return HOSTILE[Math.floor(next() * HOSTILE.length)]
  if (Array.isArray(value)) {
    const copy = value.map((v) => (next() < 0.3 ? mutate(v, next, depth + 1) : v))
    if (next() < 0.1) copy.push(HOSTILE[Math.floor(next() * HOSTILE.length)])
    if (next() < 0.1) copy.splice(Math.floor(next() * copy.length), 1)
    return copy
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) }
    const keys = Object.keys(copy)
    const key = keys[Math.floor(next() * keys.length)]
    if (key !== undefined) {
      if (next() < 0.2) delete copy[key]
      else copy[key] = mutate(copy[key], next, depth + 1)
    }
    if (next() < 0.1)
      copy[['__proto__', 'constructor', 'prototype', 'extra', 'ev'][Math.floor(next() * 5)]!] =
        HOSTILE[Math.floor(next() * HOSTILE.length)]
    return copy
  }
  return HOSTILE[Math.floor(next() * HOSTILE.length)]
}

function body(next: () => number): string | Uint8Array {
  const valid = beaconOf([
    signal(),
    signal({ type: 'rage_click', n: 3 }),
    { k: 'page', id: eventId(), t: Date.now(), u: 'http://localhost:5173/', vw: 1, vh: 1 },
  ])
  const text = JSON.stringify(mutate(valid, next))
  const r = next()
  if (r < 0.05) return text.slice(0, Math.floor(next() * text.length)) // truncated
  if (r < 0.08) return '['.repeat(50_000) + ']'.repeat(50_000) // deep nesting
  if (r < 0.1) return text.replace(/\d+/, 'NaN') // not JSON
  // biome-ignore lint/correctness/noPrecisionLoss: an out-of-range number is the input under test.
  if (r < 0.12) return JSON.stringify({ ...valid, ev: [{ ...valid.ev[0], x: 1e400 }] }).replace('Infinity', '1e400')
  if (r < 0.14) return gzipSync(text).subarray(0, 20) // broken gzip
  return text
}

describe('fuzzing POST /v1/collect', () => {
  it('answers every malformed beacon with a 4xx (or 202 for what is valid in it), never a 5xx', async () => {
    const next = rng(20261123)
    const statuses = new Map<number, number>()
    const CASES = 3000
    for (let i = 0; i < CASES; i++) {
      const b = body(next)
      const headers: Record<string, string> = b instanceof Uint8Array ? { 'content-encoding': 'gzip' } : {}
      const res = await t.app.request('/v1/collect', postInit(b, headers))
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      expect(res.status, `case ${i}`).toBeLessThan(500)
      if (res.status !== 202) expect(typeof ((await res.json()) as { error: unknown }).error).toBe('string')
    }
    console.log(`fuzz: ${CASES} cases, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`)
    expect([...statuses.keys()].every((s) => s === 202 || (s >= 400 && s < 500))).toBe(true)
    expect(statuses.get(400)).toBeGreaterThan(CASES / 10)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Nothing accepted was left unwritable in the queue (a refused row would hold up every later insert).
    await t.writer.flush()
    expect(t.writer.pending).toBe(0)
  }, 120_000) // each accepted beacon waits for its fsync: 3,000 in a row take a while on a busy disk

  it('stores the valid event of a batch full of hostile ones, and still works afterwards', async () => {
    const good = signal({ why: 'the-good-one' })
    const session = eventId('fuzzmix')
    const hostile = HOSTILE.map((h) => ({ ...signal(), x: h }) as unknown as WireEvent)
    const res = await t.app.request(
      '/v1/collect',
      postInit({ ...beaconOf([...hostile.slice(0, 10), good, ...hostile.slice(10)], session) }),
    )
    expect(res.status).toBe(202)
    const { accepted, rejected } = (await res.json()) as { accepted: number; rejected: unknown[] }
    // Some hostile x values are valid numbers (0, -1, 0.1): only non-numbers and out-of-range ones are refused.
    expect(accepted + rejected.length).toBe(HOSTILE.length + 1)
    await t.writer.flush()
    const api = await t.app.request(`/api/signals?site=demo&session=${session}&type=dead_click`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    })
    const { signals } = (await api.json()) as { signals: Array<{ why: string }> }
    expect(signals.filter((s) => s.why === 'the-good-one')).toHaveLength(1)
  })
})
