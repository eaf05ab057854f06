import type { HeatCell, Hotspot, HotspotSession, StoredSnapshot } from '@wince/collector/types'
import { effect, signal, type ReadonlySignal, type Signal } from '@preact/signals'
import { ApiCallError, postJson, readJson, type Api } from '../api.ts'
import { findLayer, findViewport, type LayerId, type Viewport } from '../lib/layers.ts'
import { segmentQuery, type SegmentFilter } from './issuesModel.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** A page snapshot as stored: rrweb-snapshot's serialized document and the sizes it was taken at. */
export type Snapshot = StoredSnapshot
export type { HeatCell, Hotspot, HotspotSession }

export interface HeatmapModel {
  /** Pages with views in the range, most viewed first. */
  pages: ReadonlySignal<ReadonlyArray<{ url: string; views: number }>>
  url: Signal<string>
  vc: Signal<Viewport>
  layer: Signal<LayerId>
  /** Browser and OS families to narrow to ('' = any); the device class is `vc`. */
  segment: Signal<SegmentFilter>
  snapshot: ReadonlySignal<Snapshot | null>
  /** Why there is no snapshot to draw on (none taken yet, or it failed to load). */
  snapshotNote: ReadonlySignal<string | null>
  cells: ReadonlySignal<readonly HeatCell[]>
  hotspots: ReadonlySignal<readonly Hotspot[]>
  scroll: ReadonlySignal<{ views: number; reached: readonly number[] } | null>
  loading: ReadonlySignal<boolean>
  error: ReadonlySignal<string | null>
  /** The hotspot whose sessions are listed. */
  selected: ReadonlySignal<string | null>
  /** Sessions behind the selected hotspot; null while loading. */
  sessions: ReadonlySignal<readonly HotspotSession[] | null>
  /** Follows a site and range: loads its pages, then the chosen page's snapshot and layer as they change. Returns the cleanup. */
  watch(site: string, rangeMs: number): () => void
  /** Lists the sessions behind a hotspot (null clears). */
  select(selector: string | null): Promise<void>
  /** What came of "take a new snapshot" (asked, or why not); null before. */
  refreshNote: ReadonlySignal<string | null>
  /** "Take a new snapshot": the page's next views are asked for a fresh one (admins). */
  refreshSnapshot(): Promise<void>
}

