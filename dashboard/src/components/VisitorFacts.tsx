import type { Alert } from '@wince/collector'
import { duration } from '../lib/duration.ts'
import { pagePath } from '../lib/pagePath.ts'

export interface Props {
  alert: Alert
  now: number
  /** Show time on site so far (the alert card shows its own, as of the alert). Default true. */
  withTime?: boolean
}

/** Who the visitor is, as far as Wince may know: device, browser, OS, language, how they came and how long they have been here. */
export function VisitorFacts({ alert, now, withTime = true }: Props) {
  const facts: string[] = []
  if (alert.device) facts.push(alert.device)
  const software = [alert.browser, alert.os && `on ${alert.os}`].filter(Boolean).join(' ')
  if (software) facts.push(software)
  if (alert.lang) facts.push(alert.lang)
  if (alert.startedAt && withTime) facts.push(`on site ${duration(now - alert.startedAt)}`)
  if (alert.pages) facts.push(`${alert.pages} page${alert.pages === 1 ? '' : 's'}`)
  if (alert.entry) facts.push(`entered on ${pagePath(alert.entry)}`)
  facts.push(alert.referrer ? `from ${alert.referrer}` : 'no referrer')
  if (!alert.device) return null
  return (
    <p class="meta facts" data-testid="visitor-facts" data-device={alert.device}>
      {facts.join(' · ')}
    </p>
  )
}
