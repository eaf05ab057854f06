import type { ReadonlySignal } from '@preact/signals'
import { clockTime } from '../lib/clockTime.ts'
import type { FrictionModel } from '../models/frictionModel.ts'
import { FrictionElementsTable } from './FrictionElementsTable.tsx'
import { FrictionPagesTable } from './FrictionPagesTable.tsx'

export interface Props {
  friction: FrictionModel
  now: ReadonlySignal<number>
  onRefresh(): void
}

/** Where visitors struggle: pages, then elements, ranked by signals. */
export function FrictionView({ friction, now, onRefresh }: Props) {
  const updatedAt = friction.updatedAt.value
  const loading = friction.loading.value
  return (
    <section class="friction panel" aria-labelledby="friction-heading" aria-busy={loading}>
      <div class="section-head">
        <h2 id="friction-heading">Friction</h2>
        <span class="muted" aria-live="polite">
          {loading ? 'Loading…' : updatedAt > 0 ? `Updated ${clockTime(updatedAt, now.value)}` : ''}
        </span>
        <button type="button" data-testid="friction-refresh" onClick={onRefresh} disabled={loading}>
          Refresh
        </button>
      </div>
      {friction.error.value && (
        <p class="error" role="alert">
          {friction.error.value}
        </p>
      )}
      <FrictionPagesTable pages={friction.pages.value} />
      <FrictionElementsTable elements={friction.elements.value} />
    </section>
  )
}
