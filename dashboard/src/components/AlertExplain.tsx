import type { Alert } from '@wince/collector'

export interface Props {
  explain: NonNullable<Alert['explain']>
  /** The alert's reasons: the weights shown are those of their types. */
  reasons: Alert['reasons']
}

/** Which settings and rules the collector weighed an alert with: nothing about it is a black box. */
export function AlertExplain({ explain, reasons }: Props) {
  const types = [...new Set(reasons.map((r) => r.type))]
  const used = types.map((t) => `${t.replace('_', ' ')} ${explain.weights[t]}`).join(', ')
  return (
    <p class="meta explain" data-testid="alert-explain">
      Threshold {explain.threshold}
      {explain.tunedBy.length > 0 && ` (tuned by ${explain.tunedBy.join(', ')})`} · weights: {used}
      {explain.rules.length > 0 && ` · suppressed by rule ${explain.rules.join(', ')}: ${explain.kept} points kept`}
      {explain.pageRules.length > 0 && ` · rules on this page: ${explain.pageRules.join(', ')}`}
    </p>
  )
}
