/**
 * Whether an id, class or attribute value may appear in a selector: letters, `-` and
 * `_` only, short. This drops anything with digits or `@` (user ids, e-mails, generated
 * class names like `css-1x2y3z`) rather than mangling it, and needs no CSS escaping.
 */
export const clean = (s: string | null | undefined): s is string => /^[a-z_-]{1,40}$/i.test(s || '')
