import { SIGNAL_ORDER, signalWords } from '@wince/collector/describe'
import { clockTime } from '../lib/clockTime.ts'
import { OTHER_COLOR, SIGNAL_COLORS } from '../lib/signalColors.ts'
import { niceMax, trendBars, type TrendPoint } from '../lib/trendBars.ts'

export interface Props {
  points: readonly TrendPoint[]
  bucketMs: number
  from: number
  to: number
  now: number
}

const COLORS = SIGNAL_COLORS
const OTHER = OTHER_COLOR

const W = 960
const H = 200
const PAD = { left: 36, right: 8, top: 8, bottom: 22 }

/** Signals over the range as stacked bars per hour or day, one colour per type. Plain SVG: no chart library. */
export function TrendChart({ points, bucketMs, from, to, now }: Props) {
  const types = [
    ...SIGNAL_ORDER,
    // Widened to ask whether any string is one of them.
    ...[...new Set(points.map((p) => p.type))].filter((t) => !(SIGNAL_ORDER as string[]).includes(t)).sort(),
  ]
  const bars = trendBars(points, types, from, to, bucketMs)
  const present = types.filter((t) => points.some((p) => p.type === t && p.n > 0))
  const max = niceMax(Math.max(0, ...bars.map((b) => b.total)))
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const slot = plotW / Math.max(1, bars.length)
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH
  const labelEvery = Math.max(1, Math.ceil(bars.length / 8))
  const fmt = (t: number) =>
    bucketMs >= 86_400_000 ? new Date(t).toDateString().slice(4, 10) : clockTime(t, now).slice(-8, -3)
  return (
    <figure class="trend" data-testid="trend-chart">
      <figcaption>Signals over time, per {bucketMs >= 86_400_000 ? 'day' : 'hour'}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Signals per ${bucketMs >= 86_400_000 ? 'day' : 'hour'}: ${points.reduce((s, p) => s + p.n, 0)} in the range`}
      >
        {[0, max / 2, max].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid" />
            <text x={PAD.left - 4} y={y(v) + 4} text-anchor="end" class="axis">
              {v}
            </text>
          </g>
        ))}
        {bars.map((b, i) => (
          <g key={b.t} data-testid="trend-bar" data-t={b.t} data-total={b.total}>
            {b.segments.map((s) => (
              <rect
                key={s.type}
                x={PAD.left + i * slot + slot * 0.1}
                width={Math.max(1, slot * 0.8)}
                y={y(s.y0 + s.n)}
                height={y(s.y0) - y(s.y0 + s.n)}
                fill={COLORS[s.type] ?? OTHER}
              >
                <title>
                  {fmt(b.t)}: {s.n} {signalWords(s.type)}
                </title>
              </rect>
            ))}
            {i % labelEvery === 0 && (
              <text x={PAD.left + i * slot + slot / 2} y={H - 6} text-anchor="middle" class="axis">
                {fmt(b.t)}
              </text>
            )}
          </g>
        ))}
      </svg>
      {present.length > 0 ? (
        <ul class="legend">
          {present.map((t) => (
            <li key={t}>
              <span class="swatch" style={{ background: COLORS[t] ?? OTHER }} /> {signalWords(t)}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">No signals in this range.</p>
      )}
    </figure>
  )
}
