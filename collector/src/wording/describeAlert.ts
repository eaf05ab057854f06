import type { Alert } from '../live/LiveMessage.ts'
import { describeReason } from './describeReason.ts'

/** Reasons named in one sentence at most: the strongest few say enough. */
const MAX_REASONS = 3

/** An alert in one line, e.g. `Visitor struggling on /checkout: rage click ×5 on button#buy; dead click on button#buy (score 6.5)`. */
export function describeAlert(alert: Pick<Alert, 'url' | 'score' | 'reasons'> & Pick<Partial<Alert>, 'help'>): string {
  let path = alert.url
  try {
    path = new URL(alert.url).pathname
  } catch {
    // keep the URL as sent
  }
  const reasons = alert.reasons.slice(0, MAX_REASONS).map(describeReason).join('; ') || 'several signals'
  return `${alert.help === 'requested' ? 'Visitor asks for help' : 'Visitor struggling'} on ${path}: ${reasons} (score ${Math.round(alert.score * 10) / 10})`
}
