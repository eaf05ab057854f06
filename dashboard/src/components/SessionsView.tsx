import type { SegmentFamilies, SessionRow } from '@wince/collector'
import type { ComponentChildren } from 'preact'
import { NO_SESSION_FILTER, type SessionFilter, type SessionListModel } from '../models/sessionListModel.ts'
import { SegmentPicker } from './SegmentPicker.tsx'
import { duration } from '../lib/duration.ts'
import { SIGNAL_ORDER } from '@wince/collector/describe'

export interface Props {
  list: SessionListModel
  onRefresh(): void
  onOpen(row: SessionRow): void
  aside: ComponentChildren
  /** Device classes and families seen, which the segment picker offers. */
  families?: SegmentFamilies
}

/** Every signal type, from the one list the collector words them by (a type added there shows here). */
const TYPES = SIGNAL_ORDER

/** Sessions to watch: filters, then one row per session; a row opens its signals and replay. */
export function SessionsView({ list, onRefresh, onOpen, aside, families }: Props) {
  const f = list.filter.value
  const set = (patch: Partial<SessionFilter>) => {
    list.filter.value = { ...list.filter.peek(), ...patch }
    onRefresh()
  }
  // A session filter is a segment and more; the picker writes back only the segment's fields,
  // spreading the rest as it found them (a Signal's type is invariant, so it is not a Signal<SegmentFilter>).
  const segment = list.filter as never
  return (
    <>
      <section class="sessions panel" aria-labelledby="sessions-heading" aria-busy={list.loading.value}>
        <div class="section-head">
          <h2 id="sessions-heading">Sessions</h2>
          <label>
            Signal{' '}
            <select data-testid="sessions-type" value={f.type} onChange={(e) => set({ type: e.currentTarget.value })}>
              <option value="">any</option>
              {TYPES.map((t) => (
                <option value={t}>{t.replace('_', ' ')}</option>
              ))}
            </select>
          </label>
          <label>
            Converted{' '}
            <select
              data-testid="sessions-converted"
              value={f.converted}
              onChange={(e) =>
                // The options below are exactly the filter's values.
                set({ converted: e.currentTarget.value as SessionFilter['converted'] })
              }
            >
              <option value="">any</option>
              <option value="true">yes</option>
              <option value="false">no</option>
            </select>
          </label>
          <label>
            Min. score{' '}
            <input
              data-testid="sessions-min-score"
              type="text"
              size={3}
              value={f.minScore}
              onChange={(e) => set({ minScore: e.currentTarget.value.trim() })}
            />
          </label>
          <label>
            Page{' '}
            <input
              data-testid="sessions-url"
              type="text"
              size={12}
              value={f.url}
              placeholder="/path"
              onChange={(e) => set({ url: e.currentTarget.value.trim() })}
            />
          </label>
          <SegmentPicker segment={segment} onChange={onRefresh} {...(families && { families })} />
          {(f.selector || f.url || f.type) && (
            <button type="button" onClick={() => set(NO_SESSION_FILTER)}>
              Clear filters
            </button>
          )}
        </div>
        {f.selector && (
          <p class="muted" data-testid="sessions-issue">
            Sessions of the issue: {f.type.replace('_', ' ')} on <code>{f.selector}</code> at {f.url}
          </p>
        )}
        {list.error.value && (
          <p class="error" role="alert">
            {list.error.value}
          </p>
        )}
        {list.sessions.value.length === 0 ? (
          <p class="muted">No session matches.</p>
        ) : (
          <div class="table-wrap">
            <table data-testid="sessions-table">
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  <th scope="col">Started</th>
                  <th scope="col">Length</th>
                  <th scope="col">Pages</th>
                  <th scope="col">Signals</th>
                  <th scope="col">Score</th>
                  <th scope="col">Device</th>
                  <th scope="col">Converted</th>
                  <th scope="col">Replay</th>
                </tr>
              </thead>
              <tbody>
                {list.sessions.value.map((s) => (
                  <tr
                    key={s.session}
                    data-testid="session-row"
                    data-session={s.session}
                    class="clickable"
                    onClick={() => onOpen(s)}
                  >
                    <td>
                      <button
                        type="button"
                        class="link"
                        onClick={(e) => {
                          e.stopPropagation()
                          onOpen(s)
                        }}
                      >
                        {s.session.slice(0, 8)}
                      </button>
                    </td>
                    <td>{new Date(s.start).toLocaleString()}</td>
                    <td>{duration(s.end - s.start)}</td>
                    <td>{s.pages}</td>
                    <td>
                      {s.signals} <span class="muted">{s.types.map((t) => t.replace('_', ' ')).join(', ')}</span>
                    </td>
                    <td>{s.score}</td>
                    <td>
                      {s.device} <span class="muted">{[s.browser, s.os].filter(Boolean).join(' · ')}</span>
                    </td>
                    <td>{s.converted ? `yes${s.value ? ` (${s.value})` : ''}` : 'no'}</td>
                    <td>{s.replay ? 'yes' : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div class="side">{aside}</div>
    </>
  )
}
