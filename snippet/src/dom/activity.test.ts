import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stopAll } from '../core/registry'
import { start, watch } from './activity'

// The liveness watcher against stand-ins for the few browser globals it touches: what
// counts as the page answering a click, and what does not.
let marks: number
let observed: (records: unknown[]) => void
let targets: unknown[]
const win = Object.assign(new EventTarget(), { fetch() {}, open() {}, alert() {}, confirm() {}, prompt() {}, print() {} })

beforeEach(() => {
  vi.stubGlobal('window', win)
  vi.stubGlobal('XMLHttpRequest', class { send() {} })
  vi.stubGlobal('HTMLElement', class { click() {} })
  vi.stubGlobal('MutationObserver', class {
    constructor(cb: typeof observed) { observed = cb }
    observe(n: unknown) { targets.push(n) }
    disconnect() { targets = [] }
  })
  vi.stubGlobal('document', { id: 'document' })
  marks = 0
  targets = []
  start(() => void marks++)
})

afterEach(() => {
  stopAll()
  vi.unstubAllGlobals()
})

/** A node as a mutation record's target: an element in <head> or elsewhere, or a text node (no `closest`). */
const node = (inHead?: boolean) => (inHead === undefined ? {} : { closest: (s: string) => (s == 'head' && inHead ? {} : null) })
/** A mutation record on `target` adding `added` (an element matching `ignored` or not). */
const record = (target: unknown, added?: { ignored: boolean }) => ({
  target,
  addedNodes: added ? [{ matches: (s: string) => added.ignored && s == '[data-wince-ignore]' }] : [],
})

describe('liveness', () => {
  it('counts click() from script: a download through a detached link, a hidden file input', () => {
    new (globalThis.HTMLElement as unknown as new () => { click(): void })().click()
    expect(marks).toBe(1)
  })

  it('counts a navigation starting (beforeunload), not hash or history events of the same page', () => {
    for (const type of ['hashchange', 'popstate', 'pagehide']) win.dispatchEvent(new Event(type))
    expect(marks).toBe(0)
    win.dispatchEvent(new Event('beforeunload'))
    expect(marks).toBe(1)
  })

  it('counts network, dialogs and new windows', () => {
    win.fetch()
    new (globalThis.XMLHttpRequest as unknown as new () => { send(): void })().send()
    win.confirm()
    win.open()
    expect(marks).toBe(4)
  })

  it('ignores mutations inside <head> (injected scripts and styles), counts any elsewhere', () => {
    observed([record(node(true)), record(node(true), { ignored: false })])
    expect(marks).toBe(0)
    observed([record(node(true)), record(node(false))])
    observed([record(node())])
    expect(marks).toBe(2)
  })

  it("ignores an ignored element appearing (Wince's own help panel), not other elements", () => {
    observed([record(node(false), { ignored: true })])
    expect(marks).toBe(0)
    observed([record(node(false), { ignored: false })])
    expect(marks).toBe(1)
  })

  it('watches the document and the shadow root a click landed in, until told to stop', () => {
    const shadow = { id: 'shadow root' }
    watch(shadow as unknown as Node)
    expect(targets).toEqual([document, shadow])
    watch()
    expect(targets).toEqual([])
  })
})
