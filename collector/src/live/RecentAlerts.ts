import type { Alert } from './LiveMessage.ts'

/** Alerts remembered for help requests: a visitor asks within minutes of the alert; bounded against floods. */
export const MAX_RECENT_ALERTS = 10_000

/**
 * The latest alerts this collector published, by id: a help request names its
 * alert, and the help event carries the whole alert so an agent who missed it
 * (opened the dashboard later) still gets the full card.
 */
export class RecentAlerts {
  private readonly _byId = new Map<string, Alert>()

  constructor(private readonly _max = MAX_RECENT_ALERTS) {}

  add(alert: Alert): void {
    // The map is full (size ≥ max ≥ 1), so it has a first key.
    if (this._byId.size >= this._max) this._byId.delete(this._byId.keys().next().value!)
    this._byId.set(alert.id, alert)
  }

  get(id: string): Alert | undefined {
    return this._byId.get(id)
  }
}
