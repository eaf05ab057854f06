import type { FrictionPage } from '@wince/collector'
import { pagePath } from '../lib/pagePath.ts'
import { signalWords } from '@wince/collector/describe'
import { typeColumns } from '../lib/typeColumns.ts'

export interface Props {
  pages: readonly FrictionPage[]
}

/** Pages ranked by signals, with the rate per 100 views that makes busy and quiet pages comparable. */
export function FrictionPagesTable({ pages }: Props) {
  const types = typeColumns(pages)
  return (
    <div class="table-wrap">
      <table data-testid="friction-pages">
        <caption>Pages</caption>
        <thead>
          <tr>
            <th scope="col">Page</th>
            <th scope="col" class="num">Signals</th>
            <th scope="col" class="num">Per 100 views</th>
            <th scope="col" class="num">Sessions</th>
            <th scope="col" class="num">Views</th>
            {types.map((t) => (
              <th key={t} scope="col" class="num">
                {signalWords(t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pages.length === 0 && (
            <tr>
              <td colSpan={5} class="empty">
                No signals in this range.
              </td>
            </tr>
          )}
          {pages.map((p) => (
            <tr key={p.url} data-url={p.url}>
              <th scope="row" class="path" title={p.url}>
                {pagePath(p.url)}
              </th>
              <td class="num">{p.signals}</td>
              {/* No recorded view (page views not beaconed yet): a rate of 0 would mislead. */}
              <td class="num">{p.views > 0 ? p.per100Views : '–'}</td>
              <td class="num">{p.sessions}</td>
              <td class="num">{p.views}</td>
              {types.map((t) => (
                <td key={t} class="num">
                  {p.byType[t] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
