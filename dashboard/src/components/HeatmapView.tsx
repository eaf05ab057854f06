import type { ReadonlySignal } from '@preact/signals'
import { useState } from 'preact/hooks'
import type { HeatmapModel } from '../models/heatmapModel.ts'
import { HeatmapControls } from './HeatmapControls.tsx'
import { HeatmapStage } from './HeatmapStage.tsx'
import { HotspotList } from './HotspotList.tsx'
import { HotspotSessions } from './HotspotSessions.tsx'
import { ScrollSummary } from './ScrollSummary.tsx'
import type { ComponentChildren } from 'preact'
import type { SegmentFamilies } from '@wince/collector'

export interface Props {
  heatmap: HeatmapModel
  now: ReadonlySignal<number>
  onOpenSession(session: string, last: number): void
  /** Shown beside the hotspots: the session panel. */
  aside?: ComponentChildren
  /** Device classes and families seen, which the segment picker offers. */
  families?: SegmentFamilies
}

const NO_BANDS: readonly number[] = []
/** Wider than this past its viewport, a page was overflowing, not only showing a scrollbar. */
const WIDER_THAN_VIEWPORT_PX = 32

/** Where visitors click and struggle, drawn on the page itself. */
export function HeatmapView({ heatmap, now, onOpenSession, aside, families }: Props) {
  const [hovered, setHovered] = useState<Array<{ selector: string; clicks: number }>>([])
  const [missing, setMissing] = useState<string[]>([])
  const snapshot = heatmap.snapshot.value
  const layer = heatmap.layer.value
  const selected = heatmap.selected.value
  const scroll = heatmap.scroll.value
  const pick = (selector: string) => void heatmap.select(selector)
  return (
    <section class="panel heatmap" aria-labelledby="heatmap-heading" aria-busy={heatmap.loading.value}>
      <div class="section-head">
        <h2 id="heatmap-heading">Heatmap</h2>
        <span class="muted" aria-live="polite">
          {heatmap.loading.value ? 'Loading…' : layer === 'scroll' && scroll ? `${scroll.views} page views` : ''}
        </span>
      </div>
      <HeatmapControls heatmap={heatmap} {...(families && { families })} />
      {heatmap.url.value && (
        <div class="snapshot-bar">
          <span class="muted" data-testid="snapshot-taken">
            {snapshot ? `Page as captured ${new Date(snapshot.ts).toLocaleString()}` : ''}
          </span>
          <button
            type="button"
            class="small"
            data-testid="snapshot-refresh"
            onClick={() => void heatmap.refreshSnapshot()}
          >
            Take a new snapshot
          </button>
          {/* A page wider than its viewport (a phone zoomed out over it) is drawn at the viewport's width: say what is cut. */}
          {snapshot && snapshot.dw > snapshot.vw + WIDER_THAN_VIEWPORT_PX && (
            <span class="muted small" data-testid="snapshot-overflow">
              This page was {snapshot.dw} px wide in a {snapshot.vw} px viewport (the visitor's browser zoomed out):
              what lies right of {snapshot.vw} px is not drawn; its hotspots are still listed.
            </span>
          )}
          {heatmap.refreshNote.value && (
            <span role="status" data-testid="snapshot-refresh-note">
              {heatmap.refreshNote.value}
            </span>
          )}
        </div>
      )}
      {heatmap.error.value && (
        <p class="error" role="alert">
          {heatmap.error.value}
        </p>
      )}
      <div class="heatmap-body">
        <div class="heatmap-main">
          {heatmap.snapshotNote.value && <p class="empty">{heatmap.snapshotNote.value}</p>}
          {snapshot && (
            <HeatmapStage
              snapshot={snapshot}
              layer={layer}
              cells={heatmap.cells.value}
              reached={scroll?.reached ?? NO_BANDS}
              selected={selected}
              onHover={setHovered}
              onPick={pick}
              onMissing={(m) => setMissing((old) => (old.join('\n') === m.join('\n') ? old : m))}
            />
          )}
        </div>
        <div class="heatmap-side">
          {layer !== 'scroll' && (
            <HotspotList
              hotspots={heatmap.hotspots.value}
              hovered={hovered}
              selected={selected}
              missing={missing}
              unit={layer === 'clicks' ? 'clicks' : 'signals'}
              segmented={!!(heatmap.segment.value.browser || heatmap.segment.value.os)}
              onPick={pick}
            />
          )}
          {layer === 'scroll' && scroll && <ScrollSummary reached={scroll.reached} />}
          {selected && (
            <HotspotSessions
              selector={selected}
              sessions={heatmap.sessions.value}
              now={now.value}
              onOpen={onOpenSession}
            />
          )}
          {aside}
        </div>
      </div>
    </section>
  )
}
