import { signalWords } from './signalWords.ts'
import { describeFormStruggle } from './describeFormStruggle.ts'

/** What a sentence about one signal needs: a struggle reason or a stored signal. */
export interface ReasonLike {
  type: string
  /** Selector of the element ('' when not tied to one). */
  sel?: string
  /** Short safe label of the element. */
  lb?: string
  /** How many clicks, reversals… */
  n?: number
}

/** Types whose `n` is a count a person reads as "how many times" (for thrashing it is reversals). */
const COUNTED = new Set(['rage_click', 'dead_click', 'error_click'])

/** Types that happen over an area rather than on one element. */
const OVER = new Set(['mouse_thrash', 'excessive_scroll'])

/**
 * One reason in words, e.g. `rage click ×5 on button#place-order`,
 * `dead click on a.look-alike`, `mouse thrashing`. The selector names the
 * element when there is one, the label otherwise.
 */
export function describeReason(r: ReasonLike): string {
  // A form struggle says what the field did ("the card field rejected the entry 3 times").
  const form = r.type === 'form_struggle' ? describeFormStruggle(r.lb, r.n) : undefined
  if (form) return form
  let words = signalWords(r.type)
  if (COUNTED.has(r.type) && r.n !== undefined && r.n > 1) words += ` ×${r.n}`
  const target = r.sel || r.lb
  if (target) words += `${OVER.has(r.type) ? ' over' : ' on'} ${target}`
  return words
}
