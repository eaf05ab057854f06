import type { ReadonlySignal } from '@preact/signals'
import { clockTime } from '../lib/clockTime.ts'
import type { DeliveriesModel } from '../models/deliveriesModel.ts'

export interface Props {
  deliveries: DeliveriesModel
  now: ReadonlySignal<number>
}

/** Webhook deliveries of alerts that failed or are being retried: a broken receiver must not go unnoticed. */
export function DeliveriesPanel({ deliveries, now }: Props) {
  const troubled = deliveries.troubled.value
  const total = deliveries.total.value
  return (
    <section class="panel deliveries" data-testid="webhook-deliveries" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">Webhooks</h2>
      {deliveries.error.value && <p class="error">{deliveries.error.value}</p>}
      {total === 0 && !deliveries.error.value && <p class="empty">No webhook deliveries yet.</p>}
      {total > 0 && troubled.length === 0 && <p class="muted">All {total} recent deliveries got through.</p>}
      {troubled.length > 0 && (
        <ul class="delivery-list">
          {troubled.map((d) => (
            <li key={d.id} data-testid="delivery" data-state={d.state}>
              <span class={`badge badge-${d.state === 'failed' ? 'failed' : 'pending'}`}>
                {d.state === 'failed' ? 'failed' : 'retrying'}
              </span>{' '}
              <span class="path">{d.url}</span>
              <span class="muted small">
                {' '}
                · {d.error || `HTTP ${d.status}`} · {d.attempts} {d.attempts === 1 ? 'try' : 'tries'} ·{' '}
                {clockTime(d.at, now.value)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
