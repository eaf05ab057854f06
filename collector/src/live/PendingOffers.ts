import type { LiveBus, LiveMessage } from './LiveBus.ts'

/** How long an unanswered offer still reaches a visitor whose channel opens late: an agent's offer is stale after this. */
export const OFFER_TTL_MS = 10 * 60 * 1000
/** Sessions with offers kept at most; past this the oldest are forgotten (offers are rare: agents make them by hand). */
const MAX_SESSIONS = 10_000
/** Offers kept per session: more than an agent would ever make in ten minutes. */
const MAX_PER_SESSION = 10

type OfferMessage = Extract<LiveMessage, { kind: 'offer' }>

/**
 * Offers made to sessions in the last {@link OFFER_TTL_MS} and not yet
 * answered, kept in memory from the live bus (which carries other
 * collectors' offers too): a visitor's channel opening late gets them without
 * a store query, so opening channels costs the store nothing.
 */
export class PendingOffers {
  private readonly _bySession = new Map<string, OfferMessage[]>()
  readonly stop: () => void

  constructor(bus: LiveBus) {
    this.stop = bus.subscribe((m) => this.note(m))
  }

  /** Takes an offer or an answer off the bus. */
  note(m: LiveMessage, now = Date.now()): void {
    const key = `${m.site}/${m.session}`
    if (m.kind === 'offer') {
      let offers = this._bySession.get(key)
      if (!offers) {
        if (this._bySession.size >= MAX_SESSIONS) this._forget(now)
        this._bySession.set(key, (offers = []))
      }
      offers.push(m)
      if (offers.length > MAX_PER_SESSION) offers.shift()
    } else if (m.kind === 'offer-answer') {
      const offers = this._bySession.get(key)?.filter((o) => o.data.id !== m.data.offerId)
      if (offers?.length) this._bySession.set(key, offers)
      else this._bySession.delete(key)
    }
  }

  /** The session's offers still pending, oldest first. */
  of(site: string, session: string, now = Date.now()): LiveMessage[] {
    return (this._bySession.get(`${site}/${session}`) ?? []).filter((o) => now - o.at < OFFER_TTL_MS)
  }

  /** Drops stale sessions, then, if still full, the oldest half. */
  private _forget(now: number): void {
    for (const [key, offers] of this._bySession) {
      if (offers.every((o) => now - o.at >= OFFER_TTL_MS)) this._bySession.delete(key)
    }
    let n = this._bySession.size - MAX_SESSIONS / 2
    for (const key of this._bySession.keys()) {
      if (n-- <= 0) break
      this._bySession.delete(key)
    }
  }
}
