/**
 * Counts direction reversals of a 1-D position, pure and O(1) per sample. A reversal
 * needs a swing of at least `swing` back from the last extreme, so jitter and small
 * corrections never count; with `turnMs`, it must also get that far back within
 * `turnMs` of reaching the extreme: a pause at the turn (dwelling on a target) makes it
 * a new start, not a reversal. Returns `{n, ms}` once `count` reversals fall within
 * `windowMs` (then starts over), else undefined.
 */
export function createReversals(swing: number, count: number, windowMs: number, turnMs = Infinity) {
  let dir = 0
  let ext = NaN
  let extT = 0
  let times: number[] = []
  return (v: number, t: number): { n: number; ms: number } | undefined => {
    const d = v - ext
    // First sample, or the swing goes on: a new extreme; reached now unless it only crept
    // on by less than a tenth of a swing (tremor while dwelling at the turn).
    if (!(ext == ext) || dir * d > 0) {
      if (!(dir * d < swing / 10)) extT = t
      ext = v
    } else if (Math.abs(d) >= swing) {
      if (dir && t - extT <= turnMs) {
        times.push(t)
        // Never empty here: t was just pushed, and t is not older than the window.
        while (times[0]! < t - windowMs) times.shift()
      } else if (dir) times = []
      dir = d > 0 ? 1 : -1
      ext = v
      extT = t
      if (times.length >= count) {
        // times.length >= count >= 1.
        const ms = t - times[0]!
        times = []
        return { n: count, ms }
      }
    }
  }
}
