import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stopAll } from '../core/registry'
import { ctx } from '../transport/queue'
import * as callbacks from '../api/callbacks'
import * as emitter from '../api/emit'
import * as activity from './activity'
import * as clicks from './clicks'

// The click adapter's error path against stand-ins for the browser: an error thrown or only
// logged in a click's own task chain is an error click, however late a busy page dispatched
// the click; text logged, or an Error logged after the chain, is not.
let clock: number
let verdicts: Array<{ type: string; ms: number; why: string }>
const win = Object.assign(new EventTarget(), {
  fetch() {},
  open() {},
  alert() {},
  confirm() {},
  prompt() {},
  print() {},
})
class FakeElement {
  localName = 'button'
  id = 'insure'
  classList = []
  parentElement = null
  getAttribute() {
    return null
  }
  closest(sel: string) {
    // Not ignored nor a text field (the NEVER list starts with the ignore attribute); actionable: a button.
    return sel.startsWith('[data-wince-ignore]') ? null : this
  }
  getRootNode() {
    return { id: 'document' }
  }
  contains(n: unknown) {
    return n === this
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout'] })
  clock = 1_000_000
  vi.stubGlobal('window', win)
  vi.stubGlobal('performance', { now: () => clock })
  vi.stubGlobal('location', { origin: 'https://shop.example', pathname: '/basket' })
  vi.stubGlobal('Element', FakeElement)
  vi.stubGlobal('XMLHttpRequest', class {})
  vi.stubGlobal('HTMLElement', class {})
  vi.stubGlobal(
    'MutationObserver',
    class {
      observe() {}
      disconnect() {}
    },
  )
  vi.stubGlobal('document', { getElementsByTagName: () => [] })
  emitter.start({ site: 'demo' })
  activity.start(clicks.answer)
  clicks.start()
  verdicts = []
  callbacks.on('signal', (s: { type: string; ms: number; why: string }) =>
    verdicts.push({ type: s.type, ms: s.ms, why: s.why }),
  )
})

afterEach(() => {
  clicks.stop()
  activity.stop()
  callbacks.stop()
  stopAll()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** The visitor presses at `pressedAt`; the page dispatches the click now (`clock`). */
function click(pressedAt: number) {
  const e = new Event('click')
  const el = new FakeElement()
  Object.defineProperties(e, {
    target: { value: el },
    detail: { value: 1 },
    timeStamp: { value: pressedAt },
    clientX: { value: 10 },
    clientY: { value: 20 },
    button: { value: 0 },
    composedPath: { value: () => [el] },
  })
  win.dispatchEvent(e)
}
const thrown = (name: string) => {
  const e = new Event('error')
  Object.defineProperty(e, 'error', { value: { name } })
  win.dispatchEvent(e)
}

describe('click adapter: error clicks', () => {
  it('ties an Error the page only logged in the click task chain to the click', () => {
    click(clock)
    ctx.o(['wish list:', new TypeError('x')])
    expect(verdicts).toEqual([{ type: 'error_click', ms: 0, why: 'error:TypeError' }])
    // Settled: errored, so not also dead.
    vi.advanceTimersByTime(1000)
    clock += 1000
    vi.runAllTimers()
    expect(verdicts).toHaveLength(1)
  })

  it('does not count text logged with console.error (the click is judged on its own: here dead)', () => {
    click(clock)
    ctx.o(['coupons: the v1 endpoint is deprecated'])
    clock += 1000
    vi.runAllTimers()
    expect(verdicts.map((v) => v.type)).toEqual(['dead_click'])
  })

  it('does not count an Error logged after the click task chain (a failed report 300 ms later)', () => {
    click(clock)
    vi.advanceTimersByTime(0) // the next task: the chain is over
    clock += 300
    ctx.o([new Error('report failed')])
    expect(verdicts).toEqual([])
  })

  it('ties an error thrown in the click task chain however late a busy page dispatched the click', () => {
    // Pressed 1.5 s ago, dispatched only now (a long task held the page): its handler throws.
    click(clock - 1500)
    thrown('TypeError')
    expect(verdicts).toEqual([{ type: 'error_click', ms: 0, why: 'error:TypeError' }])
  })

  it('ties an uncaught error after the chain within 1 s of the press, not later', () => {
    click(clock)
    vi.advanceTimersByTime(0)
    clock += 400
    thrown('RangeError')
    expect(verdicts).toEqual([{ type: 'error_click', ms: 400, why: 'error:RangeError' }])
    click(clock)
    vi.advanceTimersByTime(0)
    clock += 1200
    thrown('RangeError')
    expect(verdicts).toHaveLength(1)
  })
})

describe('click adapter: answers of a click dispatched late', () => {
  it("counts an answer in the click's own task chain as at once, however late a busy page dispatched the click", () => {
    // Pressed 1.5 s ago, dispatched only now: its handler starts a request (an answer).
    click(clock - 1500)
    activity.mark()
    vi.advanceTimersByTime(1000)
    clock += 1000
    vi.runAllTimers()
    expect(verdicts).toEqual([])
  })

  it('still calls it dead when the answer comes after its task chain and more than 1 s after the press', () => {
    click(clock - 1500)
    vi.advanceTimersByTime(0) // the chain is over
    clock += 10
    activity.mark()
    clock += 1000
    vi.runAllTimers()
    expect(verdicts.map((v) => v.type)).toEqual(['dead_click'])
  })

  it("counts a control's value set by the click's handler as at once, however late the click came (a stepper)", () => {
    const field = { value: '1', checked: false }
    vi.stubGlobal('document', { getElementsByTagName: (tag: string) => (tag == 'input' ? [field] : []) })
    click(clock - 1500)
    field.value = '2'
    vi.advanceTimersByTime(0) // the chain ends: the value is compared
    clock += 1000
    vi.runAllTimers()
    expect(verdicts).toEqual([])
  })
})
