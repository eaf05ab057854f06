import type { FrictionElement } from '@wince/collector'
import { pagePath } from '../lib/pagePath.ts'
import { signalWords } from '@wince/collector/describe'
import { typeColumns } from '../lib/typeColumns.ts'

export interface Props {
  elements: readonly FrictionElement[]
  /** A device, browser or OS filter is on: an empty table says it is empty for those visitors. */
  segmented?: boolean
}

/** Elements (per page) ranked by signals: what to fix first. */
export function FrictionElementsTable({ elements, segmented = false }: Props) {
  const types = typeColumns(elements)
  return (
    <div class="table-wrap">
      <table data-testid="friction-elements">
        <caption>Elements</caption>
        <thead>
          <tr>
            <th scope="col">Element</th>
            <th scope="col">Page</th>
            <th scope="col" class="num">
              Signals
            </th>
            <th scope="col" class="num" title="Sessions with at least one signal on the element">
              Sessions with signals
            </th>
            {types.map((t) => (
              <th key={t} scope="col" class="num">
                {signalWords(t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {elements.length === 0 && (
            <tr>
              <td colSpan={4} class="empty">
                {segmented
                  ? 'No signals from these visitors on elements in this range.'
                  : 'No signals on elements in this range.'}
              </td>
            </tr>
          )}
          {elements.map((e) => (
            <tr key={`${e.url} ${e.selector}`} data-selector={e.selector}>
              <th scope="row">
                <code>{e.selector}</code>
                {e.label && e.label !== e.selector && <span class="label"> {e.label}</span>}
              </th>
              <td class="path" title={e.url}>
                {pagePath(e.url)}
              </td>
              <td class="num">{e.signals}</td>
              <td class="num">{e.sessions}</td>
              {types.map((t) => (
                <td key={t} class="num">
                  {e.byType[t] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
