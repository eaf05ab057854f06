/**
 * Page text as labels may carry it (only when the site allows text): what may identify a
 * person goes, ordinary words and small numbers stay. Shared by the snippet and the
 * collector (which applies it again at its door, whatever a snippet sent).
 *
 * - e-mail-like words become `@`;
 * - numbers of {@link PERSONAL_DIGITS} digits or more (card, phone, order and account
 *   numbers, dates, postcodes), their groups joined by spaces, dots, commas, dashes or
 *   slashes, become `#`;
 * - unless they are prices: a currency sign or code right before or after, and at most
 *   {@link PRICE_MAX_DIGITS} digits ("Pay €129", "1,299.00 EUR"). A card number next to
 *   a euro sign is still a card number.
 * - shorter numbers stay: "Step 2 of 3", "h1", "2 × €49".
 */
export function safeText(s: string): string {
  return s.replace(EMAIL, '@').replace(NUMBER, (m: string, at: number, all: string) => {
    const digits = m.replace(/\D/g, '').length
    if (digits < PERSONAL_DIGITS) return m
    const price =
      CURRENCY_BEFORE.test(all.slice(Math.max(0, at - 4), at)) ||
      CURRENCY_AFTER.test(all.slice(at + m.length, at + m.length + 4))
    return price && digits <= PRICE_MAX_DIGITS ? m : '#'
  })
}

/** Digits from which a number may be personal: years, PINs, postcodes and longer; 1 to 3 digits are counts and steps. */
export const PERSONAL_DIGITS = 4
/** Most digits a price keeps: 99,999.99 — beyond that it is more likely an account or card number. */
export const PRICE_MAX_DIGITS = 7

const EMAIL = /[^\s@]+@[^\s@]+/g
/** A number as people write it: digit groups joined by one space, dot, comma, dash or slash; an optional leading `+` (phones). */
const NUMBER = /\+?\d+(?:[ .,/-]\d+)*/g
const CURRENCIES = '[€$£¥₹]|EUR|USD|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN'
const CURRENCY_BEFORE = new RegExp(`(?:${CURRENCIES})\\s?$`)
const CURRENCY_AFTER = new RegExp(`^\\s?(?:${CURRENCIES})`)
