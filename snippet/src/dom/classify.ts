import { ACTION, PLAIN, SKIP } from '../detect/Click'

/** `data-wince-ignore`: no signal for the element or anything inside it. */
export const IGNORE = '[data-wince-ignore]'

/** What looks actionable by markup. */
const ACTIONABLE =
  'a,button,summary,label,[onclick],' +
  'button link tab menuitem checkbox radio switch option'
    .split(' ')
    .map((r) => `[role=${r}]`)
    .join()

/**
 * Never judged: typing, choosing and drawing surfaces answer in ways we cannot see, and
 * links that navigate, open a new window or download are answered by leaving.
 */
const NEVER = `${IGNORE},select,textarea,canvas,a[download],a[target]:not([target=_self]),a[href]:not([href^="#"]):not([href^=javascript])`

/** Input types that are pressed like buttons (checkbox and radio answer with a change event). */
const PRESSED = /^(submit|button|image|reset|checkbox|radio)$/

/**
 * Decides the kind of a click from its target (DOM adapter): the element to judge
 * (actionable ancestor, or the target) and whether it is SKIP, PLAIN or ACTION.
 */
export function classify(el: Element): [number, Element] {
  if (el.closest(NEVER) || (el as HTMLElement).isContentEditable) return [SKIP, el]
  if (el instanceof HTMLInputElement) return [PRESSED.test(el.type) ? ACTION : SKIP, el]
  const a = el.closest(ACTIONABLE)
  if (a) return [ACTION, a]
  const cs = getComputedStyle(el)
  // Looks clickable: a pointer cursor, or underlined like a link.
  return [cs.cursor == 'pointer' || cs.textDecorationLine.includes('underline') ? ACTION : PLAIN, el]
}
