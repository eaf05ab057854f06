import type { Ctx } from '../ext/Ctx'
import type { SiteSettings } from '../wire'
import { selector } from '../describe/selector'
import { role } from '../describe/readableLabel'
import { fraction } from '../heat/fraction'
import { chunk, endpoint, idle, on, page, recent } from './lib/chunk'
import { CHUNKS } from './lib/chunkNames'
import { FOLLOW_MS, sampled } from './lib/recording'
import { retrying } from './lib/retry'
import { takeCalls } from './boot/goals'
import { watchMotion } from './boot/watchMotion'
import { trail } from './boot/trail'
import { hub } from './boot/hub'
import { watchUnseen } from './boot/watchUnseen'
import { layoutWidth } from './lib/layoutWidth'

/**
 * Longest wait for an idle moment before the settings request goes anyway, ms: a page
 * that is never idle still gets its settings a few seconds after its own work.
 */
const SETTINGS_IDLE_MAX_MS = 3000
/** Longest wait for an idle moment before the vitals chunk loads anyway, ms: web-vitals reads buffered entries, so late costs nothing. */
const VITALS_IDLE_MAX_MS = 5000

/** Elements whose focus loads the forms chunk (it narrows them down to the fields a visitor types into). */
const FORM_FIELDS = 'input,select,textarea'
/** Form events kept for the forms chunk at most while it loads: a visitor types a few a second. */
const EARLY_EVENTS_MAX = 50

const e = endpoint()

/**
 * The boot chunk, loaded by the core at start (cached for good): heatmap clicks and
 * scroll depth, form struggle, the site's settings per page view (`GET /v1/site`, once the page is
 * idle), the rolling trail of the last minute (sent with a struggle alert), and the chunks
 * the settings call for: `snap`, `vitals` (once idle again), and once the session
 * struggles `rec` (or at once for a session sampled to be recorded `always`) and `help`.
 */
