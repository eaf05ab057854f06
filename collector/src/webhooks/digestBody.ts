import type { Alert } from '../live/LiveMessage.ts'
import { describeAlert } from '../wording/describeAlert.ts'

/** Alerts listed in one digest; past this only the count grows (a chat message stays readable). */
export const DIGEST_MAX_ALERTS = 20

/** The alerts of one webhook window, as they gather. */
export interface Digest {
  site: string
  /** The first {@link DIGEST_MAX_ALERTS} alerts of the window, oldest first. */
  alerts: Alert[]
  /** Every alert of the window, listed or not. */
  count: number
}

/**
 * The JSON a webhook receives:
 *
 * ```json
 * { "text": "…one line for a chat channel…",
 *   "alert": { …the first alert of the window… },
 *   "alerts": [ …up to 20 alerts, oldest first… ],
 *   "count": 57 }
 * ```
 *
 * `text` is the alert's sentence when the window holds one alert, else a
 * summary ("57 visitors struggling on shop: /checkout ×40, /basket ×17").
 * `alert` keeps receivers written for one alert per POST working.
 */
export function digestBody(digest: Digest): string {
  const [first] = digest.alerts
  return JSON.stringify({ text: digestText(digest), alert: first, alerts: digest.alerts, count: digest.count })
}

/** Pages named in a summary at most. */
const SUMMARY_PAGES = 3

function digestText({ site, alerts, count }: Digest): string {
  if (count === 1 && alerts[0]) return describeAlert(alerts[0])
  const pages = new Map<string, number>()
  for (const a of alerts) pages.set(pathOf(a.url), (pages.get(pathOf(a.url)) ?? 0) + 1)
  const top = [...pages].sort((a, b) => b[1] - a[1]).slice(0, SUMMARY_PAGES)
  const more = count > alerts.length ? `, ${count - alerts.length} more` : ''
  return `${count} visitors struggling on ${site}: ${top.map(([p, n]) => `${p} ×${n}`).join(', ')}${more}`
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}
