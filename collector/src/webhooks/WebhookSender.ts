import { createHmac, randomBytes } from 'node:crypto'
import type { Alert } from '../live/LiveMessage.ts'
import { describeAlert } from '../live/describeAlert.ts'
import type { Site } from '../sites/Sites.ts'

/** Waits before each retry, ms: five tries over half a minute ride out a receiver's restart without piling up. */
export const WEBHOOK_RETRY_MS = [1_000, 3_000, 8_000, 20_000]
/** A receiver that has not answered in this long has failed this try. */
export const WEBHOOK_TIMEOUT_MS = 5_000
/** Deliveries remembered for the dashboard. */
const HISTORY = 200

/** One delivery of one alert to one URL, as the dashboard shows it. */
export interface Delivery {
  id: string
  site: string
  url: string
  alertId: string
  /** Tries so far. */
  attempts: number
  state: 'pending' | 'delivered' | 'failed'
  /** HTTP status of the last try, 0 when it got none. */
  status: number
  error: string
  at: number
}

export interface WebhookSenderOptions {
  retryMs?: number[]
  timeoutMs?: number
}

/**
 * POSTs alerts to a site's webhooks: `{ text, alert }` as JSON, with
 * `X-Wince-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>`
 * and `X-Wince-Timestamp`. Retries with backoff; keeps a short history.
 */
export class WebhookSender {
  private readonly _history: Delivery[] = []
  private readonly _timers = new Set<NodeJS.Timeout>()
  private readonly _retryMs: number[]
  private readonly _timeoutMs: number

  constructor(options: WebhookSenderOptions = {}) {
    this._retryMs = options.retryMs ?? WEBHOOK_RETRY_MS
    this._timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS
  }

  /** Sends an alert to every webhook of its site (in the background). */
  send(alert: Alert, site: Site): void {
    for (const hook of site.webhooks ?? []) {
      const body = JSON.stringify({ text: describeAlert(alert), alert })
      const delivery: Delivery = { id: randomBytes(6).toString('hex'), site: site.id, url: hook.url, alertId: alert.id, attempts: 0, state: 'pending', status: 0, error: '', at: Date.now() }
      this._history.unshift(delivery)
      this._history.length = Math.min(this._history.length, HISTORY)
      void this._try(delivery, body, hook.secret)
    }
  }

  /** Recent deliveries, newest first (optionally of one site). */
  deliveries(site?: string): Delivery[] {
    return this._history.filter((d) => !site || d.site === site).map((d) => ({ ...d }))
  }

  close(): void {
    for (const t of this._timers) clearTimeout(t)
    this._timers.clear()
  }

  private async _try(delivery: Delivery, body: string, secret: string): Promise<void> {
    delivery.attempts++
    delivery.at = Date.now()
    const timestamp = String(delivery.at)
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Wince-Webhook/1',
          'x-wince-timestamp': timestamp,
          'x-wince-signature': `sha256=${sign(secret, body)}`,
        },
        body,
        signal: AbortSignal.timeout(this._timeoutMs),
      })
      delivery.status = res.status
      await res.body?.cancel()
      if (res.ok) {
        delivery.state = 'delivered'
        delivery.error = ''
        return
      }
      delivery.error = `HTTP ${res.status}`
    } catch (err) {
      delivery.status = 0
      delivery.error = (err as Error).name === 'TimeoutError' ? `no answer in ${this._timeoutMs} ms` : (err as Error).message
    }
    const wait = this._retryMs[delivery.attempts - 1]
    if (wait === undefined) {
      delivery.state = 'failed'
      console.error(`wince: webhook ${delivery.url} failed after ${delivery.attempts} tries: ${delivery.error}`)
      return
    }
    const timer = setTimeout(() => {
      this._timers.delete(timer)
      void this._try(delivery, body, secret)
    }, wait)
    this._timers.add(timer)
  }
}

/** The signature a receiver checks: hex HMAC-SHA256 of the exact body bytes. */
export function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex')
}
