import type { LearningView } from '@wince/collector'

export interface Props {
  calibration: LearningView['calibration']
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`)

/** Precision of alerts per signal type, estimated from verdicts: the count behind each figure, small samples said so. */
export function CalibrationTable({ calibration }: Props) {
  const { tuning, precisions } = calibration
  return (
    <>
      <p class="meta" data-testid="tuning">
        In force: threshold {tuning.threshold}; weights{' '}
        {Object.entries(tuning.weights)
          .map(([t, w]) => `${t.replace('_', ' ')} ${w}`)
          .join(', ')}
        {tuning.tunedBy.length > 0 && ` (tuned by ${tuning.tunedBy.join(', ')})`}
      </p>
      {precisions.length === 0 ? (
        <p class="muted">No verdict yet: precision is estimated from your team's verdicts on alerts.</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="calibration-table">
            <thead>
              <tr>
                <th scope="col">Signal type</th>
                <th scope="col">Verdicts (real / not a problem)</th>
                <th scope="col">Precision (95 %)</th>
              </tr>
            </thead>
            <tbody>
              {precisions.map((p) => (
                <tr key={p.type} data-testid="precision-row" data-type={p.type}>
                  <td>{p.type === 'all' ? 'all alerts' : p.type.replace('_', ' ')}</td>
                  <td>
                    {p.real + p.not} ({p.real} / {p.not})
                  </td>
                  <td>
                    {pct(p.precision)}{' '}
                    <span class="muted">
                      ({pct(p.low)} to {pct(p.high)})
                    </span>
                    {p.small && <span class="badge"> small sample</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
