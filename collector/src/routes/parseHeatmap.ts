import { ApiError } from '../ApiError.ts'
import { VIEWPORT_CLASSES, type ViewportClass } from '../ingest/viewportClass.ts'
import type { HeatmapFilter } from '../queries/heatmapFilter.ts'
import { parseRange } from './parseRange.ts'
import { parseSegment } from './parseSegment.ts'

/** The heatmap layers: all clicks, or one signal type. */
export const LAYERS = ['clicks', 'rage_click', 'dead_click', 'error_click', 'mouse_thrash', 'form_struggle'] as const
export type Layer = (typeof LAYERS)[number]

const isViewportClass = (v: string): v is ViewportClass => VIEWPORT_CLASSES.some((c) => c === v)
const isLayer = (v: string): v is Layer => LAYERS.some((l) => l === v)

/** Reads `site`, `from`, `to`, `url`, `vc` (mobile, tablet, desktop; default desktop), and optional `browser` and `os` families. */
export function parseHeatmap(query: Record<string, string | undefined>): HeatmapFilter {
  const range = parseRange(query)
  const url = query.url ?? ''
  if (!/^https?:\/\/\S{1,2040}$/.test(url))
    throw new ApiError(400, 'url: the page URL, e.g. http://localhost:8080/demo/')
  const vc = query.vc ?? 'desktop'
  if (!isViewportClass(vc)) throw new ApiError(400, `vc: one of ${VIEWPORT_CLASSES.join(', ')}`)
  // The viewport class is the heatmap's device class: `device` is not read here.
  const { browser, os } = parseSegment({ browser: query.browser, os: query.os })
  return { ...range, url, vc, ...(browser && { browser }), ...(os && { os }) }
}

export function parseLayer(value: string | undefined): Layer {
  const layer = value ?? 'clicks'
  if (!isLayer(layer)) throw new ApiError(400, `layer: one of ${LAYERS.join(', ')}`)
  return layer
}
