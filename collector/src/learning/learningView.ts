import type { ClickHouseClient } from '@clickhouse/client'
import { queryPastAlerts } from '../queries/queryPastAlerts.ts'
import { querySuppressedCounts } from '../queries/querySuppressedCounts.ts'
import { queryVerdicts } from '../queries/queryVerdicts.ts'
import { precisions, proposeTunings } from './calibrate.ts'
import type { Learning } from './Learning.ts'
import { proposeSuppressions } from './proposeSuppressions.ts'
import { latestPerAlert } from './Verdict.ts'

/** The period a tuning proposal is tried on: a week holds every weekday's traffic. */
export const SIMULATION_DAYS = 7

/**
 * What the team's verdicts taught, for one site: the rules decided (with what each
 * suppressed since), the open proposals with the verdicts they came from, and the
 * precision of alerts per signal type with the tunings it suggests.
 */
export async function learningView(client: ClickHouseClient, learning: Learning, site: string, now = Date.now()) {
  const [all, counts, past] = await Promise.all([
    queryVerdicts(client, site),
    querySuppressedCounts(client, site),
    queryPastAlerts(client, { site, from: now - SIMULATION_DAYS * 86_400_000, to: now + 1 }),
  ])
  const verdicts = latestPerAlert(all)
  const rules = learning.rules(site)
  const decided = new Set(rules.filter((r) => r.kind === 'tune').map((r) => r.id))
  const tuning = learning.tuning(site)
  const tunedAt = Math.max(
    -Infinity,
    ...rules.filter((r) => r.kind === 'tune' && r.status === 'applied').map((r) => r.at),
  )
  return {
    rules: rules.map((r) => ({
      ...r,
      suppressedSignals: counts.get(r.id)?.signals ?? 0,
      suppressedAlerts: counts.get(r.id)?.alerts ?? 0,
    })),
    proposals: {
      suppress: proposeSuppressions(verdicts, rules),
      // A tuning decided once (applied, rejected or reverted) is not proposed again as is; verdicts
      // given before the latest applied tuning judged alerts of other settings and do not count.
      tune: proposeTunings(
        verdicts.filter((v) => v.at > tunedAt),
        tuning,
        past,
      ).filter((p) => !decided.has(p.id)),
    },
    calibration: { tuning, precisions: precisions(verdicts), verdicts: verdicts.length, days: SIMULATION_DAYS },
  }
}

export type LearningView = Awaited<ReturnType<typeof learningView>>
