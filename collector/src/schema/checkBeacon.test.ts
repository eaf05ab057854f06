import { describe, expect, it } from 'vitest'
import { checkEnvelope, checkEvent } from './checkBeacon.ts'
import { envelopeSchema, eventSchema, LIMITS } from './beacon.ts'

// The fast validator must give the zod schema's verdict (and value) on every input:
// valid events of each kind, and each of them broken field by field and at random.

const T = 1_700_000_000_000
const valid: Record<string, Record<string, unknown>> = {
  page: { k: 'page', id: 'p1', t: T, u: 'https://shop.example/a', vw: 1280, vh: 800, ref: 'https://shop.example/' },
  signal: {
    k: 'signal',
    id: 's-1',
    t: T,
    u: 'http://shop.example/b',
    type: 'rage_click',
    sel: 'main>button#buy',
    lb: 'button',
    x: 10.5,
    y: -3,
    n: 4,
    ms: 900,
    why: 'no-response',
  },
  tap: {
    k: 'signal',
    id: 's-3',
    t: T,
    u: 'http://shop.example/b',
    type: 'dead_click',
    sel: 'button#buy',
    lb: 'button',
    x: 10,
    y: 30,
    n: 1,
    ms: 1000,
    why: 'no-response',
    pt: 'touch',
  },
  formStruggle: {
    k: 'signal',
    id: 's-2',
    t: T,
    u: 'http://shop.example/checkout',
    type: 'form_struggle',
    sel: 'form#checkout>input#card',
    lb: 'invalid-input[cc-number]',
    x: 300,
    y: 420,
    n: 3,
    ms: 21000,
    why: 'invalid',
  },
  struggle: {
    k: 'struggle',
    id: 'a_1',
    t: T,
    u: 'https://shop.example/c',
    sc: 12.5,
    rs: [{ type: 'dead_click', sel: 'a.pay', lb: 'link', t: T, n: 2, pts: 4 }],
  },
  click: {
    k: 'click',
    id: 'c1',
    t: T,
    u: 'https://shop.example/d',
    x: 100,
    y: 2000.5,
    vw: 390,
    dw: 390,
    dh: 4000,
    sel: 'div>a',
    fx: 0,
    fy: 1,
  },
  scroll: { k: 'scroll', id: 'r1', t: T, u: 'https://shop.example/e', d: 1800, dh: 4000, vw: 1024 },
  vital: { k: 'vital', id: 'v1', t: T, u: 'https://shop.example/f', name: 'INP', v: 240, sel: 'button', vw: 1280 },
  goal: { k: 'goal', id: 'g1', t: T, u: 'https://shop.example/thanks', name: 'purchase', v: 42.5 },
}

/** Values that sit on, just inside or just outside some rule of the schema. */
const POOL: unknown[] = [
  undefined,
  null,
  true,
  0,
  -0,
  -1,
  0.5,
  1,
  1.5,
  9,
  10,
  20_000,
  20_001,
  -100_000,
  -100_001,
  1_000_000,
  1_000_001,
  3_600_000,
  3_600_001,
  1_577_836_800_000,
  1_577_836_799_999,
  4_102_444_800_000,
  4_102_444_800_001,
  T + 0.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  'a b',
  'ab-_9',
  'x'.repeat(LIMITS.idLength),
  'x'.repeat(LIMITS.idLength + 1),
  'x'.repeat(LIMITS.labelLength + 1),
  'x'.repeat(LIMITS.whyLength),
  'x'.repeat(LIMITS.pointerTypeLength + 1),
  'x'.repeat(LIMITS.selectorLength),
  'x'.repeat(LIMITS.selectorLength + 1),
  'https://a.example/' + 'x'.repeat(LIMITS.urlLength - 18),
  'https://a.example/' + 'x'.repeat(LIMITS.urlLength - 17),
  'http://a.example/?q=1#h',
  'ftp://a.example/',
  'HTTPS://a.example/',
  'lone \ud800 surrogate',
  'https://a.example/\udc00',
  'pair \ud83d\ude00 ok',
  'page',
  'signal',
  'struggle',
  'click',
  'scroll',
  'vital',
  'goal',
  'order paid',
  'x'.repeat(LIMITS.goalNameLength + 1),
  1e9,
  1e9 + 1,
  'rage_click',
  'quick_back',
  'form_struggle',
  'form_loop',
  'LCP',
  'CLS',
  'FID',
  [],
  [{ type: 'dead_click', sel: 'a', lb: 'link', t: T, n: 2, pts: 4 }],
  [{ type: 'dead_click', sel: 'a', lb: 'link', t: T, n: 2, pts: 4, extra: 1 }],
  [{ type: 'nope', sel: 'a', lb: 'link', t: T, n: 2, pts: 4 }],
  [{ type: 'form_struggle', sel: 'input#card', lb: 'invalid-input[cc-number]', t: T, n: 3, pts: 6 }],
  Array.from({ length: LIMITS.reasonsPerAlert + 1 }, () => ({
    type: 'dead_click',
    sel: 'a',
    lb: '',
    t: T,
    n: 1,
    pts: 1,
  })),
  {},
  { k: 'page' },
]

