export interface Props {
  /** One count per day, oldest first. */
  values: readonly number[]
  /** What one count is, for the label ("sessions"). */
  unit: string
}

const W = 80
const H = 20

/** A tiny line of counts per day, with the last day against the first in words for screen readers and tooltips. */
export function Sparkline({ values, unit }: Props) {
  if (values.length === 0) return null
  const max = Math.max(1, ...values)
  const step = values.length > 1 ? W / (values.length - 1) : 0
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(H - 1 - (v / max) * (H - 2)).toFixed(1)}`).join(' ')
  const label = `${unit} per day: ${values.join(', ')}`
  // Not empty (returned above): the one value a single day draws as a dot.
  const first = values[0] ?? 0
  return (
    <svg
      class="sparkline"
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      data-testid="issue-trend"
      data-values={values.join(',')}
    >
      <title>{label}</title>
      {values.length > 1 ? (
        <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" />
      ) : (
        <circle cx={W / 2} cy={H - 1 - (first / max) * (H - 2)} r="2" fill="currentColor" />
      )}
    </svg>
  )
}
