import { effect, signal, type ReadonlySignal, type Signal } from '@preact/signals'
import { readJson, type Api } from '../api.ts'
import { findRange, type RangeOption } from '../lib/ranges.ts'
import { STATE_FILTERS, type StateFilter } from '../lib/alertStates.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** The site every install has out of the box. */
export const DEFAULT_SITE = 'demo'

export interface SiteInfo {
  id: string
  origins: string[]
}

/** The dashboard's views, as the tabs show them. */
export const VIEWS = [
  { id: 'live', label: 'Live' },
  { id: 'heatmaps', label: 'Heatmaps' },
  { id: 'friction', label: 'Friction' },
  { id: 'issues', label: 'Issues' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'learning', label: 'Learning' },
  { id: 'settings', label: 'Settings' },
] as const

export type ViewId = (typeof VIEWS)[number]['id']

export function findView(id: string | null | undefined): ViewId {
  return VIEWS.find((v) => v.id === id)?.id ?? 'live'
}

export interface FiltersModel {
  /** The view shown, kept in the URL (`?view=heatmaps`). */
  view: Signal<ViewId>
  site: Signal<string>
  /** Which alerts the live queue shows, kept in the URL (`?state=open`). */
  alertState: Signal<StateFilter>
  range: Signal<RangeOption>
  /** Sites the collector knows (empty until loaded). */
  sites: ReadonlySignal<readonly SiteInfo[]>
  error: ReadonlySignal<string | null>
  loadSites(): Promise<void>
  /**
   * Keeps view, site and range in the page URL (`?view=live&site=demo&range=24h`),
   * plus what `extra` adds, so a view can be shared; returns the cleanup.
   */
  persist(write: (search: string) => void, extra?: () => Record<string, string>): () => void
}

/** Which site and time range every view shows; starts from the page URL's `site` and `range`. */
export function createFiltersModel(api: Api, search: string): FiltersModel {
  const params = new URLSearchParams(search)
  const view = signal(findView(params.get('view')))
  const site = signal(params.get('site') || DEFAULT_SITE)
  const alertState = signal<StateFilter>(STATE_FILTERS.find((f) => f === params.get('state')) ?? 'all')
  const range = signal(findRange(params.get('range')))
  const sites = signal<readonly SiteInfo[]>([])
  const error = signal<string | null>(null)

  async function loadSites(): Promise<void> {
    try {
      const body = await readJson(await api.sites.$get())
      sites.value = body.sites
      error.value = null
      // A site from an old link that no longer exists: show one that does.
      const first = body.sites[0]
      if (first && !body.sites.some((s) => s.id === site.peek())) site.value = first.id
    } catch (err) {
      error.value = `Could not load sites: ${errorMessage(err)}`
    }
  }

  function persist(write: (search: string) => void, extra: () => Record<string, string> = () => ({})): () => void {
    return effect(() => {
      const q = new URLSearchParams({
        view: view.value,
        site: site.value,
        range: range.value.id,
        state: alertState.value,
        ...extra(),
      })
      write(`?${q}`)
    })
  }

  return { view, site, alertState, range, sites, error, loadSites, persist }
}