/** A deterministic PRNG: the same cases on every run. */
function prng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
}

const clone = <V>(v: V): V => (v === undefined ? v : (structuredClone(v) as V))

/** Both validators on their own copy (the fast one works in place): same verdict, same value. */
function agree(input: unknown, what: string) {
  const fast = checkEvent(clone(input))
  const slow = eventSchema.safeParse(clone(input))
  expect(fast !== undefined, `${what}: ${JSON.stringify(input)?.slice(0, 200)}`).toBe(slow.success)
  if (slow.success) expect(fast).toEqual(slow.data)
  return slow.success
}

describe('checkEvent gives the schema’s verdict', () => {
  it('accepts a valid event of every kind, as the schema does', () => {
    for (const [kind, event] of Object.entries(valid)) expect(agree(event, kind)).toBe(true)
  })

  it('agrees on every field of every kind set to each boundary value, removed, or joined by an unknown field', () => {
    let cases = 0
    let accepted = 0
    for (const [kind, event] of Object.entries(valid)) {
      for (const field of [...Object.keys(event), 'extra']) {
        for (const value of POOL) {
          const broken: Record<string, unknown> = { ...event }
          if (value === undefined) delete broken[field]
          else broken[field] = value
          if (agree(broken, `${kind}.${field}`)) accepted++
          cases++
        }
      }
    }
    // Both outcomes are exercised: many boundary values are fine, most are not.
    expect(cases).toBeGreaterThan(3000)
    expect(accepted).toBeGreaterThan(200)
    expect(cases - accepted).toBeGreaterThan(2000)
  })

  it('agrees on 5,000 events broken at random in several fields at once', () => {
    const rnd = prng(7)
    const kinds = Object.values(valid)
    for (let i = 0; i < 5000; i++) {
      const event: Record<string, unknown> = { ...kinds[Math.floor(rnd() * kinds.length)]! }
      const fields = [...Object.keys(event), 'extra', 'k']
      for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
        const field = fields[Math.floor(rnd() * fields.length)]!
        const value = POOL[Math.floor(rnd() * POOL.length)]
        if (value === undefined) delete event[field]
        else event[field] = value
      }
      agree(event, `random case ${i}`)
    }
  })

  it('refuses what is not an event object, and an own __proto__ key', () => {
    for (const v of [
      null,
      undefined,
      1,
      'page',
      [],
      [valid.page],
      JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(valid.page).slice(1)}`),
    ]) {
      expect(checkEvent(v)).toBeUndefined()
      expect(eventSchema.safeParse(v).success).toBe(false)
    }
  })

  it('makes text well-formed as the schema does: a lone surrogate becomes U+FFFD', () => {
    const event = checkEvent({ ...valid.signal, sel: 'a\ud800b', u: 'https://x.example/\udc00' })
    expect(event).toMatchObject({ sel: 'a\ufffdb', u: 'https://x.example/\ufffd' })
  })
})

describe('checkEnvelope gives the schema’s verdict', () => {
  const envelope = { v: 1, s: 'demo', sid: 's1', pv: 'p1', ev: [{}] }
  it('agrees on each field set to each boundary value, removed, or joined by an unknown field', () => {
    const values = [
      ...POOL,
      2,
      'demo',
      Array.from({ length: LIMITS.eventsPerBeacon }, () => 0),
      Array.from({ length: LIMITS.eventsPerBeacon + 1 }, () => 0),
      'x'.repeat(65),
      1_577_836_800_000,
      1_577_836_799_999,
      4_102_444_800_000,
      4_102_444_800_001,
      1.5e12 + 0.5,
      1e308,
    ]
    let accepted = 0
    for (const field of [...Object.keys(envelope), 't', 'extra']) {
      for (const value of values) {
        const broken: Record<string, unknown> = { ...envelope }
        if (value === undefined) delete broken[field]
        else broken[field] = value
        const fast = checkEnvelope(clone(broken))
        const slow = envelopeSchema.safeParse(clone(broken))
        expect(fast !== undefined, `${field} = ${JSON.stringify(value)?.slice(0, 80)}`).toBe(slow.success)
        if (slow.success) {
          expect(fast).toEqual(slow.data)
          accepted++
        }
      }
    }
    expect(accepted).toBeGreaterThan(5)
  })
})
