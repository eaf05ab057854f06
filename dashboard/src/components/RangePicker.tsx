import type { Signal } from '@preact/signals'
import { findRange, RANGES, type RangeOption } from '../lib/ranges.ts'

export interface Props {
  range: Signal<RangeOption>
}

/** Chooses how far back alerts and friction look. */
export function RangePicker({ range }: Props) {
  return (
    <div class="picker">
      <label for="range-picker">Range</label>
      <select
        id="range-picker"
        data-testid="range-picker"
        value={range.value.id}
        onChange={(e) => (range.value = findRange(e.currentTarget.value))}
      >
        {RANGES.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </select>
    </div>
  )
}
