import type { InferResponseType } from 'hono/client'
import { signal, type ReadonlySignal, type Signal } from '@preact/signals'
import type { FrictionElement, FrictionPage } from '@wince/collector'
import { readJson, type Api } from '../api.ts'
import { segmentQuery, type SegmentFilter } from './issuesModel.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** How often the friction tables refresh on their own: fresh enough to watch a fix land, light on the store. */
export const FRICTION_REFRESH_MS = 30_000

/** The collector's overview: signals over time, struggling sessions per page, web vitals per page. */
export type Overview = InferResponseType<Api['overview']['$get'], 200>

export interface FrictionModel {
  pages: ReadonlySignal<readonly FrictionPage[]>
  elements: ReadonlySignal<readonly FrictionElement[]>
  overview: ReadonlySignal<Overview | null>
  /** The range the figures cover, epoch ms (for the trend's axis). */
  span: ReadonlySignal<{ from: number; to: number }>
  /** Device class, browser and OS every figure of the view is counted for ('' = any). */
  segment: Signal<SegmentFilter>
  loading: ReadonlySignal<boolean>
  error: ReadonlySignal<string | null>
  /** When the shown figures were fetched, epoch ms (0: never). */
  updatedAt: ReadonlySignal<number>
  /** Fetches the site's friction over the last `rangeMs`. */
  refresh(site: string, rangeMs: number): Promise<void>
  /** Refreshes now and every `everyMs` (default {@link FRICTION_REFRESH_MS}); returns the cleanup. */
  watch(site: string, rangeMs: number, everyMs?: number): () => void
}

/**
 * Where visitors struggle: pages and elements ranked by signals, the trend, struggling share
 * and vitals, all for one segment. Pass the issues' segment so the view's "what to fix first"
 * and its tables always count the same visitors (default: a segment of its own).
 */
export function createFrictionModel(
  api: Api,
  segment: Signal<SegmentFilter> = signal({ device: '', browser: '', os: '' }),
): FrictionModel {
  const pages = signal<readonly FrictionPage[]>([])
  const elements = signal<readonly FrictionElement[]>([])
  const overview = signal<Overview | null>(null)
  const span = signal({ from: 0, to: 0 })
  const loading = signal(false)
  const error = signal<string | null>(null)
  const updatedAt = signal(0)
  // Only the latest request may write: an answer for the previous site can arrive last.
  let latest = 0

  async function refresh(site: string, rangeMs: number): Promise<void> {
    const call = ++latest
    loading.value = true
    try {
      const to = Date.now()
      const query = { site, from: String(to - rangeMs), to: String(to), ...segmentQuery(segment.peek()) }
      const [body, over] = await Promise.all([
        readJson(await api.friction.$get({ query })),
        readJson(await api.overview.$get({ query })),
      ])
      if (call !== latest) return
      pages.value = body.pages
      elements.value = body.elements
      overview.value = over
      span.value = { from: to - rangeMs, to }
      updatedAt.value = Date.now()
      error.value = null
    } catch (err) {
      if (call === latest) error.value = `Could not load friction: ${errorMessage(err)}`
    } finally {
      if (call === latest) loading.value = false
    }
  }

  function watch(site: string, rangeMs: number, everyMs = FRICTION_REFRESH_MS): () => void {
    pages.value = []
    elements.value = []
    overview.value = null
    updatedAt.value = 0
    void refresh(site, rangeMs)
    const timer = setInterval(() => void refresh(site, rangeMs), everyMs)
    return () => {
      clearInterval(timer)
      latest++
    }
  }

  return { pages, elements, overview, span, segment, loading, error, updatedAt, refresh, watch }
}
