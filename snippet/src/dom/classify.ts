import { ACTION, PLAIN, SKIP } from '../detect/Click'

/** `data-wince-ignore`: no signal for the element or anything inside it. */
export const IGNORE = '[data-wince-ignore]'

/** What looks actionable by markup (inputs that are not NEVER are pressed like buttons). */
const ACTIONABLE =
  'a,button,summary,label,input,[onclick],[role=button],[role=link],[role=tab],[role=menuitem],[role=checkbox],[role=radio],[role=switch],[role=option]'

/**
 * Never judged: typing, choosing and drawing surfaces answer in ways we cannot see, and
 * links that navigate, open a new window or download are answered by leaving. Inputs are
 * typed into, except the types pressed like buttons (checkbox and radio answer with a
 * change event); `type` matches case-insensitively, and a missing or unknown type is text.
 * Nor is `<input type=reset>`: on a form still as it came, it rightly changes nothing.
 */
const NEVER =
  `${IGNORE},select,textarea,canvas,input:not([type=submit],[type=button],[type=image],[type=checkbox],[type=radio]),` +
  'a[download],a[target]:not([target=_self]),a[href]:not([href^="#"]):not([href^=javascript])'

/**
 * Decides the kind of a click from its target (DOM adapter): the element to judge
 * (actionable ancestor, or the target) and whether it is SKIP, PLAIN or ACTION.
 */
export function classify(el: Element): [number, Element] {
  // Any element; isContentEditable is undefined on non-HTML ones, which reads as false.
  if (el.closest(NEVER) || (el as HTMLElement).isContentEditable) return [SKIP, el]
  const a = el.closest(ACTIONABLE)
  if (a) return [ACTION, a]
  const cs = getComputedStyle(el)
  // Looks clickable: a pointer cursor, or underlined like a link.
  return [cs.cursor == 'pointer' || cs.textDecorationLine.includes('underline') ? ACTION : PLAIN, el]
}
