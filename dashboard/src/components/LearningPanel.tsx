import type { LearningModel } from '../models/learningModel.ts'
import { CalibrationTable } from './CalibrationTable.tsx'
import { OutcomesTable } from './OutcomesTable.tsx'
import { ProposalsList } from './ProposalsList.tsx'
import { RulesTable } from './RulesTable.tsx'

export interface Props {
  learning: LearningModel
  now: number
  onRefresh(): void
  onDecide(id: string, action: 'apply' | 'reject' | 'revert', why: string): void
}

/** What Wince learned from the team: proposals to decide, rules in force, calibration, and whether help helped. */
export function LearningPanel({ learning, now, onRefresh, onDecide }: Props) {
  const view = learning.view.value
  const outcomes = learning.outcomes.value
  return (
    <section class="learning panel" aria-label="Learning">
      <div class="toolbar">
        <h2>How Wince learns from your team</h2>
        <button type="button" onClick={onRefresh} disabled={learning.loading.value}>
          {learning.loading.value ? 'Loading…' : 'Refresh'}
        </button>
      </div>
      {learning.error.value && (
        <p class="error" role="alert">
          {learning.error.value}
        </p>
      )}
      {view && (
        <>
          <h3>Proposals</h3>
          <ProposalsList proposals={view.proposals} now={now} onDecide={onDecide} />
          <h3>Rules</h3>
          <RulesTable rules={view.rules} now={now} onRevert={(id) => onDecide(id, 'revert', '')} />
          <h3>Calibration</h3>
          <CalibrationTable calibration={view.calibration} />
        </>
      )}
      {outcomes && (
        <>
          <h3>Did help help?</h3>
          <OutcomesTable outcomes={outcomes} />
        </>
      )}
    </section>
  )
}
