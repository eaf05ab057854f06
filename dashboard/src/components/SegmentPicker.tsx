import type { Signal } from '@preact/signals'
import type { SegmentFamilies, SegmentFamily } from '@wince/collector'
import type { SegmentFilter } from '../models/issuesModel.ts'

export interface Props {
  segment: Signal<SegmentFilter>
  onChange(): void
  /** Offer the device class (false where the view has its own, as the heatmap's size). */
  device?: boolean
  /** Families seen in the range, offered as suggestions (any family can still be typed). */
  families?: SegmentFamilies
}

const views = (f: SegmentFamily) => `${f.views} page ${f.views === 1 ? 'view' : 'views'}`

/** Device class, browser and OS filters (families as the collector stores them). */
export function SegmentPicker({ segment, onChange, device = true, families }: Props) {
  const set = (key: keyof SegmentFilter, value: string) => {
    segment.value = { ...segment.peek(), [key]: value }
    onChange()
  }
  const s = segment.value
  const seen = (kind: 'devices', name: string) => families?.[kind].find((f) => f.name === name)
  return (
    <span class="segment">
      {device && (
        <label>
          Device{' '}
          <select data-testid="segment-device" value={s.device} onChange={(e) => set('device', e.currentTarget.value)}>
            <option value="">any</option>
            {['desktop', 'tablet', 'mobile'].map((d) => {
              const f = seen('devices', d)
              return (
                <option key={d} value={d}>
                  {f ? `${d} (${views(f)})` : d}
                </option>
              )
            })}
          </select>
        </label>
      )}
      <label>
        Browser{' '}
        <input
          data-testid="segment-browser"
          type="text"
          size={12}
          list="segment-browsers"
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
          size={9}
          list="segment-os-list"
          value={s.os}
          placeholder="any"
          onChange={(e) => set('os', e.currentTarget.value.trim())}
        />
      </label>
      {/* One picker is shown at a time (one view), so the lists' ids are unique on the page. */}
      <datalist id="segment-browsers" data-testid="segment-browsers">
        {families?.browsers.map((f) => (
          <option key={f.name} value={f.name} label={views(f)} />
        ))}
      </datalist>
      <datalist id="segment-os-list" data-testid="segment-os-list">
        {families?.os.map((f) => (
          <option key={f.name} value={f.name} label={views(f)} />
        ))}
      </datalist>
    </span>
  )
}
