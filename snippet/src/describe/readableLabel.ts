import { clean } from './scrub'
import { safeText } from './safeText'

/** Characters of text kept in a label: enough to recognise "Add to basket", too few for a paragraph. */
export const LABEL_TEXT_MAX = 40

/** Longest text taken as an element's name: longer is a container or a paragraph, not a control's name. */
export const LABEL_SOURCE_MAX = 80

/** Implicit roles of the elements people click, by tag (inputs by type, below); other tags name themselves. */
const ROLES: Record<string, string> = {
  button: 'button',
  summary: 'button',
  select: 'combobox',
  textarea: 'textbox',
  img: 'img',
  option: 'option',
  li: 'listitem',
  dialog: 'dialog',
  nav: 'navigation',
}
const INPUT_ROLES: Record<string, string> = {
  button: 'button',
  submit: 'button',
  reset: 'button',
  image: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  range: 'slider',
  number: 'spinbutton',
  search: 'searchbox',
}
/** Inputs whose `value` is the author's caption, not what a visitor typed. */
const CAPTIONED = /^(button|submit|reset)$/

/** An element's role as a person (or a screen reader) would say it: `button`, `link`, `checkbox`, `heading`… */
export function role(el: Element): string {
  const r = el.getAttribute('role')
  if (clean(r)) return r
  const t = el.localName
  // An <input> (localName checked).
  if (t == 'input') return INPUT_ROLES[(el as HTMLInputElement).type] || 'textbox'
  if (t == 'a') return el.hasAttribute('href') ? 'link' : t
  return ROLES[t] || (/^h[1-6]$/.test(t) ? 'heading' : t)
}

/**
 * An element's accessible name, roughly as a browser computes it for the elements people
 * click: `aria-label`, `aria-labelledby`, a form field's `<label>`, an image's `alt`, a
 * button input's caption, the text inside, `title`. Never what a visitor typed.
 */
export function accessibleName(el: Element): string {
  const d = el.ownerDocument
  const by = el.getAttribute('aria-labelledby')
  const field = /^(input|select|textarea)$/.test(el.localName)
  // Its input-only fields are read only when `field` holds (or are undefined elsewhere).
  const input = el as HTMLInputElement
  return (
    el.getAttribute('aria-label') ||
    by
      ?.split(/\s+/)
      .map((id) => d.getElementById(id)?.textContent || '')
      .join(' ') ||
    (field
      ? [...(input.labels || [])].map((l) => l.textContent).join(' ') || (CAPTIONED.test(input.type) && input.value)
      : el.textContent) ||
    (el.localName == 'img' && el.getAttribute('alt')) ||
    el.getAttribute('title') ||
    ''
  )
}

/**
 * The label a person would give an element: its role, and with `text` (the site's
 * `allowText`) its accessible name, whitespace-collapsed, cleared of personal numbers and
 * e-mails ({@link safeText}) and cut to {@link LABEL_TEXT_MAX} — unless the name is longer
 * than {@link LABEL_SOURCE_MAX} (a container, not a control) or the element is inside
 * `data-wince-mask`. `button Pay €129`, `link Delivery`, `checkbox`.
 */
export function readableLabel(el: Element, text: boolean): string {
  const r = role(el)
  if (!text || el.closest('[data-wince-mask]')) return r
  const name = safeText(accessibleName(el).replace(/\s+/g, ' ').trim())
  return name && name.length <= LABEL_SOURCE_MAX ? r + ' ' + name.slice(0, LABEL_TEXT_MAX).trim() : r
}
