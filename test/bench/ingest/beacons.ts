import { WIRE_VERSION, type Beacon, type SignalType } from '@wince/snippet/wire'

/** Events per beacon: a page view's worth of signals, as the snippet batches them. */
export const EVENTS_PER_BEACON = 20

const TYPES: SignalType[] = [
  'rage_click',
  'dead_click',
  'error_click',
  'mouse_thrash',
  'excessive_scroll',
  'quick_back',
]
const MARK = '@@MARK@@'

/**
 * Makes realistic, valid beacons fast enough not to slow the load generator: one
 * `page` event and 19 `signal` events, with ids unique across the whole run (the
 * collector drops repeats), built by filling a template.
 */
export function beaconMaker(origin: string, runId: string) {
  const now = Date.now()
  const url = `${origin}/shop/product/blue-kettle`
  const template: Beacon = {
    v: WIRE_VERSION,
    s: 'demo',
    sid: MARK,
    pv: MARK,
    ev: [
      { k: 'page', id: MARK, t: now, u: url, vw: 1280, vh: 800, ref: `${origin}/shop/` },
      ...Array.from({ length: EVENTS_PER_BEACON - 1 }, (_, i) => ({
        k: 'signal' as const,
        id: MARK,
        t: now + i * 350,
        u: url,
        type: TYPES[i % TYPES.length]!,
        sel: i % 2 ? 'main>div.product>button#add-to-basket' : 'form#checkout>button.pay',
        lb: 'button',
        x: 100 + i * 7,
        y: 300 + i * 3,
        n: 1 + (i % 5),
        ms: 1000,
        why: i % 3 ? 'no-response' : '',
      })),
    ],
  }
  const parts = JSON.stringify(template).split(MARK)
  let n = 0
  return (): string => {
    const b = `${runId}${(n++).toString(36)}`
    // sid, pv, then one id per event.
    let body = parts[0]! + `s${b}` + parts[1]! + `p${b}` + parts[2]!
    for (let i = 3; i < parts.length; i++) body += `${b}e${i}` + parts[i]!
    return body
  }
}
