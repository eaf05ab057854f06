import type { LearningView } from '@wince/collector'
import { clockTime } from '../lib/clockTime.ts'

export interface Props {
  rules: LearningView['rules']
  now: number
  onRevert(id: string): void
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Every decision on a proposal: what the rule does, who decided, why, what it suppressed since; applied rules can be reverted. */
export function RulesTable({ rules, now, onRevert }: Props) {
  if (rules.length === 0) return <p class="muted">No rule yet.</p>
  return (
    <div class="table-wrap">
      <table data-testid="rules-table">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Status</th>
            <th scope="col">Who, when, why</th>
            <th scope="col">Suppressed since</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {[...rules].reverse().map((r) => (
            <tr key={r.id} data-testid="rule-row" data-rule={r.id} data-status={r.status}>
              <td>
                {r.kind === 'suppress' ? (
                  <>
                    {r.spec.type.replace('_', ' ')} on <code>{r.spec.selector}</code> of {r.spec.url}
                  </>
                ) : (
                  <>
                    {r.spec.threshold !== undefined && `threshold ${r.spec.threshold} `}
                    {Object.entries(r.spec.weights ?? {})
                      .map(([t, w]) => `${t.replace('_', ' ')} weight ${w}`)
                      .join(', ')}
                  </>
                )}
              </td>
              <td>{r.status}</td>
              <td>
                {r.by} · {clockTime(r.at, now)}
                <div class="muted">{r.why}</div>
              </td>
              <td data-testid="rule-suppressed">
                {r.kind === 'suppress'
                  ? `${plural(r.suppressedSignals, 'signal')}, ${plural(r.suppressedAlerts, 'alert')}`
                  : '—'}
              </td>
              <td>
                {r.status === 'applied' && (
                  <button type="button" data-testid="rule-revert" onClick={() => onRevert(r.id)}>
                    Revert
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
