import type { Outcomes } from '@wince/collector'
import { duration } from '../lib/duration.ts'

export interface Props {
  outcomes: Outcomes
}

const GROUPS: Array<[keyof Outcomes['groups'], string]> = [
  ['accepted', 'Offered help, accepted'],
  ['declined', 'Offered help, declined'],
  ['unanswered', 'Offered help, no answer'],
  ['not_offered', 'Not offered help'],
]

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10} %`)

type Figures = Outcomes['groups']['accepted']

function Cells({ f }: { f: Figures }) {
  return (
    <>
      <td>{f.sessions}</td>
      <td>
        {f.converted} · {pct(f.conversion)}{' '}
        <span class="muted">
          ({pct(f.low)} to {pct(f.high)})
        </span>
        {f.small && f.sessions > 0 && <span class="badge"> small sample</span>}
      </td>
      <td>{f.medianPagesAfter ?? '—'}</td>
      <td>{f.medianLeaveMs === null ? '—' : duration(f.medianLeaveMs)}</td>
    </>
  )
}

/** Did help help? Struggling sessions by the help they got, with counts and intervals: a comparison, not a proof. */
export function OutcomesTable({ outcomes }: Props) {
  const head = (
    <tr>
      <th scope="col" />
      <th scope="col">Sessions</th>
      <th scope="col">Converted after the alert (95 %)</th>
      <th scope="col">Pages after (median)</th>
      <th scope="col">Time to leave (median)</th>
    </tr>
  )
  return (
    <>
      <div class="table-wrap">
        <table data-testid="outcomes-table">
          <thead>{head}</thead>
          <tbody>
            {GROUPS.map(([key, label]) => (
              <tr key={key} data-testid="outcome-row" data-group={key}>
                <th scope="row">{label}</th>
                <Cells f={outcomes.groups[key]} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">
        {outcomes.sessions} struggling sessions. Groups under 10 sessions are small samples: their intervals are wide,
        and visitors who accept help may differ from those who do not.
      </p>
      {outcomes.messages.length > 0 && (
        <div class="table-wrap">
          <table data-testid="messages-table">
            <thead>
              <tr>
                <th scope="col">Agent message</th>
                <th scope="col">Accepted / declined / no answer</th>
                <th scope="col">Sessions</th>
                <th scope="col">Converted after the alert (95 %)</th>
                <th scope="col">Pages after (median)</th>
                <th scope="col">Time to leave (median)</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.messages.map((m) => (
                <tr key={m.message}>
                  <th scope="row">“{m.message}”</th>
                  <td>
                    {m.accepted} / {m.declined} / {m.unanswered}
                  </td>
                  <Cells f={m} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
