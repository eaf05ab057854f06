import { useState } from 'preact/hooks'
import type { LearningView } from '@wince/collector'
import { clockTime } from '../lib/clockTime.ts'

export interface Props {
  proposals: LearningView['proposals']
  now: number
  onDecide(id: string, action: 'apply' | 'reject', why: string): void
}

const REASON_WORDS: Record<string, string> = {
  works_as_designed: 'works as designed',
  visitor_was_fine: 'visitor was fine',
  test_traffic: 'test traffic',
  other: 'other',
}

/** Apply or reject, with an optional reason. */
function Decide({ id, onDecide }: { id: string; onDecide: Props['onDecide'] }) {
  const [why, setWhy] = useState('')
  return (
    <div class="actions">
      <input
        type="text"
        class="note"
        data-testid="proposal-why"
        maxLength={500}
        placeholder="Why (optional)"
        aria-label="Why you decide so (optional)"
        value={why}
        onInput={(e) => setWhy(e.currentTarget.value)}
      />
      <button type="button" class="primary" data-testid="proposal-apply" onClick={() => onDecide(id, 'apply', why)}>
        Apply
      </button>
      <button type="button" data-testid="proposal-reject" onClick={() => onDecide(id, 'reject', why)}>
        Reject
      </button>
    </div>
  )
}

/** Wince's proposals: each with what it would do and what it came from; an admin decides. */
export function ProposalsList({ proposals, now, onDecide }: Props) {
  if (proposals.suppress.length + proposals.tune.length === 0)
    return <p class="muted">No proposal: Wince proposes once your team's verdicts agree.</p>
  return (
    <ol class="proposals">
      {proposals.suppress.map((p) => (
        <li key={p.id} class="proposal" data-testid="proposal" data-proposal={p.id}>
          <h4>
            Stop counting {p.spec.type.replace('_', ' ')}s on <code>{p.spec.selector}</code> of{' '}
            <span class="path">{p.spec.url}</span>
          </h4>
          <p class="meta">{p.why}. Signals are still stored and shown, flagged as suppressed.</p>
          <details>
            <summary>The {p.verdicts.length} verdicts it came from</summary>
            <ul data-testid="proposal-verdicts">
              {p.verdicts.map((v, i) => (
                <li key={i}>
                  {v.by}: not a problem{v.reason && ` (${REASON_WORDS[v.reason] ?? v.reason})`} · {clockTime(v.at, now)}
                  {v.alertId && <span class="muted"> · alert {v.alertId.slice(0, 8)}</span>}
                </li>
              ))}
            </ul>
          </details>
          <Decide id={p.id} onDecide={onDecide} />
        </li>
      ))}
      {proposals.tune.map((p) => (
        <li key={p.id} class="proposal" data-testid="proposal" data-proposal={p.id}>
          <h4>{p.why}</h4>
          <p class="meta">
            From {p.basis.real + p.basis.not} verdicts ({p.basis.real} real, {p.basis.not} not a problem). Over the last
            week {p.wouldNotFire.length} of {p.alerts} alerts would not have fired:
          </p>
          {p.wouldNotFire.length > 0 && (
            <ul data-testid="would-not-fire">
              {p.wouldNotFire.slice(0, 10).map((a) => (
                <li key={a.id}>
                  {clockTime(a.ts, now)} <span class="path">{a.url}</span>: score {a.score} → {a.newScore}
                </li>
              ))}
            </ul>
          )}
          <Decide id={p.id} onDecide={onDecide} />
        </li>
      ))}
    </ol>
  )
}
