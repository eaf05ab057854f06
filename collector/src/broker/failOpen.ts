import { errorMessage } from '../errorMessage.ts'
/** One log line a minute at most while Redis is unreachable: an outage must not flood the log. */
const LOG_EVERY_MS = 60_000
let loggedAt = 0
let missed = 0

/**
 * Runs a Redis step; when Redis fails, answers `fallback` and logs. Limits and
 * gates fail open: refusing beacons while the broker is down would lose events
 * the page could not send again.
 */
export async function failOpen<T>(what: string, fallback: T, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (err) {
    missed++
    const now = Date.now()
    if (now - loggedAt >= LOG_EVERY_MS) {
      console.error(
        `wince: Redis unreachable (${what}: ${errorMessage(err)}); not enforced for ${missed} request(s) since the last such line`,
      )
      loggedAt = now
      missed = 0
    }
    return fallback
  }
}
