/**
 * Where `offset` falls within `size`, as a fraction 0–1 rounded to hundredths (enough to
 * place a hotspot on an element; shorter on the wire). Clamped: a click on a border or a
 * transformed child can land just outside the box. A zero-size box gives its middle.
 */
export const fraction = (offset: number, size: number): number =>
  size > 0 ? +Math.min(1, Math.max(0, offset / size)).toFixed(2) : 0.5
