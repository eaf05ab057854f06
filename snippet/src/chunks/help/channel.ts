import type { Ctx } from '../../ext/Ctx'
import { guard } from '../../core/guard'

/**
 * Closes the offers channel after this long without an offer, ms: the collector closes
 * its side after the same time (VISITOR_CHANNEL_IDLE_MS); an agent answers within
 * minutes or not at all.
 */
export const CHANNEL_QUIET_MS = 5 * 60 * 1000

/** An agent's offer, as the collector's `/v1/live` stream sends it. */
export interface Offer {
  id: string
  message: string
  link?: string
  by?: string
  at?: number
}

/** An agent took this visitor's request (`agent-joined`): the name and colour the visitor sees. */
export interface Joined {
  alertId: string
  name: string
  color?: string
}

/**
 * Opens the visitor's return channel (`GET /v1/live`, Server-Sent Events): each `offer`
 * event goes to `onOffer`, each `agent-joined` to `onJoin`. It closes after {@link CHANNEL_QUIET_MS} without an offer, and
 * on `wince('stop')`. EventSource reconnects by itself after a network error; offers
 * made meanwhile come again with the backlog (the caller drops repeats by id).
 */
export function openChannel(c: Ctx, endpoint: string, onOffer: (o: Offer) => void, onJoin: (j: Joined) => void) {
  const es = new EventSource(`${endpoint}/v1/live?s=${encodeURIComponent(c.h.s)}&sid=${encodeURIComponent(c.h.sid)}`)
  let live = true
  let timer: ReturnType<typeof setTimeout>
  const close = () => {
    live = false
    clearTimeout(timer)
    es.close()
  }
  const quiet = () => {
    clearTimeout(timer)
    timer = setTimeout(close, CHANNEL_QUIET_MS)
  }
  es.addEventListener(
    'offer',
    // EventSource calls a named event's listener with a MessageEvent; the data is checked before use.
    guard((m: MessageEvent) => {
      quiet()
      // Sent by the collector's /v1/live stream (routes/offers.ts); checked on the next line.
      const o = JSON.parse(m.data) as Offer
      if (o && typeof o.id == 'string' && typeof o.message == 'string') onOffer(o)
    }) as EventListener,
  )
  es.addEventListener(
    'agent-joined',
    // EventSource calls a named event's listener with a MessageEvent; the data is checked before use.
    guard((m: MessageEvent) => {
      quiet()
      // Sent by the collector's /v1/live stream (routes/offers.ts); checked on the next line.
      const j = JSON.parse(m.data) as Joined
      if (j && typeof j.name == 'string') onJoin(j)
    }) as EventListener,
  )
  quiet()
  c.x.push(close)
  return { live: () => live, close }
}
