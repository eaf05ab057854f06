import { describe, expect, it } from 'vitest'
import { createMouseThrash, type PointerSample } from './mouseThrash'
import type { Verdict } from './Verdict'

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
