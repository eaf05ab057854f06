/**
 * Props equal for rendering: the same values, arrays with the same items (one
 * level deep, as a regrouped list is), and any functions (callbacks into the
 * models, re-created by each parent render but doing the same). Lets `memo`
 * skip the cards a batch of live alerts did not change.
 */
export function sameProps(a: object, b: object): boolean {
  // Any object's own fields, read as unknown to compare them.
  const x = a as Record<string, unknown>
  // (as above)
  const y = b as Record<string, unknown>
  const keys = Object.keys(x)
  if (keys.length !== Object.keys(y).length) return false
  return keys.every((k) => {
    const u = x[k]
    const v = y[k]
    if (u === v || (typeof u === 'function' && typeof v === 'function')) return true
    if (Array.isArray(u) && Array.isArray(v)) return u.length === v.length && u.every((item, i) => item === v[i])
    if (u && v && typeof u === 'object' && typeof v === 'object' && !Array.isArray(u) && 'key' in u && 'alerts' in u)
      return sameProps(u, v)
    return false
  })
}
