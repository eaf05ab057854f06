import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Ctx } from '../../ext/Ctx'
import { patch, stopAll } from '../../core/registry'
import { watchUnseen } from './watchUnseen'

// The boot chunk's watcher of what the core cannot see, with the core's own wrapper (`patch`)
// and stand-ins for the canvas contexts and the console.
class Ctx2D {
  canvas = { id: 'chart' }
  fill() {}
  clearRect() {}
}

const plainFill = Ctx2D.prototype.fill

afterEach(() => {
  stopAll()
  vi.unstubAllGlobals()
})

function setUp() {
  const logged: Array<{ self: unknown; args: unknown[] }> = []
  const pageConsole = {
    error(this: unknown, ...args: unknown[]) {
      logged.push({ self: this, args })
      return 'result'
    },
  }
  const plain = pageConsole.error
  vi.stubGlobal('console', pageConsole)
  vi.stubGlobal('window', { CanvasRenderingContext2D: Ctx2D })
  const changed: Array<[unknown, unknown]> = []
  const told: unknown[][] = []
  const c = {
    c: (n: unknown, cold: unknown) => void changed.push([n, cold]),
    g: patch,
    o: (a: unknown[]) => void told.push(a),
  } as unknown as Ctx
  watchUnseen(c)
  return { pageConsole, plain, logged, changed, told }
}

describe('watchUnseen', () => {
  it('tells the liveness watcher of each canvas drawing call (cold), not of a clear', () => {
    const { changed } = setUp()
    const g = new Ctx2D()
    g.clearRect()
    expect(changed).toEqual([])
    g.fill()
    expect(changed).toEqual([[g.canvas, true]])
  })

  it("hands console.error's arguments to the core, the page's call unchanged (same this, arguments, result)", () => {
    const { pageConsole, logged, told } = setUp()
    const err = new TypeError('x')
    expect(pageConsole.error('saving failed:', err)).toBe('result')
    expect(logged).toEqual([{ self: pageConsole, args: ['saving failed:', err] }])
    expect(told).toEqual([['saving failed:', err]])
    // Text alone goes too: the core finds no Error in it (see the click adapter).
    pageConsole.error('deprecated')
    expect(told[1]).toEqual(['deprecated'])
  })

  it('puts console.error and the drawing calls back on stop', () => {
    const { pageConsole, plain, told, changed } = setUp()
    expect(pageConsole.error).not.toBe(plain)
    expect(Ctx2D.prototype.fill).not.toBe(plainFill)
    stopAll()
    expect(pageConsole.error).toBe(plain)
    expect(Ctx2D.prototype.fill).toBe(plainFill)
    pageConsole.error('after stop')
    new Ctx2D().fill()
    expect(told).toEqual([])
    expect(changed).toEqual([])
  })

  it('never throws into the page when the core does', () => {
    const { pageConsole } = setUp()
    stopAll()
    const c = {
      c: () => {
        throw new Error('core')
      },
      g: patch,
      o: () => {
        throw new Error('core')
      },
    } as unknown as Ctx
    vi.stubGlobal('console', { ...pageConsole, warn: () => {} })
    watchUnseen(c)
    expect(() => console.error(new Error('page'))).not.toThrow()
    expect(() => new Ctx2D().fill()).not.toThrow()
  })
})
