// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Ctx } from '../../ext/Ctx'
import type { PointerSample } from '../../detect/mouseThrash'
import { hub } from './hub'
import { THRASH_SAMPLE_MS, watchMotion } from './watchMotion'

const ctx = () => ({ x: [] as (() => void)[], e: vi.fn() }) as unknown as Ctx & { e: ReturnType<typeof vi.fn> }
const stop = (c: Ctx) => {
  for (const f of c.x.splice(0).reverse()) f()
}
/** A pointer move as the browser would stamp it (happy-dom's constructor leaves `timeStamp` to the dispatch). */
const moveAt = (t: number, x = 10, y = 10) => {
  const e = new MouseEvent('pointermove', { clientX: x, clientY: y }) as unknown as PointerEvent
  Object.defineProperties(e, { timeStamp: { value: t }, pointerType: { value: 'mouse' }, buttons: { value: 0 } })
  return e
}

describe('the boot chunk’s listeners', () => {
  afterEach(() => vi.restoreAllMocks())

  it('calls every part of an event type from one listener; a failing part leaves the others and the page alone', () => {
    const c = ctx()
    const add = vi.spyOn(window, 'addEventListener')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const sub = hub(c)
    const seen: string[] = []
    sub('click', () => seen.push('a'))
    sub('click', () => {
      throw new Error('part b')
    })
    sub('click', () => seen.push('c'))
    expect(add.mock.calls.filter(([type]) => type == 'click')).toHaveLength(1)
    expect(() => window.dispatchEvent(new MouseEvent('click'))).not.toThrow()
    expect(seen).toEqual(['a', 'c'])
    expect(warn).toHaveBeenCalledTimes(1)
    stop(c)
    window.dispatchEvent(new MouseEvent('click'))
    expect(seen).toEqual(['a', 'c'])
  })

  it('takes pointer moves in a listener of its own: every move marks the visitor at work, one sample per 40 ms', () => {
    const c = ctx()
    const add = vi.spyOn(window, 'addEventListener')
    const samples: PointerSample[] = []
    watchMotion(c, hub(c), (s) => samples.push(s))
    // Its own listener, capturing and passive, not one of the hub's.
    expect(add.mock.calls.filter(([type]) => type == 'pointermove')).toEqual([
      ['pointermove', expect.any(Function), { capture: true, passive: true }],
    ])
    for (const t of [1000, 1016, 1032, 1048, 1064, 1080, 1096]) window.dispatchEvent(moveAt(t, t - 990))
    expect(c.i).toBe(1096)
    // 1000 is taken, 1016 and 1032 are within 40 ms of it, 1048 is taken, then 1096.
    expect(samples.map((s) => s.t)).toEqual([1000, 1048, 1096])
    expect(samples[1]).toEqual({ x: 58, y: 10, t: 1048, b: 0, p: 'mouse' })
    stop(c)
    window.dispatchEvent(moveAt(2000))
    expect(c.i).toBe(1096)
    expect(samples).toHaveLength(3)
    expect(THRASH_SAMPLE_MS).toBe(40)
  })

  it('keeps an error on the pointer path from the page', () => {
    const c = ctx()
    watchMotion(c, hub(c), () => {
      throw new Error('trail')
    })
    expect(() => window.dispatchEvent(moveAt(5000))).not.toThrow()
    // The next sample still runs.
    expect(() => window.dispatchEvent(moveAt(5100))).not.toThrow()
    expect(c.i).toBe(5100)
    stop(c)
  })
})
