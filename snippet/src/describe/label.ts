import { clean, scrub } from './scrub'

/** Characters of text kept in a label: enough to recognise "Add to basket", too few for a paragraph. */
export const LABEL_TEXT_MAX = 40

/** Longest text taken as an element's caption: longer is a container or a paragraph, not a control's name. */
export const LABEL_SOURCE_MAX = 80

/** The element members a label needs. */
export interface LabelNode {
  localName: string
  getAttribute(name: string): string | null
  textContent: string | null
}

/**
 * A safe label: tag and role (`button`, `div[button]`); with `text` (the site's
 * `data-text="true"`) also its aria-label or text, whitespace-collapsed, scrubbed and
 * cut to {@link LABEL_TEXT_MAX}, unless it is longer than {@link LABEL_SOURCE_MAX} (not a caption). Input values are never read.
 */
export function label(el: LabelNode, text?: boolean): string {
  const role = el.getAttribute('role')
  let lb = el.localName + (clean(role) ? `[${role}]` : '')
  if (text) {
    const t = scrub((el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim())
    if (t && t.length <= LABEL_SOURCE_MAX) lb += ' ' + t.slice(0, LABEL_TEXT_MAX)
  }
  return lb
}
