import { CSS } from './styles'

type Kid = Node | string | false | undefined

/** Makes an element with properties and children (text as text nodes: never parsed as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...kids: Kid[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) k.includes('-') ? el.setAttribute(k, String(v)) : ((el as any)[k] = v)
  el.append(...(kids.filter(Boolean) as (Node | string)[]))
  return el
}

/** Fields a visitor may be typing in: the prompt never takes focus from them. */
const TYPING = 'input,textarea,select,[contenteditable]:not([contenteditable=false])'

export interface Panel {
  /** Shows `kids` in the box (announced politely); focuses `focus` unless the visitor is typing. */
  show(kids: Kid[], focus?: HTMLElement): void
  hide(): void
  /** Whether something is shown. */
  open(): boolean
}

/**
 * The help UI: one (open) shadow root at the end of the body, styled by a constructed
 * stylesheet (strict-CSP friendly), with a polite live region, a close button with an
 * accessible name, and Escape to close. `onClose` runs when the visitor closes it.
 * `data-wince-ignore`: clicks on it are never frustration signals.
 */
export function createPanel(onClose: () => void, cleanups: (() => void)[]): Panel {
  // `data-wince-ui`: Wince's own interface, never counted as a page click on heatmaps.
  const host = h('div', { 'data-wince-ignore': '', 'data-wince-ui': '' })
  const root = host.attachShadow({ mode: 'open' })
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(CSS)
  root.adoptedStyleSheets = [sheet]
  const box = h('div', { className: 'box', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'wince-t', 'aria-live': 'polite', hidden: true })
  root.append(box)
  document.body.append(host)
  let shown = false
  const key = (e: KeyboardEvent) => e.key == 'Escape' && shown && onClose()
  addEventListener('keydown', key, true)
  cleanups.push(() => {
    removeEventListener('keydown', key, true)
    host.remove()
  })
  return {
    show(kids, focus) {
      const close = h('button', { className: 'x', type: 'button', 'aria-label': 'Close', onclick: onClose }, '×')
      box.replaceChildren(...(kids.filter(Boolean) as (Node | string)[]), close)
      box.hidden = false
      shown = true
      const a = document.activeElement
      if (!(a instanceof Element && a.matches(TYPING))) (focus || close).focus({ preventScroll: true })
    },
    hide() {
      box.hidden = true
      box.replaceChildren()
      shown = false
    },
    open: () => shown,
  }
}
