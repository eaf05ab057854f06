import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stopAll } from '../core/registry'
import { BACKGROUND_QUIET_MS, BACKGROUND_RECENT_MS, clicked, start, stop, watch } from './activity'
import { ctx } from '../transport/queue'

// The liveness watcher against stand-ins for the few browser globals it touches: what
// counts as the page answering a click, and what does not.
let marks: Array<{ selection?: boolean; focus?: unknown }>
let observed: (records: unknown[]) => void
let targets: unknown[]
let clock: number
let fields: Array<{ value: string; checked?: boolean }>
class Ctx2D {
  canvas = { id: 'canvas' }
  fillRect() {}
}
const win = Object.assign(new EventTarget(), {
  fetch() {},
  open() {},
  alert() {},
  confirm() {},
  prompt() {},
  print() {},
  CanvasRenderingContext2D: Ctx2D,
})

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout'] })
  vi.stubGlobal('window', win)
  vi.stubGlobal('performance', { now: () => clock })
  vi.stubGlobal(
    'XMLHttpRequest',
    class {
      send() {}
    },
  )
  vi.stubGlobal(
    'HTMLElement',
    class {
      click() {}
    },
  )
  vi.stubGlobal(
    'MutationObserver',
    class {
      constructor(cb: typeof observed) {
        observed = cb
      }
      observe(n: unknown) {
        targets.push(n)
      }
      disconnect() {
        targets = []
      }
    },
  )
  fields = [{ value: '1', checked: false }]
  vi.stubGlobal('document', { id: 'document', getElementsByTagName: (tag: string) => (tag == 'input' ? fields : []) })
  marks = []
  targets = []
  // Each test starts later than the last: the watcher keeps the visitor's last input time across tests.
  clock = (clock || 0) + 1_000_000
  start((_t, selection, focus) => void marks.push({ selection, focus }))
})

