import type { Alert } from '@wince/collector'

export interface Props {
  explain: NonNullable<Alert['explain']>
}

/** Which settings and rules the collector weighed an alert with: nothing about it is a black box. */
export function AlertExplain({ explain }: Props) {
  const used = Object.entries(explain.weights)
    .map(([type, w]) => `${type.replace('_', ' ')} ${w}`)
    .join(', ')
  return (
    <p class="meta explain" data-testid="alert-explain">
      Threshold {explain.threshold}
      {explain.tunedBy.length > 0 && ` (tuned by ${explain.tunedBy.join(', ')})`} · weights: {used}
      {explain.rules.length > 0 && ` · suppressed by rule ${explain.rules.join(', ')} (kept ${explain.kept} points)`}
    </p>
  )
}
