import { effect, signal, type ReadonlySignal, type Signal } from '@preact/signals'
import { readJson, type Api } from '../api.ts'
import { findRange, type RangeOption } from '../lib/ranges.ts'

/** The site every install has out of the box. */
export const DEFAULT_SITE = 'demo'

export interface SiteInfo {
  id: string
  origins: string[]
}

export interface FiltersModel {
  site: Signal<string>
  range: Signal<RangeOption>
  /** Sites the collector knows (empty until loaded). */
  sites: ReadonlySignal<readonly SiteInfo[]>
  error: ReadonlySignal<string | null>
  loadSites(): Promise<void>
  /** Keeps site and range in the page URL (`?site=demo&range=24h`) so a view can be shared; returns the cleanup. */
  persist(write: (search: string) => void): () => void
}

/** Which site and time range every view shows; starts from the page URL's `site` and `range`. */
export function createFiltersModel(api: Api, search: string): FiltersModel {
  const params = new URLSearchParams(search)
  const site = signal(params.get('site') || DEFAULT_SITE)
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
      error.value = `Could not load sites: ${(err as Error).message}`
    }
  }

  function persist(write: (search: string) => void): () => void {
    return effect(() => {
      const q = new URLSearchParams({ site: site.value, range: range.value.id })
      write(`?${q}`)
    })
  }

  return { site, range, sites, error, loadSites, persist }
}
