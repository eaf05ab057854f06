import { describe, expect, it, vi } from 'vitest'
import type { Ctx } from '../../ext/Ctx'
import type { WireEvent } from '../../wire'
import { takeCalls } from './goals'

/** The context as the core hands it, with the calls the core kept before the chunk loaded. */
function ctxWith(kept: unknown[]) {
  const sent: Array<{ e: WireEvent; now?: boolean }> = []
  const c = { u: kept, r: () => 'id', q: (e: WireEvent, now?: boolean) => sent.push({ e, now }) } as unknown as Ctx
  return { c, sent }
}

describe('goals in the boot chunk', () => {
  it('sends the goals called before it loaded, then each later one, at once', () => {
    vi.stubGlobal('location', { origin: 'https://shop.example', pathname: '/thanks' })
    const { c, sent } = ctxWith(['goal', 'purchase', 42.5, 'nope', 1, 2])
    takeCalls(c)
    expect(c.u).toHaveLength(0)
    c.u.push('goal', 'signup', undefined)
    c.u.push('goal', 'bad<script>name', -3)
    c.u.push('goal', '', 1)
    c.u.push('goal', { toString: () => 'x' }, 1)
    expect(sent.map(({ e, now }) => [e.k, e.u, (e as { name: string }).name, (e as { v: number }).v, now])).toEqual([
      ['goal', 'https://shop.example/thanks', 'purchase', 42.5, true],
      ['goal', 'https://shop.example/thanks', 'signup', 0, true],
      ['goal', 'https://shop.example/thanks', 'badscriptname', 0, true],
    ])
    vi.unstubAllGlobals()
  })
})
