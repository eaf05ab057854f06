import { clean } from './scrub'

/** Levels of ancestors in a selector: enough to tell similar elements apart, short enough to read and group. */
export const SELECTOR_DEPTH = 4

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
 * A short CSS selector for an element: tag, clean id (stops the climb), up to two clean
 * classes, a clean `data-testid`, and `:nth-of-type()` among same-tag siblings, for a
 * few levels. Only clean tokens are used (see `clean`), so page text, digits and
 * e-mails never leave; the nth-of-type index is structure, not content.
 */
export function selector(el: SelectorNode | null): string {
  const parts: string[] = []
  for (let i = 0; el && i < SELECTOR_DEPTH; i++) {
    let s = el.localName
    if (clean(el.id)) {
      parts.unshift(s + '#' + el.id)
      break
    }
    let n = 0
    for (const c of el.classList) if (clean(c) && n++ < 2) s += '.' + c
    const tid = el.getAttribute('data-testid')
    if (clean(tid)) s += `[data-testid="${tid}"]`
    const p: SelectorNode | null = el.parentElement
    if (p) {
      let same = 0
      let at = 0
      for (const sib of p.children) if (sib.localName == el.localName) sib == el ? (at = ++same) : same++
      if (same > 1) s += `:nth-of-type(${at})`
    }
    parts.unshift(s)
    el = p
  }
  return parts.join('>')
}
