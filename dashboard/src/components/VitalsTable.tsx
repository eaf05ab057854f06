import { pagePath } from '../lib/pagePath.ts'
import { formatVital, vitalsRating, type VitalName } from '../lib/vitalsRating.ts'
import type { Overview } from '../models/frictionModel.ts'

export interface Props {
  vitals: Overview['vitals']
}

const NAMES: readonly VitalName[] = ['LCP', 'INP', 'CLS']
const RATING_WORDS = { good: 'good', 'needs-improvement': 'needs improvement', poor: 'poor' } as const

/** Web vitals per page at p75, rated by web.dev's thresholds, with the element web-vitals blames. */
export function VitalsTable({ vitals }: Props) {
  const byUrl = new Map<string, Partial<Record<VitalName, Props['vitals'][number]>>>()
  for (const v of vitals) byUrl.set(v.url, { ...byUrl.get(v.url), [v.name]: v })
  return (
    <div class="table-wrap">
      <table data-testid="vitals">
        <caption>Web vitals (p75)</caption>
        <thead>
          <tr>
            <th scope="col">Page</th>
            {NAMES.map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {byUrl.size === 0 && (
            <tr>
              <td colSpan={4} class="empty">
                No web vitals in this range.
              </td>
            </tr>
          )}
          {[...byUrl].map(([url, row]) => (
            <tr key={url} data-url={url}>
              <th scope="row" class="path" title={url}>
                {pagePath(url)}
              </th>
              {NAMES.map((n) => {
                const v = row[n]
                if (!v)
                  return (
                    <td key={n} class="muted">
                      –
                    </td>
                  )
                const rating = vitalsRating(n, v.p75)
                return (
                  <td key={n} data-testid="vital" data-name={n} data-rating={rating}>
                    <span class={`rating rating-${rating}`} title={`${RATING_WORDS[rating]}, ${v.samples} samples`}>
                      {formatVital(n, v.p75)}
                    </span>
                    <span class="sr-only"> ({RATING_WORDS[rating]})</span>
                    {v.element && (
                      <div class="muted small">
                        <code>{v.element}</code>
                      </div>
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
