import type { AlertState } from '@wince/collector'

export interface Props {
  state: AlertState
  /** Who set the state. */
  by?: string | undefined
}

const WORDS: Record<AlertState, string> = {
  open: 'open',
  claimed: 'claimed',
  resolved: 'resolved',
  dismissed: 'dismissed',
}

/** Where agents are with an alert. The test hook's text is the bare state. */
export function StateBadge({ state, by }: Props) {
  return (
    <span class={`badge badge-${state}`} title={by ? `${WORDS[state]} by ${by}` : WORDS[state]}>
      <span data-testid="alert-state">{state}</span>
      {by && state !== 'open' && <span class="by"> · {by}</span>}
    </span>
  )
}
