import { z } from 'zod'
import { parseRange } from '../routes/parseRange.ts'
import { LAYERS, parseHeatmap } from '../routes/parseHeatmap.ts'
import { id } from './id.ts'

/** `site`, `from`, `to` of every range read (see {@link parseRange} for the defaults). */
const rangeShape = {
  site: z.string({ error: 'required (e.g. ?site=demo)' }),
  from: z.string().optional(),
  to: z.string().optional(),
}

/** A range query, checked and turned into a `Range`. */
export const rangeQuery = z.object(rangeShape).transform((q) => parseRange(q))

const heatmapShape = {
  ...rangeShape,
  url: z.string({ error: 'the page URL, e.g. http://localhost:8080/demo/' }),
  vc: z.string().optional(),
  browser: z.string().optional(),
  os: z.string().optional(),
}

/** A heatmap query: a range plus the page `url`, viewport class `vc` (default desktop), optional `browser` and `os`. */
export const heatmapQuery = z.object(heatmapShape).transform((q) => parseHeatmap(q))

/** A heatmap query with its layer: all clicks (default) or one signal type. */
export const heatmapLayerQuery = z
  .object({ ...heatmapShape, layer: z.enum(LAYERS, { error: `one of ${LAYERS.join(', ')}` }).default('clicks') })
  .transform((q) => ({ ...parseHeatmap(q), layer: q.layer }))

/** A heatmap query with the element whose sessions are wanted. */
export const hotspotQuery = z
  .object({ ...heatmapShape, selector: z.string({ error: 'required' }).min(1, 'required').max(1000) })
  .transform((q) => ({ ...parseHeatmap(q), selector: q.selector }))

/** `?site=` alone, optional: streams and lists of every site or one. */
export const optionalSiteQuery = z.object({ site: id.optional() })

/** `?site=` alone, required. */
export const siteQuery = z.object({ site: id })
