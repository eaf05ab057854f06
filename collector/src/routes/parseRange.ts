import { ApiError } from '../ApiError.ts'
import type { Range } from '../queries/range.ts'
import { ID_MESSAGE, ID_RULE } from '../validate/id.ts'

/** Default look-back when `from` is not given: the last day. */
export const DEFAULT_RANGE_MS = 24 * 3600 * 1000

/**
 * Reads `site`, `from` and `to` from a query string: epoch ms or ISO dates;
 * `to` defaults to now, `from` to a day before `to`.
 */
export function parseRange(query: Record<string, string | undefined>, now = Date.now()): Range {
  const site = query.site
  if (!site) throw new ApiError(400, 'site: required (e.g. ?site=demo)')
  if (!ID_RULE.test(site)) throw new ApiError(400, `site: ${ID_MESSAGE}`)
  const to = parseTime('to', query.to) ?? now + 1
  const from = parseTime('from', query.from) ?? to - DEFAULT_RANGE_MS
  if (from >= to) throw new ApiError(400, 'from: must be before to')
  return { site, from, to }
}

function parseTime(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value)
  if (!Number.isFinite(ms) || ms < 0 || ms > 4_102_444_800_000) {
    throw new ApiError(400, `${name}: expected epoch milliseconds or an ISO date, got "${value.slice(0, 40)}"`)
  }
  return ms
}
