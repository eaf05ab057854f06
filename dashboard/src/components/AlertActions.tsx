import { useState } from 'preact/hooks'
import type { Alert } from '@wince/collector'
import { actionsFor, stateOf, type AlertAction } from '../lib/alertStates.ts'

export interface Props {
  alert: Alert
  /** The action in flight, if any. */
  pending: AlertAction | undefined
  error: string | undefined
  onAct(action: AlertAction, note: string): void
  /** No note field until asked for (a long queue). Default false. */
  folded?: boolean
}

const LABELS: Record<AlertAction, string> = {
  claim: "I'm on it",
  resolve: 'Resolved',
  dismiss: 'Not a problem',
  reopen: 'Reopen',
}
const TITLES: Record<AlertAction, string> = {
  claim: 'Claim it: other agents see you are handling this visitor',
  resolve: 'The visitor got help',
  dismiss: 'Dismiss as not a problem: kept as feedback on the detection',
  reopen: 'Put it back in the queue',
}

/** Claim, resolve, dismiss (with an optional note) or reopen an alert. */
export function AlertActions({ alert, pending, error, onAct, folded = false }: Props) {
  const [note, setNote] = useState('')
  const [noting, setNoting] = useState(!folded)
  const state = stateOf(alert)
  const act = (a: AlertAction) => {
    onAct(a, note)
    setNote('')
  }
  return (
    <div class="actions">
      {actionsFor(state).map((a) => (
        <button
          key={a}
          type="button"
          class={a === 'claim' ? 'primary' : ''}
          data-testid={a}
          title={TITLES[a]}
          disabled={pending !== undefined}
          onClick={() => act(a)}
        >
          {pending === a ? `${LABELS[a]}…` : LABELS[a]}
        </button>
      ))}
      {state !== 'resolved' && state !== 'dismissed' && !noting && (
        <button type="button" class="link" data-testid="alert-note-open" onClick={() => setNoting(true)}>
          Add a note
        </button>
      )}
      {state !== 'resolved' && state !== 'dismissed' && noting && (
        <input
          autoFocus={folded}
          type="text"
          class="note"
          data-testid="alert-note"
          maxLength={500}
          placeholder="Note (optional)"
          aria-label="Note for the action (optional)"
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      )}
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </div>
  )
}
