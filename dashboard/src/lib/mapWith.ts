/** A copy of `map` with `key` set to `value`, or removed when `value` is undefined: for maps held in signals, which notify only on a new object. */
export function mapWith<V>(map: ReadonlyMap<string, V>, key: string, value: V | undefined): ReadonlyMap<string, V> {
  const next = new Map(map)
  if (value === undefined) next.delete(key)
  else next.set(key, value)
  return next
}
