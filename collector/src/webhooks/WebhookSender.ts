import { createHmac, randomBytes } from 'node:crypto'
import type { Alert } from '../live/LiveMessage.ts'
import type { Site } from '../sites/Sites.ts'
import { digestBody, DIGEST_MAX_ALERTS, type Digest } from './digestBody.ts'
import { errorMessage } from '../errorMessage.ts'

/** Waits before each retry, ms: five tries over half a minute ride out a receiver's restart without piling up. */
export const WEBHOOK_RETRY_MS = [1_000, 3_000, 8_000, 20_000]
/** A receiver that has not answered in this long has failed this try. */
export const WEBHOOK_TIMEOUT_MS = 5_000
/**
 * At most one POST per hook in this long, retries included: a chat channel
 * (Slack and the like) stays readable in a flood; the alerts of the window go
 * together as one digest.
 */
export const WEBHOOK_WINDOW_MS = 10_000
/** Deliveries remembered for the dashboard. */
const HISTORY = 200

/** One delivery of a digest of alerts to one URL, as the dashboard shows it. */
export interface Delivery {
  id: string
  site: string
  url: string
  /** The first alert of the digest. */
  alertId: string
  /** Alerts in the digest. */
  alerts: number
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
  /** Default {@link WEBHOOK_WINDOW_MS}. */
  windowMs?: number
}

interface Hook {
  /** Earliest time the next POST to this hook may start. */
  nextAt: number
  /** The digest still gathering alerts, until its POST starts. */
  open: Digest | undefined
}

/**
 * POSTs alerts to a site's webhooks, coalesced: at most one POST per hook per
 * {@link WEBHOOK_WINDOW_MS}, carrying a digest of the alerts since the last
 * one (shape in `digestBody.ts`), signed with
 * `X-Wince-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>`,
 * plus `X-Wince-Timestamp`. The first alert after a quiet window goes at once.
 * Retries with backoff (within the same one-POST-per-window rule); keeps a
 * short history.
 */
export class WebhookSender {
  private readonly _history: Delivery[] = []
  private readonly _timers = new Set<NodeJS.Timeout>()
  private readonly _hooks = new Map<string, Hook>()
  private readonly _retryMs: number[]
  private readonly _timeoutMs: number
  private readonly _windowMs: number

  constructor(options: WebhookSenderOptions = {}) {
    this._retryMs = options.retryMs ?? WEBHOOK_RETRY_MS
    this._timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS
    this._windowMs = options.windowMs ?? WEBHOOK_WINDOW_MS
  }

  /** Adds an alert to the next digest of every webhook of its site (sent in the background). */
  send(alert: Alert, site: Site, now = Date.now()): void {
    for (const { url, secret } of site.webhooks ?? []) {
      const key = `${site.id} ${url}`
      let hook = this._hooks.get(key)
      if (!hook) this._hooks.set(key, (hook = { nextAt: 0, open: undefined }))
      if (hook.open) {
        hook.open.count++
        if (hook.open.alerts.length < DIGEST_MAX_ALERTS) hook.open.alerts.push(alert)
        continue
      }
      const digest: Digest = { site: site.id, alerts: [alert], count: 1 }
      hook.open = digest
      const delivery: Delivery = {
        id: randomBytes(6).toString('hex'),
        site: site.id,
        url,
        alertId: alert.id,
        alerts: 1,
        attempts: 0,
        state: 'pending',
        status: 0,
        error: '',
        at: now,
      }
      this._history.unshift(delivery)
      this._history.length = Math.min(this._history.length, HISTORY)
      this._later(hook, now, () => {
        hook.open = undefined
        delivery.alerts = digest.count
        void this._try(hook, delivery, digestBody(digest), secret)
      })
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

  /** Runs `fn` in the hook's next free slot at or after `earliest`, and books the slot. */
  private _later(hook: Hook, earliest: number, fn: () => void): void {
    const at = Math.max(earliest, hook.nextAt)
    hook.nextAt = at + this._windowMs
    if (at <= Date.now()) {
      fn()
      return
    }
    const timer = setTimeout(
      () => {
        this._timers.delete(timer)
        fn()
      },
      Math.max(0, at - Date.now()),
    )
    this._timers.add(timer)
  }

  private async _try(hook: Hook, delivery: Delivery, body: string, secret: string): Promise<void> {
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
      delivery.error =
        err instanceof Error && err.name === 'TimeoutError' ? `no answer in ${this._timeoutMs} ms` : errorMessage(err)
    }
    const wait = this._retryMs[delivery.attempts - 1]
    if (wait === undefined) {
      delivery.state = 'failed'
      console.error(`wince: webhook ${delivery.url} failed after ${delivery.attempts} tries: ${delivery.error}`)
      return
    }
    this._later(hook, Date.now() + wait, () => void this._try(hook, delivery, body, secret))
  }
}

/** The signature a receiver checks: hex HMAC-SHA256 of the exact body bytes. */
export function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex')
}
