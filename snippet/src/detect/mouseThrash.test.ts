import { describe, expect, it } from 'vitest'
import { createMouseThrash, type PointerSample } from './mouseThrash'
import type { Verdict } from './Verdict'
import { choose, rng, shake as humanShake, type MotionSample } from './humanMotion'
import { THRASH_SAMPLE_MS } from '../chunks/boot/watchMotion'

/** Samples every 16 ms of a horizontal oscillation: `amp` px either side, `hz` full back-and-forths per second. */
function shake(hz: number, amp: number, ms: number, o: Partial<PointerSample> = {}): PointerSample[] {
  const out: PointerSample[] = []
  for (let t = 0; t <= ms; t += 16)
    out.push({ x: 500 + amp * Math.sin(2 * Math.PI * hz * (t / 1000)), y: 300, t, b: 0, p: 'mouse', ...o })
  return out
}

const run = (samples: PointerSample[]) => {
  const thrash = createMouseThrash()
  return samples.map(thrash).filter((v): v is Verdict => !!v)
}

describe('mouse thrash', () => {
  it('calls a 4 Hz shake of ±60 px thrash', () => {
    const v = run(shake(4, 60, 700))
    expect(v.map((x) => [x.type, x.n, x.why])).toEqual([['mouse_thrash', 5, 'reversals']])
    expect(v[0]!.ms).toBeLessThanOrEqual(800)
  })

  it('calls a vertical shake thrash too', () => {
    const v = run(shake(4, 60, 700).map((s) => ({ ...s, x: 300, y: s.x })))
    expect(v.map((x) => x.n)).toEqual([5])
  })

  it('ignores dragging with a button held (slider, canvas drawing)', () => {
    expect(run(shake(4, 60, 2000, { b: 1 }))).toEqual([])
  })

  it('ignores touch and pen pointers', () => {
    expect(run(shake(4, 60, 2000, { p: 'touch' }))).toEqual([])
    expect(run(shake(4, 60, 2000, { p: 'pen' }))).toEqual([])
  })

  it('ignores hand tremor (small swings) and slow back-and-forth', () => {
    expect(run(shake(6, 10, 2000))).toEqual([])
    expect(run(shake(1, 200, 4000))).toEqual([])
  })

  it('ignores pointing at a target with an overshoot and a correction', () => {
    const path = [0, 200, 400, 600, 650, 610, 600, 640, 620].map((x, i) => ({ x, y: 300, t: i * 16, b: 0, p: 'mouse' }))
    expect(run(path)).toEqual([])
  })
})

// Generating 200 movements takes a few seconds on a loaded machine.
describe('mouse thrash on generated human movement (humanMotion.ts)', { timeout: 30_000 }, () => {
  const asSamples = (m: MotionSample[]): PointerSample[] => m.map((s) => ({ ...s, b: 0, p: 'mouse' }))

  it('calls every shake at 3–6 Hz of ±30–120 px thrash (200 seeds)', () => {
    const missed: string[] = []
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed)
      const hz = 3 + 3 * r()
      const amp = 30 + 90 * r()
      if (!run(asSamples(humanShake(500, 300, hz, amp, 1500, r))).length)
        missed.push(`${hz.toFixed(1)} Hz ±${amp.toFixed(0)}`)
    }
    expect(missed).toEqual([])
  })

  it('never calls choosing between nearby controls thrash: glides with dwells, 40–400 px apart (200 seeds)', () => {
    const fired: number[] = []
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed)
      const gap = 40 + 360 * r()
      const a = { x: 400, y: 300 }
      const b = { x: 400 + gap, y: 300 + 20 * r() }
      // Back and forth eight times, comparing two options.
      const path = Array.from({ length: 9 }, (_, i) => (i % 2 ? b : a))
      if (run(asSamples(choose(path, 40 + 80 * r(), r))).length) fired.push(seed)
    }
    expect(fired).toEqual([])
  })

  // As the snippet samples: a move is kept once THRASH_SAMPLE_MS have passed since the last kept one.
  const thinned = (m: MotionSample[], phase: number, every = THRASH_SAMPLE_MS): PointerSample[] => {
    let last = -1e9
    const out: PointerSample[] = []
    for (const s of m) if (s.t + phase - last >= every) out.push({ ...s, t: (last = s.t + phase), b: 0, p: 'mouse' })
    return out
  }

  it('calls every shake and no choosing glide with moves thinned as the snippet samples them (400 seeds)', () => {
    const missed: number[] = []
    const fired: number[] = []
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed)
      const hz = 3 + 3 * r()
      const amp = 30 + 90 * r()
      if (!run(thinned(humanShake(500, 300, hz, amp, 1000, r), seed % 16)).length) missed.push(seed)
      const q = rng(seed)
      const gap = 40 + 360 * q()
      const path = Array.from({ length: 9 }, (_, i) =>
        i % 2 ? { x: 400 + gap, y: 300 + 20 * q() } : { x: 400, y: 300 },
      )
      if (run(thinned(choose(path, 40 + 80 * q(), q), seed % 16)).length) fired.push(seed)
    }
    expect([missed, fired]).toEqual([[], []])
  })

  it('shows the sampling margin: every 64 ms still calls every shake, every 80 ms misses some', () => {
    const misses = (every: number) => {
      let n = 0
      for (let seed = 1; seed <= 200; seed++) {
        const r = rng(seed)
        const hz = 3 + 3 * r()
        const amp = 30 + 90 * r()
        if (!run(thinned(humanShake(500, 300, hz, amp, 1000, r), seed % 16, every)).length) n++
      }
      return n
    }
    expect(misses(64)).toBe(0)
    expect(misses(80)).toBeGreaterThan(0)
  })

  it('never calls hovering down a menu, item by item, thrash', () => {
    const r = rng(7)
    const items = Array.from({ length: 8 }, (_, i) => ({
      x: 200 + (i % 2) * 6,
      y: 100 + (i % 3 ? 36 * i : 36 * (i - 1)),
    }))
    expect(run(asSamples(choose(items, 36, r, [150, 400])))).toEqual([])
  })
})