/** Heatmaps of one page: its snapshot, the chosen layer, and the sessions behind a hotspot. */
export function createHeatmapModel(api: Api, search: string, post = postJson): HeatmapModel {
  const params = new URLSearchParams(search)
  const pages = signal<ReadonlyArray<{ url: string; views: number }>>([])
  const url = signal(params.get('page') ?? '')
  const vc = signal<Viewport>(findViewport(params.get('vc')))
  const layer = signal<LayerId>(findLayer(params.get('layer')))
  const segment = signal<SegmentFilter>({
    device: '',
    browser: params.get('browser') ?? '',
    os: params.get('os') ?? '',
  })
  /** The segment as the heatmap API takes it: browser and OS only. */
  const segmentOf = (s: SegmentFilter) => segmentQuery({ ...s, device: '' })
  const snapshot = signal<Snapshot | null>(null)
  const snapshotNote = signal<string | null>(null)
  const cells = signal<readonly HeatCell[]>([])
  const hotspots = signal<readonly Hotspot[]>([])
  const scroll = signal<{ views: number; reached: readonly number[] } | null>(null)
  const loading = signal(false)
  const error = signal<string | null>(null)
  const selected = signal<string | null>(null)
  const sessions = signal<readonly HotspotSession[] | null>(null)
  const refreshNote = signal<string | null>(null)
  let current: { site: string; from: string } | null = null
  let latest = 0
  let snapKey = ''

  async function loadSnapshot(site: string, page: string, v: Viewport): Promise<void> {
    const key = `${site} ${page} ${v}`
    if (key === snapKey) return
    snapKey = key
    snapshot.value = null
    snapshotNote.value = null
    try {
      const body = await readJson(await api.snapshot.$get({ query: { site, url: page, vc: v } }))
      if (snapKey === key) snapshot.value = body
    } catch (err) {
      if (snapKey !== key) return
      snapshotNote.value =
        err instanceof ApiCallError && err.status === 404
          ? `No snapshot of this page at ${v} size yet: one is taken on a next visit.`
          : `Could not load the snapshot: ${errorMessage(err)}`
    }
  }

  async function loadLayer(
    site: string,
    from: string,
    page: string,
    v: Viewport,
    l: LayerId,
    seg: Record<string, string>,
  ): Promise<void> {
    const call = ++latest
    loading.value = true
    try {
      const query = { site, from, url: page, vc: v, ...seg }
      if (l === 'scroll') {
        const body = await readJson(await api.scroll.$get({ query }))
        if (call !== latest) return
        scroll.value = body
        cells.value = []
        hotspots.value = []
      } else {
        const body = await readJson(await api.heatmap.$get({ query: { ...query, layer: l } }))
        if (call !== latest) return
        cells.value = body.cells
        hotspots.value = body.hotspots
        scroll.value = null
      }
      error.value = null
    } catch (err) {
      if (call === latest) error.value = `Could not load the heatmap: ${errorMessage(err)}`
    } finally {
      if (call === latest) loading.value = false
    }
  }

  function watch(site: string, rangeMs: number): () => void {
    const from = String(Date.now() - rangeMs)
    current = { site, from }
    let stopped = false
    let dispose: (() => void) | undefined
    void (async () => {
      try {
        const body = await readJson(await api.pages.$get({ query: { site, from } }))
        if (stopped) return
        pages.value = body.pages
        if (!body.pages.some((p) => p.url === url.peek())) url.value = body.pages[0]?.url ?? ''
      } catch (err) {
        if (!stopped) error.value = `Could not load pages: ${errorMessage(err)}`
      }
      if (stopped) return
      dispose = effect(() => {
        const page = url.value
        const v = vc.value
        const l = layer.value
        const seg = segmentOf(segment.value)
        selected.value = null
        sessions.value = null
        if (!page) return
        void loadSnapshot(site, page, v)
        void loadLayer(site, from, page, v, l, seg)
      })
    })()
    return () => {
      stopped = true
      dispose?.()
      latest++
      snapKey = ''
      current = null
    }
  }

  async function select(selector: string | null): Promise<void> {
    selected.value = selector
    sessions.value = null
    if (!selector || !current) return
    const { site, from } = current
    try {
      const body = await readJson(
        await api.heatmap.sessions.$get({
          query: { site, from, url: url.peek(), vc: vc.peek(), selector, ...segmentOf(segment.peek()) },
        }),
      )
      if (selected.peek() === selector) sessions.value = body.sessions
    } catch (err) {
      if (selected.peek() === selector) sessions.value = []
      error.value = `Could not load the sessions: ${errorMessage(err)}`
    }
  }

  async function refreshSnapshot(): Promise<void> {
    const page = url.peek()
    if (!current || !page) return
    try {
      await post('/snapshot/refresh', { site: current.site, url: page })
      refreshNote.value =
        'Asked for a new snapshot: the next visit to this page sends one, with the current text setting. Reload to see it.'
    } catch (err) {
      refreshNote.value =
        err instanceof ApiCallError && err.status === 403
          ? 'Taking a new snapshot needs the admin role.'
          : `Could not ask for a new snapshot: ${errorMessage(err)}`
    }
  }

  return {
    pages,
    url,
    vc,
    layer,
    segment,
    snapshot,
    snapshotNote,
    cells,
    hotspots,
    scroll,
    loading,
    error,
    selected,
    sessions,
    watch,
    select,
    refreshNote,
    refreshSnapshot,
  }
}
