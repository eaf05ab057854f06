import type { SelectorNode } from './selector'
import type { LabelNode } from './label'

type Fake = SelectorNode & LabelNode & { children: Fake[]; parentElement: Fake | null; textContent: string }

/** Test helper: a minimal element tree for the selector and label builders (no DOM in node). */
export function el(tag: string, attrs: Record<string, string> = {}, children: Fake[] = [], text = ''): Fake {
  const node: Fake = {
    localName: tag,
    id: attrs.id ?? '',
    classList: (attrs.class ?? '').split(' ').filter(Boolean),
    getAttribute: (n) => attrs[n] ?? null,
    parentElement: null,
    children,
    textContent: text + children.map((c) => c.textContent).join(''),
  }
  for (const c of children) c.parentElement = node
  return node
}
