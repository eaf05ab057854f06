import type { Hotspot } from '../models/heatmapModel.ts'

export interface Props {
  hotspots: readonly Hotspot[]
  /** Elements under the pointer on the page, with their clicks there. */
  hovered: ReadonlyArray<{ selector: string; clicks: number }>
  selected: string | null
  /** Selectors not found on the snapshot (page changed since). */
  missing: readonly string[]
  /** What is counted: clicks or signals. */
  unit: string
  /** A browser or OS filter is on: an empty list says so, not only "this page and size". */
  segmented?: boolean
  onPick(selector: string): void
}

/** How many hotspots are listed: the top of the list is what gets fixed. */
const SHOWN = 30

/** Elements ranked by clicks (or signals) on this page; the ones under the pointer first. */
export function HotspotList({ hotspots, hovered, selected, missing, unit, segmented = false, onPick }: Props) {
  const gone = new Set(missing)
  return (
    <div class="hotspots">
      {hovered.length > 0 && (
        <div class="under" aria-live="polite">
          <h3>Under the pointer</h3>
          <ul>
            {hovered.map((h) => (
              <li key={h.selector}>
                <button type="button" class="link" onClick={() => onPick(h.selector)}>
                  <code>{h.selector}</code>
                </button>{' '}
                <span class="muted">
                  {h.clicks} {h.clicks === 1 ? unit.replace(/s$/, '') : unit} here
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>Hotspots</h3>
      {hotspots.length === 0 && (
        <p class="empty">
          {segmented
            ? 'Nothing on this layer for this page, size, browser and OS in this range.'
            : 'Nothing on this layer for this page, size and range.'}
        </p>
      )}
      <ol class="hotspot-list" data-testid="hotspot-list">
        {hotspots.slice(0, SHOWN).map((h) => (
          <li
            key={h.selector}
            data-testid="hotspot"
            data-selector={h.selector}
            data-clicks={h.clicks}
            class={selected === h.selector ? 'selected' : ''}
          >
            <button
              type="button"
              class="hotspot-pick"
              aria-pressed={selected === h.selector}
              title="Show the sessions behind it"
              onClick={() => onPick(h.selector)}
            >
              <code>{h.selector}</code>
              <span class="num">
                {h.clicks} {h.clicks === 1 ? unit.replace(/s$/, '') : unit}
              </span>
              <span class="num muted">
                {h.sessions} {h.sessions === 1 ? 'session' : 'sessions'}
              </span>
            </button>
            {gone.has(h.selector) && <span class="muted small"> not on this snapshot</span>}
          </li>
        ))}
      </ol>
    </div>
  )
}
