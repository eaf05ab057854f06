import { WIRE_VERSION, type Beacon, type WireEvent } from '../wire'
import type { Ctx, Head } from '../ext/Ctx'
import { cleanups, listen } from '../core/registry'
import { noop } from '../core/guard'
import { fire } from '../api/callbacks'
import { rid } from '../core/rid'

/** Batch age before it is sent: a few seconds keeps requests rare while the dashboard stays near live. */
export const FLUSH_MS = 5000

/** Batch size that is sent at once: a busy page should not sit on many events. */
export const BATCH_MAX_EVENTS = 50

/**
 * Longest body, in UTF-16 units. A unit is at most 3 bytes of UTF-8, so 20,000 stays
 * under the 60 KB per body of the unload budget (keepalive allows 64 KB in flight).
 */
export const BODY_MAX_CHARS = 20_000

let q: WireEvent[] = []
let timer: ReturnType<typeof setTimeout> | undefined
let url = ''
/** The beacon head; chunks read it too (site, session, current page view). */
export const head = { v: WIRE_VERSION } as Head
let dnt: boolean | undefined

/**
 * The context chunks get (`wince('x', name, factory)` calls `factory(ctx)`). The transport
 * keeps its own state in it (`a`: sending allowed, `f`: the page's fetch) so that chunks
 * send under the same consent; the signal pipeline sets `z`.
 */
export const ctx = { u: [] as unknown[], h: head, q: push, p: fire, x: cleanups } as Ctx

/**
 * Starts the transport (`endpoint` without a trailing slash). Captures `fetch` before the liveness watcher wraps it, so the
 * snippet's own beacons never count as the page answering a click.
 */
export function start(endpoint: string, site: string, sid: string): void {
  url = endpoint + '/v1/collect'
  head.s = site
  head.sid = sid
  ctx.f = fetch.bind(window)
  // Global Privacy Control is not in the DOM's types yet; absent, it reads undefined.
  const n = navigator as Navigator & { globalPrivacyControl?: boolean }
  // Do-Not-Track / Global Privacy Control: nothing leaves the page, whatever consent says.
  dnt = (n.doNotTrack as unknown) == 1 || n.globalPrivacyControl
  ctx.a = !dnt
  listen(window, 'pagehide', () => flush(true))
  listen(window, 'visibilitychange', () => document.hidden && flush(true))
}

/** Sends what is queued, then forgets everything. */
export function stop(): void {
  // Leaves nothing queued and no timer: flush empties both. Chunks may still try to send.
  flush(true)
  ctx.a = false
}

/** Consent on or off; off drops what is queued. DNT/GPC cannot be overridden. */
export function consent(on: boolean): void {
  if (!(ctx.a = on && !dnt)) q = []
}

/** A new page view, with a new id: what is queued belongs to the previous one. */
export function newPageView(): void {
  flush()
  head.pv = rid()
}

/** Queues an event; `now` sends the batch at once (struggle alerts). */
export function push(e: WireEvent, now?: boolean): void {
  if (!ctx.a) return
  q.push(e)
  if (now || q.length >= BATCH_MAX_EVENTS) flush()
  else timer ||= setTimeout(flush, FLUSH_MS)
}

/** Sends the batch; on unload through sendBeacon, else fetch keepalive. */
export function flush(unload?: boolean): void {
  // clearTimeout returns undefined (typed void): the timer is gone and `timer` empty in one statement.
  timer = clearTimeout(timer) as undefined
  if (q.length) send(q.splice(0), unload)
}

function send(ev: WireEvent[], unload?: boolean): void {
  // `ct`: the page's clock as it sends, so the collector can put events on its own clock.
  const body = JSON.stringify({ ...head, t: Date.now(), ev } satisfies Beacon)
  if (body.length > BODY_MAX_CHARS && ev.length > 1) {
    // The first half, then what is left in `ev`.
    send(ev.splice(0, ev.length >> 1), unload)
    send(ev, unload)
  } else if (!(unload && navigator.sendBeacon(url, body)))
    // A string body goes as text/plain;charset=UTF-8 (both here and in sendBeacon): a
    // CORS-safelisted type, so no preflight, and no header or Blob to ship.
    ctx.f(url, { method: 'POST', body, keepalive: true }).catch(noop)
}
