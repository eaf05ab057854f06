import type { Signal } from '@preact/signals'
import type { SegmentFilter } from '../models/issuesModel.ts'

export interface Props {
  segment: Signal<SegmentFilter>
  onChange(): void
  /** Offer the device class (false where the view has its own, as the heatmap's size). */
  device?: boolean
}

/** Device class, browser and OS filters (families as the collector stores them). */
export function SegmentPicker({ segment, onChange, device = true }: Props) {
  const set = (key: keyof SegmentFilter, value: string) => {
    segment.value = { ...segment.peek(), [key]: value }
    onChange()
  }
  const s = segment.value
  return (
    <span class="segment">
      {device && (
        <label>
          Device{' '}
          <select data-testid="segment-device" value={s.device} onChange={(e) => set('device', e.currentTarget.value)}>
            <option value="">any</option>
            <option value="desktop">desktop</option>
            <option value="tablet">tablet</option>
            <option value="mobile">mobile</option>
          </select>
        </label>
      )}
      <label>
        Browser{' '}
        <input
          data-testid="segment-browser"
          type="text"
          size={10}
          value={s.browser}
          placeholder="any"
          onChange={(e) => set('browser', e.currentTarget.value.trim())}
        />
      </label>
      <label>
        OS{' '}
        <input
          data-testid="segment-os"
          type="text"
          size={8}
          value={s.os}
          placeholder="any"
          onChange={(e) => set('os', e.currentTarget.value.trim())}
        />
      </label>
    </span>
  )
}
