import type { FiltersModel } from '../models/filtersModel.ts'
import { RangePicker } from './RangePicker.tsx'
import { SignOutButton } from './SignOutButton.tsx'
import { SitePicker } from './SitePicker.tsx'
import { Tabs } from './Tabs.tsx'

export interface Props {
  filters: FiltersModel
}

/** Product name, the view tabs, and the pickers every view follows. */
export function Header({ filters }: Props) {
  return (
    <header class="top">
      <h1>Wince</h1>
      <Tabs view={filters.view} />
      <div class="pickers">
        <SitePicker site={filters.site} sites={filters.sites} error={filters.error} />
        <RangePicker range={filters.range} />
        <SignOutButton />
      </div>
    </header>
  )
}
