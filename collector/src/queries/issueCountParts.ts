/**
 * One part of the issue counts (the roll-up's days, or the rest of the range), before the
 * parts are added up: an issue's row (`kind` 'issue', keyed by its hash) or a page's
 * (`kind` 'page', keyed by its path), with how many of its sessions converted and their
 * value. Sessions add up across parts: each counts session-days.
 */
export interface CountPart {
  kind: 'issue' | 'page'
  key: string
  page: string
  selector: string
  type: string
  label: string
  url: string
  sessions: number
  signals: number
  first: number
  last: number
  converted: number
  value: number
}

type Num = string | number
/** A part's row as the queries return it (JSON numbers may come as strings). */
export interface CountPartRow {
  kind: string
  key: string
  page: string
  selector: string
  type: string
  label: string
  url: string
  sessions: Num
  signals: Num
  first_ms: Num
  last_ms: Num
  converted: Num
  value: Num
}

/** Rows of a part as {@link CountPart}s. */
export const toCountParts = (rows: CountPartRow[]): CountPart[] =>
  rows.map((r) => ({
    kind: r.kind === 'page' ? 'page' : 'issue',
    key: r.kind === 'page' ? r.page : String(r.key),
    page: r.page,
    selector: r.selector,
    type: r.type,
    label: r.label,
    url: r.url,
    sessions: Number(r.sessions),
    signals: Number(r.signals),
    first: Number(r.first_ms),
    last: Number(r.last_ms),
    converted: Number(r.converted),
    value: Number(r.value),
  }))
