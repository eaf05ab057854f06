import { Presence } from './Presence.ts'
import { RecentAlerts } from './RecentAlerts.ts'
import { SessionTrails } from './SessionTrails.ts'

/**
 * What live help keeps in memory, shared by the ingest route (trails, alerts),
 * the agents' stream (presence) and the visitor's help request.
 */
export class HelpDesk {
  readonly trails = new SessionTrails()
  readonly alerts = new RecentAlerts()
  readonly presence = new Presence()
}
