import type { SignalRow } from '../queries/querySignals.ts'

/** A signal type from the wire format (`rage_click`, `dead_click`…). */
export type SignalType = SignalRow['type']

/**
 * Each signal type in words. `satisfies` makes the compiler flag a type added
 * to the wire format but not named here.
 */
export const SIGNAL_WORDS = {
  rage_click: 'rage click',
  dead_click: 'dead click',
  error_click: 'error click',
  mouse_thrash: 'mouse thrashing',
  excessive_scroll: 'excessive scrolling',
  quick_back: 'quick back',
  form_struggle: 'form struggle',
} as const satisfies Record<SignalType, string>

/** Display order of the types: the order of {@link SIGNAL_WORDS}. */
export const SIGNAL_ORDER = Object.keys(SIGNAL_WORDS) as SignalType[]

/**
 * A signal type in words; a type this dashboard does not know yet (the
 * contract says more may be added) reads as its name with spaces.
 */
export function signalWords(type: string): string {
  // Any string may come in: an unknown type falls through to its own words.
  return (SIGNAL_WORDS as Record<string, string>)[type] ?? type.replace(/_/g, ' ')
}
