import { signal, type ReadonlySignal } from '@preact/signals'
import type { Delivery } from '@wince/collector'
import { readJson, type Api } from '../api.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** How often webhook deliveries are checked: retries run over half a minute, so this shows each step. */
export const DELIVERIES_REFRESH_MS = 10_000

export interface DeliveriesModel {
  /** The site's recent webhook deliveries that failed or are still being retried, newest first. */
  troubled: ReadonlySignal<readonly Delivery[]>
  /** Deliveries in the history at all (0: no webhook configured or nothing sent yet). */
  total: ReadonlySignal<number>
  error: ReadonlySignal<string | null>
  /** Loads now and every `everyMs`; returns the cleanup. */
  watch(site: string, everyMs?: number): () => void
}

/** Webhook deliveries that did not get through, so someone fixes the receiver. */
export function createDeliveriesModel(api: Api): DeliveriesModel {
  const troubled = signal<readonly Delivery[]>([])
  const total = signal(0)
  const error = signal<string | null>(null)

  function watch(site: string, everyMs = DELIVERIES_REFRESH_MS): () => void {
    let stopped = false
    troubled.value = []
    total.value = 0
    const load = async () => {
      try {
        const body = await readJson(await api.webhooks.deliveries.$get({ query: { site } }))
        if (stopped) return
        troubled.value = body.deliveries.filter((d) => d.state !== 'delivered')
        total.value = body.deliveries.length
        error.value = null
      } catch (err) {
        if (!stopped) error.value = `Could not load webhook deliveries: ${errorMessage(err)}`
      }
    }
    void load()
    const timer = setInterval(() => void load(), everyMs)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }

  return { troubled, total, error, watch }
}
