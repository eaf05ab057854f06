import { signal, type ReadonlySignal } from '@preact/signals'
import type { SegmentFamilies } from '@wince/collector'
import { readJson, type Api } from '../api.ts'

/** No family known (before the first answer, or when it failed: the pickers still take free text). */
export const NO_FAMILIES: SegmentFamilies = { devices: [], browsers: [], os: [] }

export interface SegmentFamiliesModel {
  /** Device classes, browser and OS families seen in the range, most page views first. */
  families: ReadonlySignal<SegmentFamilies>
  refresh(site: string, rangeMs: number): Promise<void>
}

/**
 * What the segment pickers offer (`GET /api/segments`): the names exactly as the filters take
 * them, so nobody has to guess that an iPhone's browser is `Mobile Safari`.
 */
export function createSegmentFamiliesModel(api: Api): SegmentFamiliesModel {
  const families = signal<SegmentFamilies>(NO_FAMILIES)
  let latest = 0

  async function refresh(site: string, rangeMs: number): Promise<void> {
    const call = ++latest
    const to = Date.now()
    try {
      const body = await readJson(
        await api.segments.$get({ query: { site, from: String(to - rangeMs), to: String(to) } }),
      )
      if (call === latest) families.value = body
    } catch {
      // Suggestions only: the fields take any family typed, and the view's own request reports errors.
      if (call === latest) families.value = NO_FAMILIES
    }
  }

  return { families, refresh }
}
