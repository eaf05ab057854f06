import type { ReadonlySignal } from '@preact/signals'
import type { ComponentChildren } from 'preact'
import type { SegmentFamilies } from '@wince/collector'
import { clockTime } from '../lib/clockTime.ts'
import type { FrictionModel } from '../models/frictionModel.ts'
import { FrictionElementsTable } from './FrictionElementsTable.tsx'
import { FrictionPagesTable } from './FrictionPagesTable.tsx'
import { SegmentPicker } from './SegmentPicker.tsx'
import { TrendChart } from './TrendChart.tsx'
import { VitalsTable } from './VitalsTable.tsx'

export interface Props {
  friction: FrictionModel
  now: ReadonlySignal<number>
  onRefresh(): void
  /** The segment changed: refresh what depends on it. */
  onSegment(): void
  /** Shown above the tables: the top issues by cost. */
  children?: ComponentChildren
  /** Device classes and families seen, which the segment picker offers. */
  families?: SegmentFamilies
}

/** Where visitors struggle: the trend, pages and elements ranked by signals, and web vitals per page. */
export function FrictionView({ friction, now, onRefresh, onSegment, children, families }: Props) {
  const updatedAt = friction.updatedAt.value
  const loading = friction.loading.value
  const overview = friction.overview.value
  const span = friction.span.value
  const seg = friction.segment.value
  const segmented = !!(seg.device || seg.browser || seg.os)
  return (
    <section class="friction panel" aria-labelledby="friction-heading" aria-busy={loading}>
      <div class="section-head">
        <h2 id="friction-heading">Friction</h2>
        <span class="muted" aria-live="polite">
          {loading ? 'Loading…' : updatedAt > 0 ? `Updated ${clockTime(updatedAt, now.value)}` : ''}
        </span>
        <button type="button" data-testid="friction-refresh" onClick={onRefresh} disabled={loading}>
          Refresh
        </button>
      </div>
      <div class="pickers">
        <SegmentPicker segment={friction.segment} onChange={onSegment} {...(families && { families })} />
      </div>
      {friction.error.value && (
        <p class="error" role="alert">
          {friction.error.value}
        </p>
      )}
      {children}
      {overview && (
        <TrendChart
          points={overview.trend.points}
          bucketMs={overview.trend.bucketMs}
          from={span.from}
          to={span.to}
          now={now.value}
        />
      )}
      <FrictionPagesTable pages={friction.pages.value} struggling={overview?.struggling ?? []} segmented={segmented} />
      <FrictionElementsTable elements={friction.elements.value} segmented={segmented} />
      <VitalsTable vitals={overview?.vitals ?? []} />
    </section>
  )
}