chunk('boot', (c: Ctx) => {
  // Beacons the collector could not take (network error, 5xx, 429) are sent again
  // with backoff; the core has no room for it, so the transport's fetch is wrapped here.
  // The timer functions as they are: a browser calls them without a `this`.
  const r = retrying(c.f, setTimeout, clearTimeout as (id: unknown) => void)
  const plain = c.f
  c.f = r.fetch
  c.x.push(() => {
    r.stop()
    c.f = plain
  })

  const got: Record<string, unknown> = {}
  const need = (name: string) =>
    (got[name] ||= document.head.appendChild(
      Object.assign(document.createElement('script'), { src: `${e}/s/${name}.${CHUNKS}.js` }),
    ))
  // Signal labels as a person would give them: the role, and the text chunk adds the
  // element's text where the site allows it. Until this page view's settings come, the
  // session's last answer decides (sessionStorage).
  // (Left in place on stop: it is Wince's own state, read only while Wince runs.)
  c.l = role
  c.d<boolean>('tx') && need('text')
  // Page API calls the core left to this chunk: `wince('goal', name, value?)`.
  takeCalls(c)
  const sub = hub(c)
  const [sendTrail, move] = trail(c, e, sub)
  // Mouse thrash and excessive scroll; their pointer samples are the trail's cursor.
  watchMotion(c, sub, move)
  // Answers and errors the core cannot see: canvas redraws, errors a framework only logs.
  watchUnseen(c)
  const go = () => {
    const st = c.st
    if (!st) return
    st.allowText && need('text')
    // Struggling now (or lately): the page's moment is the visitor's, not a snapshot's; a later page view takes it.
    const now = recent(c, FOLLOW_MS)
    st.snapshot && !now && need('snap')
    st.vitals && idle(() => need('vitals'), VITALS_IDLE_MAX_MS)
    // The recorder follows a struggling session from the struggle on; the minute before is the trail.
    st.replay &&
      ((st.recording == 'always' && sampled(c, st.recordingSample)) || (st.recording == 'struggle' && now)) &&
      need('rec')
    c.z && need('help')
    // The team's suppression rules and tuning, only where a page view's settings carry them.
    ;(st.rules?.length || st.tune) && need('learn')
    sendTrail()
  }

  // The episode survives page loads: the help chunk reopens the offers channel, the recorder keeps following.
  c.z ||= c.d('z')
  const keep = () => c.z && c.s('z', { id: c.z.id, t: c.z.t })
  keep()
  on('struggle', () => {
    keep()
    go()
  })

  const doc = () => document.documentElement
  // The width viewport classes follow (not innerWidth: a zoomed-out phone's is its content's).
  const vw = () => layoutWidth(innerWidth, doc().clientWidth)
  // Heatmap clicks: document coordinates, the offset inside the element as fractions.
  // Clicks inside `data-wince-ignore` count too (that attribute is about frustration
  // signals; a heatmap with holes would mislead).
  sub('click', (v: MouseEvent) => {
    const el = v.target
    // Keyboard and scripted clicks (detail 0) have no position worth drawing; Wince's own
    // interface (the help prompt, marked `data-wince-ui`) is not the page's.
    if (!(el instanceof Element) || !v.detail || el.closest('[data-wince-ui]')) return
    const r = el.getBoundingClientRect()
    c.q({
      k: 'click',
      id: c.r(),
      t: Date.now(),
      u: page(),
      x: Math.round(v.pageX),
      y: Math.round(v.pageY),
      vw: vw(),
      dw: doc().scrollWidth,
      dh: doc().scrollHeight,
      sel: selector(el),
      fx: fraction(v.clientX - r.x, r.width),
      fy: fraction(v.clientY - r.y, r.height),
    })
  })

  // Scroll depth: the deepest viewport bottom of each page view, sent once when it ends
  // (hidden, unloaded, a new route). A visitor who comes back and scrolls further is not
  // counted again: one row per page view keeps the share-of-views arithmetic right.
  let url = ''
  let deep = 0
  const reach = () => void (deep = Math.max(deep, scrollY + innerHeight))
  const end = () => {
    if (!url) return
    reach()
    c.q(
      {
        k: 'scroll',
        id: c.r(),
        t: Date.now(),
        u: url,
        d: Math.round(deep),
        dh: doc().scrollHeight,
        vw: vw(),
      },
      true,
    )
    url = ''
  }
  const begin = () => {
    const u = (url = page())
    deep = 0
    // Scroll position and widths are read once the page is idle: read as the chunk starts, they would force
    // the page's first layout (a long one on a big page) inside Wince's task.
    idle(() => {
      reach()
      if (c.a)
        c.f(`${e}/v1/site?s=${c.h.s}&u=${encodeURIComponent(u)}&vw=${vw()}&sid=${c.h.sid}`)
          .then((r) => r.json())
          .then((st: SiteSettings) => {
            c.st = st
            c.s('tx', st.allowText)
            c.p('st', st)
            go()
          })
          .catch(() => {})
    }, SETTINGS_IDLE_MAX_MS)
  }
  // A page restored from the back/forward cache starts a new page view (the core's, which sets `h.pv`).
  sub('pageshow', (v: PageTransitionEvent) => v.persisted && c.n())
  sub('scroll', reach)
  // Forms: struggles as they happen; on leaving, a form edited and not sent (before the last beacon goes).
  // Their chunk loads with the first field the visitor focuses.
  const leave = () => c.w?.()
  // A field focused, or a press inside a form (a submit the browser refuses comes before any focus), loads it;
  // until it runs, the form events wait here (a handful: the chunk is a moment away).
  const formsNeeded = (v: Event) => {
    // Listened on the document: the event's target is an element.
    const t = v.target as Element
    if (got.forms || !(t.matches?.(FORM_FIELDS) || t.closest?.('form'))) return
    c.fe = []
    need('forms')
  }
  sub('focusin', formsNeeded)
  sub('pointerdown', formsNeeded)
  for (const type of 'input focusout invalid click submit'.split(' '))
    sub(type, (v: Event) => {
      if (type == 'click') formsNeeded(v)
      // Kept while the forms chunk loads; no list yet: `undefined < 50` is false.
      if ((c.fe?.length as number) < EARLY_EVENTS_MAX) c.fe!.push(v)
    })
  sub('pagehide', () => {
    leave()
    end()
    r.stop(true)
  })
  sub('visibilitychange', () => document.hidden && end())

  // A new page view is the transport setting `h.pv` (after it sent the previous one's
  // events): the old one ends with the old id, the new one begins. An accessor, so the
  // core need not tell chunks; JSON still sees a plain enumerable field.
  let pv = c.h.pv
  Object.defineProperty(c.h, 'pv', {
    enumerable: true,
    configurable: true,
    get: () => pv,
    set(v: string) {
      leave()
      end()
      pv = v
      begin()
    },
  })
  // On stop, a plain field again (the accessor is configurable: deleting it leaves the field to be set).
  c.x.push(() => {
    delete (c.h as Partial<Ctx['h']>).pv
    c.h.pv = pv
  })
  begin()
})
