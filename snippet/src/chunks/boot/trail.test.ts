// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Ctx } from '../../ext/Ctx'
import type { SiteSettings, TrailBody } from '../../wire'
import { TRAIL_AFTER_MS, TRAIL_WINDOW_MS, trail } from './trail'
import { hub } from './hub'
import { THRASH_SAMPLE_MS, watchMotion } from './watchMotion'

/** The page API as the core answers chunks: `on` subscriptions kept by topic. */
function setup(st: Partial<SiteSettings> | undefined) {
  const subs: Record<string, Array<(d: unknown) => void>> = {}
  vi.stubGlobal(
    'wince',
    (cmd: string, topic: string, cb: (d: unknown) => void) => cmd == 'on' && (subs[topic] ||= []).push(cb),
  )
  const posted: Array<{ url: string; body: TrailBody }> = []
  const c = {
    h: { v: 1, s: 'shop', sid: 'sess1', pv: 'pv1' },
    st: st as SiteSettings | undefined,
    a: true,
    x: [],
    // The page's fetch: the trail goes uncompressed on the way out, gzipped otherwise.
    f: async (url: string, init: RequestInit) => {
      const raw =
        typeof init.body == 'string'
          ? init.body
          : await new Response(
              new Blob([init.body as ArrayBuffer]).stream().pipeThrough(new DecompressionStream('gzip')),
            ).text()
      posted.push({ url, body: JSON.parse(raw) as TrailBody })
      return new Response(null, { status: 202 })
    },
  } as unknown as Ctx
  const struggle = (id: string) => {
    c.z = { id, t: Date.now() }
    for (const cb of subs.struggle ?? []) cb({})
  }
  return { c, posted, struggle }
}

const fire = (target: EventTarget, type: string, init: Record<string, unknown> = {}) => {
  const e = new Event(type, { bubbles: true })
  for (const [k, v] of Object.entries(init)) Object.defineProperty(e, k, { value: v })
  target.dispatchEvent(e)
}

describe('the rolling trail', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] })
    document.body.innerHTML = '<form><input name="email"><button id="pay">Pay</button></form>'
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('sends the last minute once, a moment after the alert: moves thinned, clicks and fields by selector, no value', async () => {
    const { c, posted, struggle } = setup({ replay: 'tok' })
    const sub = hub(c)
    // The cursor comes from the motion detectors' samples, as in the boot chunk.
    watchMotion(c, sub, trail(c, '', sub)[1])
    const input = document.querySelector('input')!
    const pay = document.querySelector('#pay')!
    // Old steps fall out of the window.
    fire(document.body, 'click', { clientX: 1, clientY: 1 })
    vi.advanceTimersByTime(TRAIL_WINDOW_MS + 10_000)
    for (let i = 0; i < 10; i++) {
      fire(document.body, 'pointermove', { clientX: 10 + i, clientY: 20, pointerType: 'mouse', buttons: 0 })
      vi.advanceTimersByTime(THRASH_SAMPLE_MS / 2)
    }
    // Every move, sampled or not, marks the visitor at work for the liveness watcher (its `timeStamp`).
    expect(c.i).toBeGreaterThan(0)
    const lastMove = c.i
    fire(document.body, 'pointermove', { clientX: 20, clientY: 20, pointerType: 'mouse', buttons: 0 })
    expect(c.i).toBeGreaterThan(lastMove!)
    fire(input, 'focusin')
    input.value = 'secret typed'
    fire(input, 'input')
    for (let i = 0; i < 3; i++) fire(pay, 'click', { clientX: 300, clientY: 200 })
    struggle('alert1')
    expect(posted).toHaveLength(0)
    vi.advanceTimersByTime(TRAIL_AFTER_MS)
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    const { url, body } = posted[0]!
    expect(url).toMatch(/\/v1\/trail$/)
    expect(body).toMatchObject({ v: 1, s: 'shop', sid: 'sess1', pv: 'pv1', seq: 0, alert: 'alert1', rt: 'tok' })
    const kinds = body.ev.map((s) => s[1]).join('')
    // The scroll it starts at, 6 of the 11 moves (one per sample), focus, input, three clicks; not the click that fell out of the window.
    expect(kinds).toBe('smmmmmmficcc')
    expect(body.ev.find((s) => s[1] == 'c')!.slice(2)).toEqual([300, 200, 'button#pay'])
    expect(body.ev.find((s) => s[1] == 'i')).toEqual([expect.any(Number), 'i', 0, 0, 'input[name="email"]'])
    expect(JSON.stringify(body)).not.toContain('secret')
    // The same alert again, or the page leaving: nothing more.
    struggle('alert1')
    fire(window, 'pagehide')
    vi.advanceTimersByTime(TRAIL_AFTER_MS)
    expect(posted).toHaveLength(1)
  })

  it('sends nothing for a site that does not record, nor for an earlier page’s alert; the settings coming late send it', async () => {
    const { c, posted, struggle } = setup(undefined)
    const [settingsCame] = trail(c, '', hub(c))
    fire(document.body, 'click', { clientX: 5, clientY: 5 })
    // An earlier page's alert (in `z` from the session) is not this page's.
    c.z = { id: 'old', t: Date.now() }
    fire(window, 'pagehide')
    settingsCame()
    vi.advanceTimersByTime(TRAIL_AFTER_MS)
    expect(posted).toHaveLength(0)
    struggle('a2')
    vi.advanceTimersByTime(TRAIL_AFTER_MS)
    expect(posted).toHaveLength(0)
    c.st = { recording: 'struggle', replay: 'tok' } as SiteSettings
    settingsCame()
    vi.advanceTimersByTime(TRAIL_AFTER_MS)
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    expect(posted[0]!.body.alert).toBe('a2')
    const off = setup({ recording: 'off' })
    trail(off.c, '', hub(off.c))
    off.struggle('a3')
    vi.advanceTimersByTime(TRAIL_AFTER_MS)
    expect(off.posted).toHaveLength(0)
  })
})