afterEach(() => {
  watch()
  stopAll()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** A node as a mutation record's target: an element in <head> or elsewhere, or a text node (no `closest`). */
const node = (inHead?: boolean) =>
  inHead === undefined ? {} : { closest: (s: string) => (s.startsWith('head') && inHead ? {} : null) }
/** A mutation record on `target` adding `added`, or taking away `removed` (an element matching `ignored` or not). */
const record = (target: unknown, added?: { ignored: boolean }, removed?: { ignored: boolean }) => ({
  target,
  attributeName: null,
  addedNodes: added ? [{ matches: (s: string) => added.ignored && s == '[data-wince-ignore]' }] : [],
  removedNodes: removed ? [{ matches: (s: string) => removed.ignored && s == '[data-wince-ignore]' }] : [],
})
/** A mutation record of an attribute (a class) changed on `target`. */
const attr = (target: unknown) => ({ ...record(target), attributeName: 'class' })
const event = (type: string, target?: EventTarget) => {
  const e = new Event(type)
  if (target) Object.defineProperty(e, 'target', { value: target })
  // On the stubbed clock, as a browser's events are on performance.now()'s.
  Object.defineProperty(e, 'timeStamp', { value: clock })
  win.dispatchEvent(e)
}
/** A click waits for its answer (the click adapter's call). */
const waitForAnswer = () => watch({ id: 'shadow root' } as unknown as Node)

describe('liveness', () => {
  it('counts click() from script: a download through a detached link, a hidden file input', () => {
    ;new (globalThis.HTMLElement as unknown as new () => { click(): void })().click()
    expect(marks).toHaveLength(1)
  })

  it('counts a navigation starting (beforeunload), not hash or history events of the same page', () => {
    for (const type of ['hashchange', 'popstate', 'pagehide']) event(type)
    expect(marks).toHaveLength(0)
    event('beforeunload')
    expect(marks).toHaveLength(1)
  })

  it('counts network, dialogs and new windows', () => {
    win.fetch()
    ;new (globalThis.XMLHttpRequest as unknown as new () => { send(): void })().send()
    win.confirm()
    win.open()
    expect(marks).toHaveLength(4)
  })

  it('does not count a submit (prevented or not: a real one navigates) nor an element losing focus; counts the window losing it', () => {
    event('submit', {} as EventTarget)
    event('blur', {} as EventTarget)
    expect(marks).toHaveLength(0)
    event('blur')
    expect(marks).toHaveLength(1)
  })

  it('tells the click adapter where focus went (focus on the clicked element is no answer there)', () => {
    const button = {} as EventTarget
    event('focusin', button)
    expect(marks).toEqual([{ selection: false, focus: button }])
  })

  it("does not count focus or input inside an ignored element (Wince's help panel focusing its button)", () => {
    const inside = (ignored: boolean) => ({
      closest: (s: string) => (ignored && s == '[data-wince-ignore]' ? {} : null),
    })
    event('focusin', inside(true) as unknown as EventTarget)
    event('input', inside(true) as unknown as EventTarget)
    expect(marks).toHaveLength(0)
    const field = inside(false) as unknown as EventTarget
    event('focusin', field)
    expect(marks).toEqual([{ selection: false, focus: field }])
  })

  it('ignores mutations inside <head> (injected scripts and styles), counts any elsewhere, only while a click waits', () => {
    observed([record(node(false))])
    expect(marks).toHaveLength(0)
    waitForAnswer()
    observed([record(node(true)), record(node(true), { ignored: false })])
    expect(marks).toHaveLength(0)
    observed([record(node(true)), record(node(false))])
    observed([record(node())])
    expect(marks).toHaveLength(2)
  })

  it("ignores an ignored element appearing (Wince's own help panel), not other elements", () => {
    waitForAnswer()
    observed([record(node(false), { ignored: true })])
    expect(marks).toHaveLength(0)
    observed([record(node(false), { ignored: false })])
    expect(marks).toHaveLength(1)
  })

  it('ignores an ignored element leaving (the frame rrweb borrows prototypes from), not other elements', () => {
    waitForAnswer()
    observed([record(node(false), undefined, { ignored: true })])
    expect(marks).toHaveLength(0)
    observed([record(node(false), undefined, { ignored: false })])
    expect(marks).toHaveLength(1)
  })

  it('learns a clock ticking on its own as background: its ticks answer no click, other changes still do', () => {
    const clockText = node(false)
    for (let i = 0; i < 3; i++) {
      clock += 1000
      observed([record(clockText)])
    }
    waitForAnswer()
    clock += 500
    observed([record(clockText)])
    expect(marks).toHaveLength(0)
    observed([record(node(false))])
    expect(marks).toHaveLength(1)
  })

  it('does not learn what changes right after the visitor acts, nor a single late load, and forgets an old habit', () => {
    const list = node(false)
    event('pointerdown')
    clock += 500
    observed([record(list)])
    clock += 500
    observed([record(list)])
    clock += BACKGROUND_QUIET_MS
    observed([record(list)]) // once on its own: a late load
    waitForAnswer()
    observed([record(list)])
    expect(marks).toHaveLength(1)
    watch()
    clock += 1000
    observed([record(list)]) // twice: a habit
    waitForAnswer()
    observed([record(list)])
    expect(marks).toHaveLength(1)
    clock += BACKGROUND_RECENT_MS
    observed([record(list)])
    expect(marks).toHaveLength(2)
  })

  it('does not learn what a hover changes: pointer moves mark the visitor at work through the context (the boot chunk stamps them)', () => {
    const menu = node(false)
    // A submenu opening and closing under a gliding pointer, twice, seconds apart: no press, no key.
    for (let i = 0; i < 2; i++) {
      clock += 3000
      ctx.i = clock - 100 // a move 100 ms earlier, as the boot chunk's pointer listener stamps it
      observed([record(menu)])
    }
    waitForAnswer()
    observed([record(menu)])
    expect(marks).toHaveLength(1)
    // The same changes with the pointer still (no move for 3 s each time) are the page's habit.
    const clockFace = node(false)
    watch()
    marks = []
    for (let i = 0; i < 2; i++) {
      clock += 3000
      observed([record(clockFace)])
    }
    waitForAnswer()
    observed([record(clockFace)])
    expect(marks).toHaveLength(0)
  })

  it('counts a background node changed by the click\'s own task chain (a carousel\'s own "next")', () => {
    const track = node(false)
    for (let i = 0; i < 2; i++) {
      clock += 3000
      observed([record(track)])
    }
    waitForAnswer()
    clicked()
    observed([record(track)])
    expect(marks).toHaveLength(1)
    vi.runAllTimers()
    observed([record(track)])
    expect(marks).toHaveLength(1)
  })

  it("counts a child of a background node as background (a carousel's slides)", () => {
    const track = node(false)
    for (let i = 0; i < 2; i++) {
      clock += 3000
      observed([record(track)])
    }
    waitForAnswer()
    observed([record({ parentNode: track })])
    expect(marks).toHaveLength(0)
  })

  it('counts a canvas redraw while a click waits, not an animation running before it', () => {
    // The boot chunk reports each drawing call through the context (`watchUnseen`).
    const canvas = { id: 'canvas' } as unknown as Node
    waitForAnswer()
    ctx.c(canvas, true)
    expect(marks).toHaveLength(1)
    watch()
    const anim = { id: 'spinner' } as unknown as Node
    clock += BACKGROUND_QUIET_MS
    for (let i = 0; i < 3; i++) {
      clock += 300
      ctx.c(anim, true)
    }
    waitForAnswer()
    ctx.c(anim, true)
    expect(marks).toHaveLength(1)
  })

  it('learns a canvas redrawn every frame (16 ms apart, never pausing) as background, and still counts another canvas', () => {
    const spinner = { id: 'spinner' } as unknown as Node
    clock += BACKGROUND_QUIET_MS
    // 1.5 s of frames: changes this close together were one endless moment, never a habit.
    for (let i = 0; i < 94; i++) {
      clock += 16
      ctx.c(spinner, true)
    }
    waitForAnswer()
    clicked()
    // A frame within the click's own task chain, and after it: neither answers.
    clock += 16
    ctx.c(spinner, true)
    vi.runAllTimers()
    clock += 16
    ctx.c(spinner, true)
    expect(marks).toHaveLength(0)
    ctx.c({ id: 'chart' } as unknown as Node, true)
    expect(marks).toHaveLength(1)
  })

  it('learns an element restyled every frame as background, not one changed for 200 ms (one moment: a render)', () => {
    const bar = node(false)
    const once = node(false)
    clock += BACKGROUND_QUIET_MS
    for (let i = 0; i < 40; i++) {
      clock += 16
      observed([record(bar)])
    }
    clock += 1000
    for (let i = 0; i < 12; i++) {
      clock += 16
      observed([record(once)])
    }
    waitForAnswer()
    clock += 100
    observed([record(bar)])
    expect(marks).toHaveLength(0)
    observed([record(once)])
    expect(marks).toHaveLength(1)
  })

  it('learns a carousel moving its class from slide to slide as background, each slide changing once (attributes teach the parent)', () => {
    const carousel = { id: 'carousel' }
    const slides = [0, 1, 2].map((i) => ({ ...node(false), id: `slide ${i}`, parentNode: carousel }))
    clock += BACKGROUND_QUIET_MS
    // Slide 0 leaves and slide 1 comes in; 1.4 s later slide 1 leaves and slide 2 comes in.
    clock += 1400
    observed([attr(slides[0]), attr(slides[1])])
    clock += 1400
    observed([attr(slides[1]), attr(slides[2])])
    waitForAnswer()
    clock += 1400
    // The next tick, after the click's task chain: slide 2 leaves, slide 0 comes in (each seen only once before).
    observed([attr(slides[2]), attr(slides[0])])
    expect(marks).toHaveLength(0)
    // The click's own "next" (its task chain) still answers.
    clicked()
    observed([attr(slides[0])])
    // One answer, told twice (the slide, and its parent changing with it): the click takes the first.
    expect(marks).toHaveLength(2)
    vi.runAllTimers()
  })

  it('does not learn a parent from text changes of its children (a clock beside a status line), and counts the status line', () => {
    const header = { id: 'header' }
    const clockText = { ...node(false), parentNode: header }
    const status = { ...node(false), parentNode: header }
    clock += BACKGROUND_QUIET_MS
    for (let i = 0; i < 3; i++) {
      clock += 1000
      observed([record(clockText)])
    }
    waitForAnswer()
    clock += 300
    observed([record(clockText)])
    expect(marks).toHaveLength(0)
    observed([record(status)])
    expect(marks).toHaveLength(1)
  })

  it('takes an attribute change on a node already out of the page (no parent) without throwing', () => {
    clock += BACKGROUND_QUIET_MS
    expect(() => observed([attr({ ...node(false), parentNode: null })])).not.toThrow()
    waitForAnswer()
    expect(() => observed([attr({ ...node(false), parentNode: null })])).not.toThrow()
    expect(marks).toHaveLength(2)
  })

  it("counts a form control's value or checked state set from script by the click's task chain, not an unchanged one", () => {
    clicked()
    vi.runAllTimers()
    expect(marks).toHaveLength(0)
    clicked()
    fields[0]!.value = '2' // a stepper's "+"
    vi.runAllTimers()
    expect(marks).toHaveLength(1)
    clicked()
    fields[0]!.checked = true
    vi.runAllTimers()
    expect(marks).toHaveLength(2)
  })

  it('observes the document from the start and the shadow root a click landed in, until stopped', () => {
    const shadow = { id: 'shadow root' }
    watch(shadow as unknown as Node)
    expect(targets).toEqual([document, shadow])
    stop()
    expect(targets).toEqual([])
  })
})
