/** Counters of what ingest did with what it was sent, since start. */
export class IngestStats {
  beacons = 0
  /** Events accepted (stored or spooled). */
  accepted = 0
  /** Events refused by validation. */
  invalid = 0
  /** Events dropped as already seen (re-sent beacons). */
  duplicates = 0
  /** Beacons dropped as bots or headless browsers. */
  bots = 0
  /** Beacons refused by a rate limit. */
  rateLimited = 0
  /** Beacons refused because neither the store nor the spool could take them. */
  unavailable = 0
  /** Struggle events kept without alerting (a session's repeat within its episode, or past its address's alerts a minute). */
  alertsHeld = 0
  /** Struggle events kept without alerting: suppression rules took too many of their points. */
  alertsSuppressed = 0

  toJSON() {
    const { beacons, accepted, invalid, duplicates, bots, rateLimited, unavailable, alertsHeld, alertsSuppressed } =
      this
    return { beacons, accepted, invalid, duplicates, bots, rateLimited, unavailable, alertsHeld, alertsSuppressed }
  }
}
