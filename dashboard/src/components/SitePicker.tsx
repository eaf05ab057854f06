import type { ReadonlySignal, Signal } from '@preact/signals'
import type { SiteInfo } from '../models/filtersModel.ts'

export interface Props {
  site: Signal<string>
  sites: ReadonlySignal<readonly SiteInfo[]>
  /** Why the site list is missing, if it is. */
  error: ReadonlySignal<string | null>
}

/** Chooses the site; until the list arrives it shows the current one alone. */
export function SitePicker({ site, sites, error }: Props) {
  const ids = sites.value.length > 0 ? sites.value.map((s) => s.id) : [site.value]
  return (
    <div class="picker">
      <label for="site-picker">Site</label>
      <select
        id="site-picker"
        data-testid="site-picker"
        value={site.value}
        onChange={(e) => (site.value = e.currentTarget.value)}
      >
        {ids.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      {error.value && (
        <span class="error" role="alert">
          {error.value}
        </span>
      )}
    </div>
  )
}
