const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Below this, "just now": a few seconds of clock skew between visitor and agent are noise. */
const JUST_NOW_MS = 10 * SECOND

/**
 * How long ago `ts` was, in short English: `just now`, `25 s ago`, `4 min ago`,
 * `3 h ago`, `2 d ago` (or `in 5 min` for a time ahead of `now`). Rounds down,
 * so "1 min ago" never shows for something 50 s old.
 */
export function relativeTime(ts: number, now: number): string {
  const diff = now - ts
  const abs = Math.abs(diff)
  if (abs < JUST_NOW_MS) return 'just now'
  const amount =
    abs < MINUTE
      ? `${Math.floor(abs / SECOND)} s`
      : abs < HOUR
        ? `${Math.floor(abs / MINUTE)} min`
        : abs < DAY
          ? `${Math.floor(abs / HOUR)} h`
          : `${Math.floor(abs / DAY)} d`
  return diff > 0 ? `${amount} ago` : `in ${amount}`
}
