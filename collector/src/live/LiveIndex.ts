import type { ClickHouseClient } from '@clickhouse/client'
import { findAlertSession } from '../queries/findAlertSession.ts'
import { hasOffer } from '../queries/hasOffer.ts'
import { hasSession } from '../queries/hasSession.ts'
import type { LiveBus } from './LiveBus.ts'

/** Recent alerts and offers remembered, at most: beyond it the store answers. */
const MAX_REMEMBERED = 50_000

type Owner = { site: string; session: string }

/**
 * What exists, for the routes that act on it: an agent may act only on an
 * alert or a session that exists, and a visitor may answer only an offer
 * made to their session. Alerts and offers are remembered as they pass on
 * the live bus (the store receives them a moment later, in batches: an agent
 * may claim an alert before it is written); older ones are looked up in the
 * store.
 */
export class LiveIndex {
  private static readonly _byBus = new WeakMap<LiveBus, LiveIndex>()
  private readonly _alerts = new Map<string, Owner>()
  private readonly _offers = new Map<string, Owner>()
  private readonly _sessions = new Map<string, true>()

  private constructor(
    bus: LiveBus,
    private readonly _client: ClickHouseClient,
  ) {
    bus.subscribe((m) => {
      if (m.kind === 'alert') remember(this._alerts, m.id, { site: m.site, session: m.session })
      if (m.kind === 'offer') remember(this._offers, m.id, { site: m.site, session: m.session })
      if (m.kind === 'alert') remember(this._sessions, `${m.site}\n${m.session}`, true)
    })
  }

  /** The one index of a bus: every route that needs it shares what it heard. */
  static of(bus: LiveBus, client: ClickHouseClient): LiveIndex {
    let index = LiveIndex._byBus.get(bus)
    if (!index) LiveIndex._byBus.set(bus, (index = new LiveIndex(bus, client)))
    return index
  }

  /** The session of alert `id` on `site`, or undefined when there is no such alert. */
  async alertSession(site: string, id: string): Promise<string | undefined> {
    const known = this._alerts.get(id)
    if (known) return known.site === site ? known.session : undefined
    return findAlertSession(this._client, site, id)
  }

  /** Whether `session` exists on `site`: it viewed a page or raised an alert. */
  async hasSession(site: string, session: string): Promise<boolean> {
    return this._sessions.has(`${site}\n${session}`) || hasSession(this._client, site, session)
  }

  /** Whether offer `offerId` was made to `session` on `site`. */
  async hasOffer(site: string, session: string, offerId: string): Promise<boolean> {
    const known = this._offers.get(offerId)
    if (known) return known.site === site && known.session === session
    return hasOffer(this._client, site, session, offerId)
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  // The map is full, so it has a first key.
  if (map.size >= MAX_REMEMBERED) map.delete(map.keys().next().value!)
  map.set(key, value)
}
