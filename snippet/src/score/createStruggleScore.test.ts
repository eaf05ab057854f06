import { describe, expect, it } from 'vitest'
import type { SignalType } from '../wire'
import { createStruggleScore, STRUGGLE_HALF_LIFE_MS, type ScoreState } from './createStruggleScore'

const sig = (type: SignalType, t: number, sel = 'button#pay') => ({ type, sel, lb: 'button', t, n: 1 })
const fresh = (): ScoreState => ({ c: [], on: false })
const T = 1_700_000_000_000

describe('struggle score', () => {
  it('does not call a single dead click struggle', () => {
    const s = createStruggleScore(fresh())
    expect(s.add(sig('dead_click', T), T)).toBeUndefined()
    expect(s.score(T)).toBe(4)
  })

  it('calls a rage click with a dead click on the same element struggle, strongest reason first', () => {
    const s = createStruggleScore(fresh())
    expect(s.add(sig('dead_click', T), T + 1000)).toBeUndefined()
    expect(s.add({ ...sig('rage_click', T), n: 4 }, T + 1600)).toEqual({
      score: 9.8,
      reasons: [
        { type: 'rage_click', sel: 'button#pay', lb: 'button', t: T, n: 4, pts: 5.9 },
        { type: 'dead_click', sel: 'button#pay', lb: 'button', t: T, n: 1, pts: 3.9 },
      ],
    })
  })

  it('accepts a strong thrash (two in a row) alone as struggle, not a single one', () => {
    const s = createStruggleScore(fresh())
    expect(s.add(sig('mouse_thrash', T), T)).toBeUndefined()
    expect(s.add(sig('mouse_thrash', T + 900), T + 900)?.reasons.map((r) => r.type)).toEqual([
      'mouse_thrash',
      'mouse_thrash',
    ])
  })

  it('halves points every half-life', () => {
    const s = createStruggleScore(fresh())
    s.add(sig('rage_click', T), T)
    expect(s.score(T + STRUGGLE_HALF_LIFE_MS)).toBeCloseTo(3)
    expect(s.score(T + 2 * STRUGGLE_HALF_LIFE_MS)).toBeCloseTo(1.5)
  })

  it('alerts once per episode, and again only after decaying below the reset level', () => {
    const s = createStruggleScore(fresh())
    s.add(sig('dead_click', T), T)
    expect(s.add(sig('rage_click', T), T)?.score).toBe(10)
    // Still struggling a minute later (score 5 ≥ reset level 4): more signals, no new alert.
    expect(s.add(sig('error_click', T + 60_000), T + 60_000)).toBeUndefined()
    expect(s.add(sig('rage_click', T + 61_000), T + 61_000)).toBeUndefined()
    // Ten minutes later everything has decayed: a new episode alerts again.
    const later = T + 600_000
    expect(s.add(sig('dead_click', later), later)).toBeUndefined()
    expect(s.add(sig('rage_click', later), later)?.score).toBe(10)
  })

  it('does not end an episode while the score stays above the reset level', () => {
    const s = createStruggleScore(fresh())
    s.add(sig('rage_click', T), T)
    s.add(sig('error_click', T), T) // 12: episode
    // After 80 s: 12 * 0.5^(80/60) ≈ 4.8, above 4.
    expect(s.add(sig('rage_click', T + 80_000), T + 80_000)).toBeUndefined()
  })

  it('can be tuned: threshold and weights, ignoring bad values', () => {
    const a = createStruggleScore(fresh())
    a.tune({ threshold: 4 })
    expect(a.add(sig('dead_click', T), T)?.score).toBe(4)
    const b = createStruggleScore(fresh())
    b.tune({ weights: { dead_click: 10, rage_click: -1, nope: 5 } as never, threshold: -3 })
    expect(b.add(sig('dead_click', T), T)?.reasons).toEqual([{ ...sig('dead_click', T), pts: 10 }])
    expect(b.add(sig('rage_click', T), T)).toBeUndefined()
    expect(b.score(T)).toBe(16)
  })

  it('works on the state it was given, so the next page continues the episode', () => {
    const state = fresh()
    const page1 = createStruggleScore(state)
    page1.add(sig('dead_click', T), T)
    page1.add(sig('rage_click', T), T)
    const page2 = createStruggleScore(JSON.parse(JSON.stringify(state)))
    expect(page2.add(sig('dead_click', T + 5000), T + 5000)).toBeUndefined()
    expect(page2.score(T + 5000)).toBeCloseTo(13.44, 2)
  })

  it('forgets signals that no longer count', () => {
    const state = fresh()
    const s = createStruggleScore(state)
    s.add(sig('dead_click', T), T)
    s.add(sig('quick_back', T + 3_600_000), T + 3_600_000)
    expect(state.c.map((c) => c.type)).toEqual(['quick_back'])
  })
})
