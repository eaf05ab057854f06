import type { Options } from './Options'
import { guard } from './core/guard'
import { rid } from './core/rid'
import { load, save } from './core/storage'
import * as queue from './transport/queue'
import * as emitter from './api/emit'
import { begin, live } from './stop'
import * as activity from './dom/activity'
import * as clicks from './dom/clicks'
import * as pointer from './dom/pointer'
import * as scroll from './dom/scroll'
import * as pageView from './dom/pageView'
import * as ext from './ext/ext'
import { install, wince } from './api/wince'

export { stop } from './stop'

/**
 * Starts Wince once per page: transport, signal pipeline, the page API (replaying calls
 * queued before it loaded), liveness watcher, detectors, page views.
 * Nothing it does can throw into the page.
 */
export const start = guard((o: Options): void => {
  if (live || !o?.site) return
  begin()
  const sid = load<string>('sid') || rid()
  save('sid', sid)
  const e = (o.endpoint || location.origin).replace(/\/+$/, '')
  queue.start(e, o.site, sid)
  emitter.start(o)
  // Chunks, detectors and the page API in a task of their own (two short tasks at load, not
  // one long one), run as a registered chunk is: guarded, and only while live. The API goes
  // first: queued `on` callbacks must see the very first signals (a quick back is found at
  // start), queued `consent` and `config` must apply to them; and a page sees `wince` ready
  // only once the detectors listen.
  setTimeout(wince, 0, 'x', 0, () => {
    install()
    if (!live) return // a queued wince('stop')
    ext.start(e)
    activity.start(clicks.answer)
    clicks.start()
    pointer.start()
    scroll.start()
    pageView.start()
  })
})
