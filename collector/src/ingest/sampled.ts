import { createHash } from 'node:crypto'

/** Whether `key` falls in the sampled share `rate` (0–1): the same key always gets the same answer. */
export function sampled(key: string, rate: number): boolean {
  if (rate >= 1) return true
  if (rate <= 0) return false
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 0x1_0000_0000 < rate
}
