import type { FrictionPage } from '@wince/collector'
import { pagePath } from '../lib/pagePath.ts'
import { signalWords } from '@wince/collector/describe'
import { typeColumns } from '../lib/typeColumns.ts'

export interface Props {
  pages: readonly FrictionPage[]
  /** Per page: sessions and how many of them struggled there (from the overview). */
  struggling: ReadonlyArray<{ url: string; sessions: number; struggling: number; share: number }>
  /** A device, browser or OS filter is on: an empty table says it is empty for those visitors. */
  segmented?: boolean
}

/** Pages ranked by signals, with the rate per 100 views that makes busy and quiet pages comparable. */
export function FrictionPagesTable({ pages, struggling, segmented = false }: Props) {
  const types = typeColumns(pages)
  const share = new Map(struggling.map((s) => [s.url, s]))
  return (
    <div class="table-wrap">
      <table data-testid="friction-pages">
        <caption>Pages</caption>
        <thead>
          <tr>
            <th scope="col">Page</th>
            <th scope="col" class="num">
              Signals
            </th>
            <th scope="col" class="num">
              Per 100 views
            </th>
            <th scope="col" class="num" title="Share of the page's sessions that raised a struggle alert on it">
              Struggling
            </th>
            <th
              scope="col"
              class="num"
              title="Sessions with at least one signal on the page (Struggling counts every session that viewed it)"
            >
              Sessions with signals
            </th>
            <th scope="col" class="num">
              Views
            </th>
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
              <td colSpan={6} class="empty">
                {segmented ? 'No signals from these visitors in this range.' : 'No signals in this range.'}
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
              <td class="num" data-testid="struggling-share">
                {shareText(share.get(p.url))}
              </td>
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

/** `12 % (3 of 25)`, or a dash when the page's sessions are unknown. */
function shareText(s: { sessions: number; struggling: number; share: number } | undefined): string {
  if (!s || s.sessions === 0) return '–'
  return `${Math.round(s.share * 100)} % (${s.struggling} of ${s.sessions})`
}
