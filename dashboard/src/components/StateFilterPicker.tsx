import type { Signal } from '@preact/signals'
import { STATE_FILTERS, type StateFilter } from '../lib/alertStates.ts'

export interface Props {
  filter: Signal<StateFilter>
}

const LABELS: Record<StateFilter, string> = { open: 'Open', claimed: 'Claimed', all: 'All' }

/** Which alerts the queue shows: still open, being handled, or every one. */
export function StateFilterPicker({ filter }: Props) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of toggle buttons; a fieldset would bring its own border and legend.
    <div class="segmented" role="group" aria-label="Show alerts">
      {STATE_FILTERS.map((f) => (
        <button
          key={f}
          type="button"
          data-testid={`state-filter-${f}`}
          aria-pressed={filter.value === f}
          onClick={() => (filter.value = f)}
        >
          {LABELS[f]}
        </button>
      ))}
    </div>
  )
}
