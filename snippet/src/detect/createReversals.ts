/**
 * Counts direction reversals of a 1-D position, pure and O(1) per sample. A reversal
 * needs a swing of at least `swing` back from the last extreme, so jitter and small
 * corrections never count. Returns `{n, ms}` once `count` reversals fall within
 * `windowMs` (then starts over), else undefined.
 */
export function createReversals(swing: number, count: number, windowMs: number) {
  let dir = 0
  let ext = NaN
  let times: number[] = []
  return (v: number, t: number): { n: number; ms: number } | undefined => {
    const d = v - ext
    if (!(ext == ext) || dir * d > 0) ext = v // first sample, or the swing goes on
    else if (Math.abs(d) >= swing) {
      if (dir) {
        times.push(t)
        while (times[0]! < t - windowMs) times.shift()
      }
      dir = d > 0 ? 1 : -1
      ext = v
      if (times.length >= count) {
        const ms = t - times[0]!
        times = []
        return { n: count, ms }
      }
    }
  }
}
