import { describe, expect, it } from 'vitest'
import {
  jumpOffset,
  pageMarks,
  playTime,
  recordedClicks,
  signalOfClick,
  timelineMarkers,
  type ReplaySignal,
} from './replayMarks.ts'

const T0 = 1_700_000_000_000
const sig = (type: string, at: number, x: number, y: number, n = 1): ReplaySignal => ({
  type,
  ts: T0 + at,
  x,
  y,
  n,
  label: 'button',
  selector: 'button#pay',
  id: `${type}-${at}`,
})

describe('timeline markers', () => {
  it('places the signals within the recording along it, and leaves out the rest', () => {
    const rage = sig('rage_click', 5_000, 100, 200, 5)
    const before = sig('dead_click', -1_000, 100, 200)
    const after = sig('quick_back', 25_000, 0, 0)
    expect(timelineMarkers([before, rage, after], T0, T0 + 20_000)).toEqual([
      { signal: rage, at: 5_000, pct: 25, lane: 0 },
    ])
  })

  it('puts markers that would cover each other on separate lanes', () => {
    const a = sig('rage_click', 5_000, 100, 200, 5)
    const b = sig('dead_click', 5_100, 100, 200)
    const c = sig('error_click', 5_150, 100, 200)
    const d = sig('mouse_thrash', 5_200, 100, 200)
    const e = sig('dead_click', 9_000, 100, 200)
    expect(timelineMarkers([e, d, c, b, a], T0, T0 + 20_000).map((m) => [m.signal.type, m.lane])).toEqual([
      ['rage_click', 0],
      ['dead_click', 1],
      ['error_click', 2],
      ['mouse_thrash', 2],
      ['dead_click', 0],
    ])
  })

  it('jumps a little before a signal, never before the start', () => {
    expect(jumpOffset(sig('rage_click', 5_000, 0, 0), T0)).toBe(3_000)
    expect(jumpOffset(sig('rage_click', 500, 0, 0), T0)).toBe(0)
  })
})

describe('click marks', () => {
  const rage = sig('rage_click', 1_000, 100, 200, 5)
  const dead = sig('dead_click', 3_500, 102, 198)
  const far = sig('dead_click', 1_000, 600, 200)

  it('colours a click by the rage click it belongs to, before the dead click on the same clicks', () => {
    expect(signalOfClick({ ts: T0 + 800, x: 101, y: 201 }, [dead, rage, far])).toBe(rage)
  })

  it('leaves a click far from every signal, in place or in time, plain', () => {
    expect(signalOfClick({ ts: T0 + 800, x: 400, y: 500 }, [rage, dead, far])).toBeUndefined()
    expect(signalOfClick({ ts: T0 + 20_000, x: 100, y: 200 }, [rage, dead])).toBeUndefined()
  })

  it('shows recent clicks and recent signals with a point, not future ones nor old ones', () => {
    const clicks = [
      { ts: T0 + 600, x: 100, y: 200 },
      { ts: T0 + 900, x: 100, y: 200 },
      { ts: T0 + 9_000, x: 100, y: 200 },
    ]
    const scroll = sig('excessive_scroll', 900, 0, 0)
    const marks = pageMarks(clicks, [rage, scroll], T0 + 1_200)
    expect(marks.map((m) => [m.key, m.type, m.signal, m.n])).toEqual([
      ['c0', 'rage_click', false, 1],
      ['c1', 'rage_click', false, 1],
      [`s${rage.id}`, 'rage_click', true, 5],
    ])
    const both = pageMarks([], [rage, { ...dead, ts: T0 + 1_100 }], T0 + 1_200)
    expect(both.map((m) => [m.type, m.stack])).toEqual([
      ['rage_click', 0],
      ['dead_click', 1],
    ])
    expect(pageMarks(clicks, [rage], T0 + 8_000)).toEqual([])
  })

  it('reads clicks with their position out of rrweb events, and nothing else', () => {
    const events = [
      { type: 4, timestamp: T0, data: { width: 800, height: 600 } },
      { type: 3, timestamp: T0 + 10, data: { source: 1, positions: [{ x: 5, y: 5 }] } },
      { type: 3, timestamp: T0 + 20, data: { source: 2, type: 2, id: 9, x: 100, y: 200 } },
      { type: 3, timestamp: T0 + 30, data: { source: 2, type: 1, id: 9, x: 100, y: 200 } },
    ]
    expect(recordedClicks(events)).toEqual([{ ts: T0 + 20, x: 100, y: 200 }])
  })
})

describe('play time', () => {
  it('reads as a clock', () => {
    expect([playTime(0), playTime(7_900), playTime(65_000), playTime(3_729_000), playTime(-5)]).toEqual([
      '0:00',
      '0:07',
      '1:05',
      '1:02:09',
      '0:00',
    ])
  })
})
