import { clean } from './scrub'

/** The element members a label needs. */
export interface LabelNode {
  localName: string
  getAttribute(name: string): string | null
}

/**
 * The core's label, used until the boot chunk installs the readable one (`ctx.l`, see
 * `readableLabel`): the element's explicit role, else its tag. Never page text.
 */
export const label = (el: LabelNode): string => {
  const r = el.getAttribute('role')
  return clean(r) ? r : el.localName
}
