import type { LiveBus } from './LiveBus.ts'
import { Presence } from './Presence.ts'
import { RecentAlerts } from './RecentAlerts.ts'
import { SessionTrails } from './SessionTrails.ts'

/**
 * What live help keeps in memory, shared by the ingest route (trails, alerts),
 * the agents' stream (presence, shared on the bus) and the visitor's help request.
 */
export class HelpDesk {
  readonly trails = new SessionTrails()
  readonly alerts = new RecentAlerts()
  readonly presence = new Presence()

  /**
   * Shares agents' presence with other collectors on `bus`, and remembers the
   * alerts any collector published: behind a load balancer a visitor's help
   * request may reach another collector than its alert did, before the alert
   * is in the store.
   */
  constructor(bus?: LiveBus) {
    if (!bus) return
    this.presence.share(bus)
    bus.subscribe((m) => {
      if (m.kind === 'alert' || m.kind === 'help') this.alerts.add(m.data)
    })
  }
}
