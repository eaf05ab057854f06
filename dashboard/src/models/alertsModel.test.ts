import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { hc } from 'hono/client'
import type { Alert, ApiType } from '@wince/collector'
import { effect } from '@preact/signals'
import { BATCH_MS, createAlertsModel, type StreamLike } from './alertsModel.ts'

const alert = (id: string, ts: number): Alert => ({
  id,
  site: 'demo',
  session: `sess-${id}`,
  pageView: 'pv',
  url: 'http://localhost:3000/shop',
  ts,
  score: 7,
  reasons: [{ type: 'rage_click', sel: 'button#buy', lb: 'button', t: ts, n: 5, pts: 4 }],
})

/** Stands in for EventSource: the test fires its events. */
class FakeStream implements StreamLike {
  readyState = 0
  onerror: ((ev: Event) => unknown) | null = null
  closed = false
  private _listeners = new Map<string, Array<(ev: MessageEvent<string>) => void>>()
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void) {
    this._listeners.set(type, [...(this._listeners.get(type) ?? []), listener])
  }
  close() {
    this.closed = true
    this.readyState = 2
  }
  emit(type: string, data = '{}') {
    for (const l of this._listeners.get(type) ?? []) l(new MessageEvent(type, { data }))
  }
  fail(readyState: number) {
    this.readyState = readyState
    this.onerror?.(new Event('error'))
  }
}

let recent: Alert[]
let requests: string[]
let streams: FakeStream[]

function setup(extra: Partial<Parameters<typeof createAlertsModel>[0]> = {}) {
  const api = hc<ApiType>('http://dash.test/api', {
    fetch: async (input: RequestInfo | URL) => {
      requests.push(String(input))
      return Response.json({ alerts: recent })
    },
  })
  return createAlertsModel({
    api,
    retryMs: 1_000,
    openStream: (url) => {
      const s = new FakeStream(url)
      streams.push(s)
      return s
    },
    ...extra,
  })
}

