import type { Beacon, WireEvent } from '@wince/snippet/wire'

/** A user agent of an ordinary desktop Chrome. */
export const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'

let counter = 0
/** A unique event id. */
export const eventId = (prefix = 'e') => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`

/** A signal event with sensible defaults. */
export function signal(overrides: Partial<Extract<WireEvent, { k: 'signal' }>> = {}): WireEvent {
  return {
    k: 'signal',
    id: eventId(),
    t: Date.now(),
    u: 'http://localhost:5173/shop',
    type: 'dead_click',
    sel: 'button#buy',
    lb: 'button',
    x: 10,
    y: 20,
    n: 1,
    ms: 1500,
    why: 'no-response',
    ...overrides,
  }
}

/** A beacon of `events` for the demo site. */
export function beaconOf(events: WireEvent[], session = eventId('s')): Beacon {
  return { v: 1, s: 'demo', sid: session, pv: eventId('pv'), ev: events }
}

/** A `Request` init posting a beacon the way the snippet does. */
export function postInit(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin: 'http://localhost:5173', 'user-agent': BROWSER_UA, ...headers },
    body:
      typeof body === 'string' || body instanceof Uint8Array
        ? (body as NonNullable<RequestInit['body']>)
        : JSON.stringify(body),
  }
}
