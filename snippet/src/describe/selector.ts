import { clean } from './scrub'

/** Levels of ancestors in a selector: enough to tell similar elements apart, short enough to read and group. */
export const SELECTOR_DEPTH = 4

/**
 * Attributes that name an element stably, in order of preference, and end the selector
 * there: a test id, a form field's `name`, a label's `for`. (Roles repeat: they add to a
 * step, they do not end it.)
 */
const NAMES = ['data-testid', 'name', 'for', 'role']

/** The few element members a selector needs (so tests can pass plain objects). */
export interface SelectorNode {
  localName: string
  id: string
  classList: Iterable<string>
  getAttribute(name: string): string | null
  parentElement: SelectorNode | null
  children: Iterable<SelectorNode>
}

/**
 * A short, stable CSS selector for an element, climbing a few levels up to `body`: each
 * step is the tag with a clean id (which ends it), or a naming attribute (`data-testid`,
 * `name`, `for`, which end it; a `role`, which does not), else up to two clean classes;
 * and `:nth-of-type()` among same-tag siblings unless the step ended the climb. Only clean tokens are used (see `clean`), so page text, digits and
 * e-mails never leave; the nth-of-type index is structure, not content.
 */
export function selector(el: SelectorNode | null): string {
  let sel = ''
  for (let i = 0; el && i < SELECTOR_DEPTH; i++) {
    let s = el.localName
    // `body` ends the climb too: `html>body>` would add nothing.
    let end = clean(el.id) || s == 'body'
    let n = 0
    if (clean(el.id)) s += '#' + el.id
    else
      for (const a of NAMES) {
        const v = el.getAttribute(a)
        if (clean(v)) {
          s += `[${a}="${v}"]`
          end ||= a != 'role'
          n = 2
          break
        }
      }
    const p: SelectorNode | null = el.parentElement
    if (!end) {
      for (const c of el.classList) if (clean(c) && n++ < 2) s += '.' + c
      if (p) {
        let same = 0
        let at = 0
        for (const sib of p.children) if (sib.localName == el.localName) sib == el ? (at = ++same) : same++
        if (same > 1) s += `:nth-of-type(${at})`
      }
    }
    sel = sel ? s + '>' + sel : s
    if (end) break
    el = p
  }
  return sel
}
