import type { Rule, SuppressSpec } from './Rule.ts'
import type { Verdict } from './Verdict.ts'

/**
 * "Not a problem" verdicts an issue needs before Wince proposes to suppress it: one
 * dismissal can be a slip, three are a pattern.
 */
export const SUPPRESS_MIN_VERDICTS = 3

/** Distinct agents among them: one agent's habit is not the team's judgement. */
export const SUPPRESS_MIN_AGENTS = 2

/** A proposed suppression, with the verdicts it came from. */
export interface SuppressionProposal {
  id: string
  kind: 'suppress'
  spec: SuppressSpec
  /** In words: what it would do and why. */
  why: string
  verdicts: Verdict[]
  agents: string[]
}

/**
 * The suppressions Wince proposes: per issue, the "not a problem" verdicts given
 * since its latest "real problem" verdict and since an admin last rejected or
 * reverted its rule — at least {@link SUPPRESS_MIN_VERDICTS} of them from at least
 * {@link SUPPRESS_MIN_AGENTS} agents. An issue whose rule is applied is not proposed again.
 */
export function proposeSuppressions(verdicts: readonly Verdict[], rules: readonly Rule[]): SuppressionProposal[] {
  const byIssue = new Map<string, Verdict[]>()
  for (const v of verdicts) {
    const list = byIssue.get(v.issue)
    if (list) list.push(v)
    else byIssue.set(v.issue, [v])
  }
  const decided = new Map(rules.map((r) => [r.id, r]))
  const proposals: SuppressionProposal[] = []
  for (const [issue, list] of byIssue) {
    const rule = decided.get(issue)
    if (rule?.status === 'applied') continue
    let since = rule ? rule.at : -Infinity
    for (const v of list) if (v.verdict === 'real' && v.at > since) since = v.at
    const counted = list.filter((v) => v.verdict === 'not' && v.at > since)
    const agents = [...new Set(counted.map((v) => v.by))]
    if (counted.length < SUPPRESS_MIN_VERDICTS || agents.length < SUPPRESS_MIN_AGENTS) continue
    // counted holds at least SUPPRESS_MIN_VERDICTS (> 0) verdicts here.
    const { url, selector, type } = counted[counted.length - 1]!
    proposals.push({
      id: issue,
      kind: 'suppress',
      spec: { url, selector, type },
      why: `${counted.length} "not a problem" verdicts from ${agents.length} agents (${agents.join(', ')}), no "real problem" since`,
      verdicts: counted,
      agents,
    })
  }
  return proposals
}
