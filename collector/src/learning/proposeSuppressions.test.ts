import { describe, expect, it } from 'vitest'
import { proposeSuppressions, SUPPRESS_MIN_AGENTS, SUPPRESS_MIN_VERDICTS } from './proposeSuppressions.ts'
import type { Rule } from './Rule.ts'
import { latestPerAlert, type Verdict } from './Verdict.ts'

const T = 1_800_000_000_000
const v = (by: string, at: number, verdict: Verdict['verdict'] = 'not', issue = 'aaaaaaaaaaaaaaaa'): Verdict => ({
  site: 'shop',
  issue,
  url: '/cart',
  selector: 'div.stepper',
  type: 'rage_click',
  alertId: '',
  verdict,
  reason: 'works_as_designed',
  by,
  at,
})
const rule = (status: Rule['status'], at: number): Rule => ({
  site: 'shop',
  id: 'aaaaaaaaaaaaaaaa',
  kind: 'suppress',
  spec: { url: '/cart', selector: 'div.stepper', type: 'rage_click' },
  status,
  why: '',
  by: 'admin',
  at,
})

describe('suppression proposals', () => {
  it('are made from 3 "not a problem" verdicts of 2 agents, not from 2', () => {
    expect([SUPPRESS_MIN_VERDICTS, SUPPRESS_MIN_AGENTS]).toEqual([3, 2])
    expect(proposeSuppressions([v('ana', T), v('ben', T + 1)], [])).toEqual([])
    const [p, ...more] = proposeSuppressions([v('ana', T), v('ben', T + 1), v('ana', T + 2)], [])
    expect(more).toEqual([])
    expect(p).toMatchObject({
      id: 'aaaaaaaaaaaaaaaa',
      kind: 'suppress',
      spec: { url: '/cart', selector: 'div.stepper', type: 'rage_click' },
      agents: ['ana', 'ben'],
    })
    expect(p!.verdicts.map((x) => x.at)).toEqual([T, T + 1, T + 2])
    expect(p!.why).toBe('3 "not a problem" verdicts from 2 agents (ana, ben), no "real problem" since')
  })

  it('are not made from one agent alone, however many verdicts', () => {
    expect(
      proposeSuppressions(
        [1, 2, 3, 4, 5].map((i) => v('ana', T + i)),
        [],
      ),
    ).toEqual([])
  })

  it('count only the verdicts after the latest "real problem"', () => {
    const before = [v('ana', T), v('ben', T + 1), v('ana', T + 2)]
    expect(proposeSuppressions([...before, v('cy', T + 3, 'real')], [])).toEqual([])
    expect(proposeSuppressions([...before, v('cy', T + 3, 'real'), v('ana', T + 4), v('ben', T + 5)], [])).toEqual([])
    expect(
      proposeSuppressions([...before, v('cy', T + 3, 'real'), v('ana', T + 4), v('ben', T + 5), v('ben', T + 6)], []),
    ).toHaveLength(1)
  })

  it('are not made again once applied, and after a rejection or a revert only from newer verdicts', () => {
    const three = [v('ana', T), v('ben', T + 1), v('ana', T + 2)]
    expect(proposeSuppressions(three, [rule('applied', T + 10)])).toEqual([])
    expect(proposeSuppressions(three, [rule('rejected', T + 10)])).toEqual([])
    expect(
      proposeSuppressions([...three, v('ana', T + 11), v('ben', T + 12), v('cy', T + 13)], [rule('reverted', T + 10)]),
    ).toHaveLength(1)
  })

  it('count one verdict per agent and alert (or issue row): the latest', () => {
    const same = [{ ...v('ana', T), alertId: 'a1' }, { ...v('ana', T + 1), alertId: 'a1' }, v('ben', T + 2)]
    expect(latestPerAlert(same).map((x) => x.at)).toEqual([T + 1, T + 2])
    expect(proposeSuppressions(latestPerAlert(same), [])).toEqual([])
    // On issue rows, one per agent and issue: three clicks of Ana's and one of Ben's are two verdicts.
    expect(
      proposeSuppressions(latestPerAlert([v('ana', T), v('ana', T + 1), v('ana', T + 2), v('ben', T + 3)]), []),
    ).toEqual([])
    const changed = [
      { ...v('ana', T), alertId: 'a1' },
      { ...v('ana', T + 1, 'real'), alertId: 'a1' },
    ]
    expect(latestPerAlert(changed).map((x) => x.verdict)).toEqual(['real'])
  })

  it('keep issues apart', () => {
    const other = 'bbbbbbbbbbbbbbbb'
    expect(proposeSuppressions([v('ana', T), v('ben', T + 1), v('ana', T + 2, 'not', other)], [])).toEqual([])
  })
})
