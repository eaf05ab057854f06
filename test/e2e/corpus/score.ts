import type { SignalType } from './Scenario.ts'

/** A scenario's result: the labels it expected and the signal types the API returned. */
export interface Outcome {
  name: string
  expected: SignalType[]
  got: SignalType[]
}

export interface Score {
  /** (scenario, type) pairs both expected and raised. */
  tp: number
  /** Raised but not expected: a false alarm. */
  fp: number
  /** Expected but not raised: a miss. */
  fn: number
  precision: number
  recall: number
}

/** Precision and recall over (scenario, signal type) pairs. An empty denominator scores 1 (nothing to get wrong). */
export function score(outcomes: Outcome[]): Score {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const o of outcomes) {
    for (const t of o.got) o.expected.includes(t) ? tp++ : fp++
    for (const t of o.expected) if (!o.got.includes(t)) fn++
  }
  return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 }
}

/** Whether a scenario got exactly its labels. */
export const exact = (o: Outcome): boolean =>
  o.got.length === o.expected.length && o.expected.every((t) => o.got.includes(t))

/** A plain-text table of every scenario, then the score line. */
export function table(outcomes: Outcome[], s: Score): string {
  const rows = outcomes.map((o) => [
    o.name,
    o.expected.join(' ') || '—',
    o.got.join(' ') || '—',
    exact(o) ? 'ok' : 'MISMATCH',
  ])
  const head = ['scenario', 'expected', 'got', 'ok']
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(width[i]!))
      .join('  ')
      .trimEnd()
  return [
    line(head),
    line(width.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; ${outcomes.length} scenarios)`,
  ].join('\n')
}

/** Precision and recall of each signal type apart: the outcomes seen through one type at a time. */
export function scoreByType(outcomes: Outcome[], types: readonly SignalType[]): Record<string, Score> {
  const only = (t: SignalType) =>
    outcomes.map((o) => ({ ...o, expected: o.expected.filter((x) => x === t), got: o.got.filter((x) => x === t) }))
  return Object.fromEntries(types.map((t) => [t, score(only(t))]))
}
