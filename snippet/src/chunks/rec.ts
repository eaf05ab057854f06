import type { Ctx } from '../ext/Ctx'
import type { ReplayBody } from '../wire'
import { record } from 'rrweb'
import { chunk, endpoint, every, listen, on, recent } from './lib/chunk'
import { maskEvent, rrwebMasking } from './lib/mask'
import { postJson } from './lib/send'
import { FOLLOW_MS, sampled } from './lib/recording'
import { Segments } from './rec/Segments'
import { split } from './rec/split'

/** What the buffer keeps before a struggle: the last minute is what an agent needs to see. */
export const BUFFER_WINDOW_MS = 60_000
/** A full snapshot this often, so the buffer always starts at one and replays on its own. */
export const CHECKOUT_MS = 30_000
/** Events the buffer holds at most (a minute of a very busy page); oldest whole segments go first. */
export const BUFFER_MAX_EVENTS = 20_000
/** After a struggle, further events go every this often, so an agent can follow nearly live. */
export const STREAM_MS = 5000
/** Mode `always`: a run every this often, for the whole (sampled) session. */
export const ALWAYS_RUN_MS = 10_000
/** Longest run body as JSON characters (well under the collector's 1 MB gzip and 8 MB inflated). */
export const RUN_MAX_CHARS = 1_000_000
/** Events per run at most: the collector takes up to 20,000 per body. */
export const RUN_MAX_EVENTS = 20_000

const e = endpoint()

/**
 * The recorder chunk (rrweb record, masked like snapshots). Mode `struggle`: the boot
 * chunk loads it only once the session struggles (the minute before goes as the boot
 * chunk's trail); it streams every few seconds for a few minutes from then on (on the
 * session's later pages too), then keeps a rolling buffer of the last minute that the
 * next struggle uploads with its alert's id. Mode `always` (sampled per session): loaded
 * at once, runs every few seconds for the whole session. Never for mode `off`.
 */
chunk('rec', (c: Ctx) => {
  const st = c.st
  if (!st || st.recording == 'off' || !st.replay) return
  const allow = st.allowText
  const always = st.recording == 'always' && sampled(c, st.recordingSample)
  const buf = new Segments<{ timestamp: number }>(BUFFER_WINDOW_MS, BUFFER_MAX_EVENTS)
  let out: { timestamp: number }[] = []
  let streaming = always
  let until = 0
  let alert: string | undefined
  let seq = 0

  // rrweb borrows untainted prototypes from a hidden iframe it adds to the page and takes
  // away again: marked as Wince's own, those changes do not answer a visitor's waiting click.
  // Own property on the document for the call only, then the prototype's method again.
  const make = document.createElement
  // Same arguments and result as the method it stands in for.
  document.createElement = function (this: Document, tag: string, o?: ElementCreationOptions) {
    const el = make.call(this, tag, o)
    tag == 'iframe' && el.setAttribute('data-wince-ignore', '')
    return el
  } as typeof make
  let stop: ReturnType<typeof record>
  try {
    stop = record({
      emit(ev, checkout) {
        maskEvent(ev, allow)
        streaming ? out.push(ev) : buf.push(ev, !!checkout)
      },
      checkoutEveryNms: CHECKOUT_MS,
      ...rrwebMasking(allow),
      recordCanvas: false,
      collectFonts: false,
      // Fewer mouse and scroll samples: the path stays readable, the bytes drop.
      sampling: { mousemove: 50, scroll: 150, input: 'last' },
    })
  } finally {
    Reflect.deleteProperty(document, 'createElement')
  }
  c.x.push(() => stop?.())

  const send = (events: { timestamp: number }[], unloading?: boolean) => {
    for (const ev of split(events, RUN_MAX_CHARS, RUN_MAX_EVENTS)) {
      const body: ReplayBody = {
        v: 1,
        s: c.h.s,
        sid: c.h.sid,
        pv: c.h.pv,
        seq: seq++,
        alert,
        ev,
        rt: c.st?.replay ?? '',
      }
      // Leaving: no time to gzip (it is asynchronous); keepalive carries small runs.
      void postJson(c, `${e}/v1/replay`, body, !unloading)
    }
  }
  const tick = (unloading?: boolean) => {
    if (out.length) send(out.splice(0), unloading)
    if (streaming && !always && Date.now() > until) {
      // Back to buffering, from a fresh full snapshot so the buffer replays on its own.
      streaming = false
      alert = undefined
      record.takeFullSnapshot(true)
    }
  }
  const follow = () => {
    alert = c.z?.id
    until = (c.z?.t || Date.now()) + FOLLOW_MS
    if (!streaming) {
      streaming = true
      out = buf.drain().concat(out)
    }
    tick()
  }
  every(c, always ? ALWAYS_RUN_MS : STREAM_MS, tick)
  listen(c, 'pagehide', () => tick(true))
  on('struggle', follow)
  // A struggle on an earlier page of the session: keep following it here.
  if (recent(c, FOLLOW_MS)) follow()
})
