import { useState } from 'preact/hooks'

export interface Props {
  /** Sends the verdict; resolves with an error message, or null once stored. */
  onVerdict(verdict: 'real' | 'not', reason: string): Promise<string | null>
  /** Names what the verdict is about, for screen readers ("dead click on button#pay"). */
  about: string
  /** In a table cell: short labels, no heading (the column has one). Default false. */
  compact?: boolean
}

/** Reasons an agent may give for "not a problem" (the collector's list). */
const REASONS: Array<[string, string]> = [
  ['', 'Why not? (optional)'],
  ['works_as_designed', 'Works as designed'],
  ['visitor_was_fine', 'Visitor was fine'],
  ['test_traffic', 'Test traffic'],
  ['other', 'Other'],
]

/** "Real problem" / "Not a problem" (with an optional reason): the team's word, which tunes detection. */
export function VerdictButtons({ onVerdict, about, compact = false }: Props) {
  const [reason, setReason] = useState('')
  const [sent, setSent] = useState<'real' | 'not' | null>(null)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const send = async (v: 'real' | 'not') => {
    setPending(true)
    const failed = await onVerdict(v, v === 'not' ? reason : '')
    setPending(false)
    setError(failed)
    if (!failed) setSent(v)
  }
  return (
    <fieldset class={`verdict${compact ? ' compact' : ''}`} aria-label={`Verdict on ${about}`} data-testid="verdict">
      {!compact && <span class="muted">Verdict:</span>}
      <button
        type="button"
        data-testid="verdict-real"
        aria-label="Real problem"
        aria-pressed={sent === 'real'}
        disabled={pending}
        onClick={() => void send('real')}
        title="A real problem: keep alerting on it"
      >
        {compact ? 'Real' : 'Real problem'}
      </button>
      <button
        type="button"
        data-testid="verdict-not"
        aria-label="Not a problem"
        aria-pressed={sent === 'not'}
        disabled={pending}
        onClick={() => void send('not')}
        title="Not a problem: enough of these from your team and Wince proposes to stop alerting on it"
      >
        {compact ? 'Not' : 'Not a problem'}
      </button>
      <select
        aria-label="Why it is not a problem"
        data-testid="verdict-reason"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      >
        {REASONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {sent && (
        <span class="muted" role="status" data-testid="verdict-sent">
          {compact ? '✓' : `Noted: ${sent === 'real' ? 'real problem' : 'not a problem'}`}
        </span>
      )}
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  )
}
