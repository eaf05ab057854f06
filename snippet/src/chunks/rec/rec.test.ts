import { describe, expect, it } from 'vitest'
import { Segments } from './Segments'
import { split } from './split'

const ev = (timestamp: number, pad = '') => ({ timestamp, pad })

describe('rolling buffer', () => {
  it('keeps whole segments covering the window, from a checkout on', () => {
    const b = new Segments<ReturnType<typeof ev>>(60_000, 1000)
    b.push(ev(0), true)
    b.push(ev(10_000), false)
    b.push(ev(30_000), true)
    b.push(ev(50_000), false)
    expect(b.events().map((e) => e.timestamp)).toEqual([0, 10_000, 30_000, 50_000])
    b.push(ev(60_000), true)
    // The segment from 30 s covers 60 s back from 90 s: the one from 0 can go.
    b.push(ev(90_000), false)
    expect(b.events()[0]!.timestamp).toBe(30_000)
    b.push(ev(125_000), false)
    expect(b.events()[0]!.timestamp).toBe(60_000)
  })

  it('is bounded in events, never cutting the current segment', () => {
    const b = new Segments<ReturnType<typeof ev>>(60_000, 3)
    b.push(ev(0), true)
    b.push(ev(1), false)
    b.push(ev(2), true)
    b.push(ev(3), false)
    expect(b.events().map((e) => e.timestamp)).toEqual([2, 3])
    for (let i = 4; i < 10; i++) b.push(ev(i), false)
    expect(b.size()).toBe(8)
  })

  it('drains in order', () => {
    const b = new Segments<ReturnType<typeof ev>>(60_000, 100)
    b.push(ev(1), true)
    b.push(ev(2), false)
    expect(b.drain().map((e) => e.timestamp)).toEqual([1, 2])
    expect(b.size()).toBe(0)
  })
})

describe('split into bodies', () => {
  it('keeps each run under the size and count limits, in order', () => {
    const events = Array.from({ length: 50 }, (_, i) => ev(i, 'x'.repeat(100)))
    const runs = split(events, 1000, 20_000)
    expect(runs.flat()).toEqual(events)
    for (const r of runs) expect(JSON.stringify(r).length).toBeLessThanOrEqual(1000)
    expect(split(events, 1e9, 7).map((r) => r.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 1])
  })

  it('sends an oversized event alone', () => {
    const runs = split([ev(1), ev(2, 'y'.repeat(5000)), ev(3)], 1000, 100)
    expect(runs.map((r) => r.map((e) => e.timestamp))).toEqual([[1], [2], [3]])
  })

  it('gives nothing for nothing', () => {
    expect(split([], 10, 10)).toEqual([])
  })
})
