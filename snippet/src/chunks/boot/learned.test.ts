import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SignalEvent, SignalType, SiteSettings } from '../../wire'
import { createStruggleScore } from '../../score/createStruggleScore'
import { learned } from './learned'

const T = 1_800_000_000_000

/**
 * The page API as the core runs it, around a real struggle score: `on` subscribes,
 * `config` tunes the score; `emit` does what the core's emit does in this order —
 * tell `signal` subscribers, then score the signal.
 */
function core() {
  const subs: Record<string, Array<(d: unknown) => void>> = {}
  const state = { c: [], on: false }
  const score = createStruggleScore(state)
  const configs: unknown[] = []
  vi.stubGlobal('window', {
    wince: (cmd: string, a: unknown, b: unknown) => {
      if (cmd == 'on') (subs[a as string] ||= []).push(b as (d: unknown) => void)
      if (cmd == 'config') {
        configs.push(a)
        score.tune(a as never)
      }
    },
  })
  const fire = (topic: string, d: unknown) => {
    for (const f of subs[topic] || []) f(d)
  }
  const emit = (type: SignalType, sel: string, t: number) => {
    const ev = {
      k: 'signal',
      id: 'x',
      t,
      u: 'https://shop.example/cart',
      type,
      sel,
      lb: 'button',
      x: 0,
      y: 0,
      n: 1,
      ms: 0,
      why: '',
    } satisfies SignalEvent
    fire('signal', { ...ev })
    return score.add(ev, t)
  }
  return { fire, emit, score, configs }
}

afterEach(() => vi.unstubAllGlobals())

describe('rules and tuning in the boot chunk', () => {
  it("lets a ruled element's signals of that type add nothing, and every other signal its weight", () => {
    const c = core()
    learned()
    c.fire('st', { rules: [{ sel: 'button#copy', type: 'rage_click' }] } as Partial<SiteSettings>)
    expect(c.emit('rage_click', 'button#copy', T)).toBeUndefined()
    expect(c.score.score(T)).toBe(0)
    // The same type on another element counts in full: rage 6 + the copy button's dead click 4 = struggle.
    expect(c.emit('dead_click', 'button#copy', T)).toBeUndefined()
    expect(c.emit('rage_click', 'button#apply', T)?.score).toBe(10)
  })

  it('changes nothing on a site without rules', () => {
    const c = core()
    learned()
    c.fire('st', {} as Partial<SiteSettings>)
    c.emit('rage_click', 'button#copy', T)
    expect(c.configs).toEqual([])
    expect(c.score.score(T)).toBe(6)
  })

  it('applies the tuning an admin applied, and keeps its weights for ruled types', () => {
    const c = core()
    learned()
    c.fire('st', {
      tune: { threshold: 12, weights: { rage_click: 8 } },
      rules: [{ sel: 'div.x', type: 'rage_click' }],
    } as Partial<SiteSettings>)
    c.emit('rage_click', 'div.x', T)
    expect(c.score.score(T)).toBe(0)
    // 8 (tuned rage) + 4 (dead) = 12: the tuned threshold is reached.
    expect(c.emit('rage_click', 'button#pay', T)).toBeUndefined()
    expect(c.emit('dead_click', 'button#pay', T)?.score).toBe(12)
  })
})