const ids = (list: readonly Alert[]) => list.map((a) => a.id)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_750_000_000_000 })
  recent = [alert('b', 1_749_999_990_000), alert('a', 1_749_999_980_000)]
  requests = []
  streams = []
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('alertsModel', () => {
  it('loads recent alerts of the range, then prepends streamed ones once each', async () => {
    const model = setup()
    const stop = model.watch('demo', 3_600_000)
    expect(streams[0]!.url).toBe('http://dash.test/api/alerts/stream?site=demo')
    expect(requests[0]).toBe(`http://dash.test/api/alerts?site=demo&from=${1_750_000_000_000 - 3_600_000}`)
    await vi.waitFor(() => expect(ids(model.alerts.value)).toEqual(['b', 'a']))
    expect(model.status.value).toBe('connecting')

    streams[0]!.emit('ready')
    expect(model.status.value).toBe('live')
    streams[0]!.emit('alert', JSON.stringify(alert('c', 1_750_000_000_000)))
    streams[0]!.emit('alert', JSON.stringify(alert('c', 1_750_000_000_000)))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    streams[0]!.emit('alert', 'not json')
    vi.advanceTimersByTime(BATCH_MS)
    expect(warn).toHaveBeenCalledOnce()
    expect(ids(model.alerts.value)).toEqual(['c', 'b', 'a'])
    expect(model.arrivedLive('c')).toBe(true)
    expect(model.arrivedLive('a')).toBe(false)

    stop()
    expect(streams[0]!.closed).toBe(true)
    expect(model.status.value).toBe('off')
  })

  it('shows reconnecting on error and reopens a stream the browser closed', () => {
    const model = setup()
    const stop = model.watch('demo', 3_600_000)
    streams[0]!.emit('ready')
    streams[0]!.fail(0) // EventSource.CONNECTING: the browser retries by itself
    expect(model.status.value).toBe('reconnecting')
    vi.advanceTimersByTime(1_000)
    expect(streams).toHaveLength(1)

    streams[0]!.fail(2) // EventSource.CLOSED: the browser gave up
    vi.advanceTimersByTime(1_000)
    expect(streams).toHaveLength(2)
    streams[1]!.emit('ready')
    expect(model.status.value).toBe('live')
    stop()
  })

  it('ignores a stream it stopped watching', async () => {
    const model = setup()
    const stop = model.watch('demo', 3_600_000)
    const old = streams[0]!
    stop()
    model.watch('other', 3_600_000)
    old.emit('alert', JSON.stringify(alert('z', 1_750_000_000_000)))
    expect(ids(model.alerts.value)).not.toContain('z')
  })

  it('applies state changes from the stream, announces only new live alerts, and hands on offers', async () => {
    const arrived: string[] = []
    const offers: string[] = []
    const answers: string[] = []
    const model = setup({
      onArrive: (a) => arrived.push(a.id),
      onOffer: (o) => offers.push(`${o.session}:${o.id}`),
      onOfferAnswer: (a) => answers.push(`${a.offerId}:${a.answer}`),
    })
    const stop = model.watch('demo', 3_600_000)
    await vi.waitFor(() => expect(ids(model.alerts.value)).toEqual(['b', 'a']))
    const s = streams[0]!
    s.emit('alert', JSON.stringify(alert('c', 1_750_000_000_000)))
    s.emit('alert', JSON.stringify(alert('b', 1_749_999_990_000)))
    vi.advanceTimersByTime(BATCH_MS)
    expect(arrived).toEqual(['c'])

    s.emit(
      'alert-update',
      JSON.stringify({ alertId: 'a', state: 'claimed', by: 'ana', note: '', at: 5, site: 'demo', session: 'sess-a' }),
    )
    expect(model.alerts.value.find((x) => x.id === 'a')).toMatchObject({ state: 'claimed', stateBy: 'ana' })

    s.emit(
      'offer',
      JSON.stringify({ id: 'o1', message: 'Need help?', by: 'ana', at: 6, site: 'demo', session: 'sess-a' }),
    )
    s.emit(
      'offer-answer',
      JSON.stringify({ offerId: 'o1', answer: 'accepted', at: 7, site: 'demo', session: 'sess-a' }),
    )
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    s.emit('offer-answer', JSON.stringify({ offerId: 'o1', answer: 'maybe' }))
    expect(warn).toHaveBeenCalledOnce()
    expect(offers).toEqual(['sess-a:o1'])
    expect(answers).toEqual(['o1:accepted'])

    // A reload on reconnect keeps the state set live rather than the stored one.
    s.emit('ready')
    await vi.waitFor(() => expect(requests).toHaveLength(2))
    await Promise.resolve()
    expect(model.alerts.value.find((x) => x.id === 'a')?.state).toBe('claimed')
    stop()
  })

  it('applies a flood of live alerts in batches, announcing once per batch, and help requests each', async () => {
    const arrived: string[] = []
    const helped: string[] = []
    const model = setup({ onArrive: (a) => arrived.push(a.id), onHelp: (a) => helped.push(a.id) })
    const stop = model.watch('demo', 3_600_000)
    await vi.waitFor(() => expect(ids(model.alerts.value)).toEqual(['b', 'a']))
    let updates = 0
    const dispose = effect(() => {
      void model.alerts.value
      updates++
    })
    updates = 0
    for (let i = 0; i < 1_000; i++) streams[0]!.emit('alert', JSON.stringify(alert(`f${i}`, 1_750_000_000_000 + i)))
    streams[0]!.emit(
      'help',
      JSON.stringify({ ...alert('a', 1_749_999_980_000), help: 'requested', helpAt: 1_750_000_000_500 }),
    )
    expect(updates).toBe(0)
    vi.advanceTimersByTime(BATCH_MS)
    expect(updates).toBe(1)
    expect(arrived).toEqual(['f999'])
    expect(helped).toEqual(['a'])
    expect(model.alerts.value.find((x) => x.id === 'a')).toMatchObject({ help: 'requested', helpAt: 1_750_000_000_500 })
    // The same help request again (a reconnect's replay) calls no one.
    streams[0]!.emit(
      'help',
      JSON.stringify({ ...alert('a', 1_749_999_980_000), help: 'requested', helpAt: 1_750_000_000_500 }),
    )
    vi.advanceTimersByTime(BATCH_MS)
    expect(helped).toEqual(['a'])
    dispose()
    stop()
  })
})
