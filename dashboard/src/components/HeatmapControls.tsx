import { LAYERS, VIEWPORTS, findLayer, findViewport } from '../lib/layers.ts'
import { pagePath } from '../lib/pagePath.ts'
import type { HeatmapModel } from '../models/heatmapModel.ts'
import { SegmentPicker } from './SegmentPicker.tsx'
import type { SegmentFamilies } from '@wince/collector'

export interface Props {
  heatmap: HeatmapModel
  /** Device classes and families seen, which the segment picker offers. */
  families?: SegmentFamilies
}

/** Which page, at which viewport size, of which browser and OS, and which layer the heatmap shows (site and range are in the header). */
export function HeatmapControls({ heatmap, families }: Props) {
  const pages = heatmap.pages.value
  const url = heatmap.url.value
  return (
    <div class="pickers heatmap-controls">
      <div class="picker">
        <label for="heatmap-page">Page</label>
        <select
          id="heatmap-page"
          data-testid="heatmap-page"
          value={url}
          onChange={(e) => (heatmap.url.value = e.currentTarget.value)}
        >
          {pages.length === 0 && <option value="">no page views in this range</option>}
          {/* A page from a shared link that has no views in this range: still choosable. */}
          {url && !pages.some((p) => p.url === url) && <option value={url}>{pagePath(url)}</option>}
          {pages.map((p) => (
            <option key={p.url} value={p.url} title={p.url}>
              {pagePath(p.url)} ({p.views} {p.views === 1 ? 'view' : 'views'})
            </option>
          ))}
        </select>
      </div>
      <div class="picker">
        <label for="heatmap-vc">Size</label>
        <select
          id="heatmap-vc"
          data-testid="heatmap-vc"
          value={heatmap.vc.value}
          onChange={(e) => (heatmap.vc.value = findViewport(e.currentTarget.value))}
        >
          {VIEWPORTS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div class="picker">
        <label for="heatmap-layer">Layer</label>
        <select
          id="heatmap-layer"
          data-testid="heatmap-layer"
          value={heatmap.layer.value}
          onChange={(e) => (heatmap.layer.value = findLayer(e.currentTarget.value))}
        >
          {LAYERS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      {/* The size picker is the device class here; the model reloads when the segment changes. */}
      <SegmentPicker
        segment={heatmap.segment}
        device={false}
        onChange={() => undefined}
        {...(families && { families })}
      />
    </div>
  )
}
