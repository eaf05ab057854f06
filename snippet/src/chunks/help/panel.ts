import { CSS } from './styles'

type Kid = Node | string | false | undefined

/** Makes an element with properties and children (text as text nodes: never parsed as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...kids: Kid[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  // Properties by name (`onclick`, `type`…): the element's own typed fields are not indexable by string.
  for (const [k, v] of Object.entries(props))
    k.includes('-') ? el.setAttribute(k, String(v)) : ((el as unknown as Record<string, unknown>)[k] = v)
  // filter(Boolean) drops the false/undefined children a condition left.
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
  /** Extra CSS for what is shown (e.g. an agent's colour); the caller vouches for its values. */
  style(css: string): void
}

/**
 * The rule that lays the (fixed, click-through) host over the visual viewport, at the
 * screen's own scale: on a phone showing a page a little wider than the screen (zoomed
 * out to fit) or pinch-zoomed, a fixed element follows the layout viewport and may sit
 * off screen or shrink; this keeps the box in view and readable. A rule in a constructed
 * stylesheet, not a style attribute: a strict CSP allows it.
 */
function fitRule(vv: VisualViewport): string {
  const k = vv.scale || 1
  return `:host{left:${vv.offsetLeft}px;top:${vv.offsetTop}px;width:${vv.width * k}px;height:${vv.height * k}px${k == 1 ? '' : `;transform:scale(${1 / k})`}}`
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
  // Rules that change while shown (the viewport fit, an agent's colour).
  const live = new CSSStyleSheet()
  let fit = ''
  let extra = ''
  const apply = () => live.replaceSync(fit + extra)
  root.adoptedStyleSheets = [sheet, live]
  const box = h('div', {
    className: 'box',
    role: 'dialog',
    'aria-modal': 'false',
    'aria-labelledby': 'wince-t',
    'aria-live': 'polite',
    hidden: true,
  })
  root.append(box)
  document.body.append(host)
  let shown = false
  const key = (e: KeyboardEvent) => e.key == 'Escape' && shown && onClose()
  addEventListener('keydown', key, true)
  const vv = visualViewport
  const refit = () => vv && ((fit = fitRule(vv)), apply())
  vv?.addEventListener('resize', refit)
  vv?.addEventListener('scroll', refit)
  cleanups.push(() => {
    removeEventListener('keydown', key, true)
    vv?.removeEventListener('resize', refit)
    vv?.removeEventListener('scroll', refit)
    host.remove()
  })
  return {
    show(kids, focus) {
      const close = h('button', { className: 'x', type: 'button', 'aria-label': 'Close', onclick: onClose }, '×')
      // filter(Boolean) drops the false/undefined children a condition left.
      box.replaceChildren(...(kids.filter(Boolean) as (Node | string)[]), close)
      box.hidden = false
      shown = true
      refit()
      const a = document.activeElement
      if (!(a instanceof Element && a.matches(TYPING))) (focus || close).focus({ preventScroll: true })
    },
    hide() {
      box.hidden = true
      box.replaceChildren()
      shown = false
    },
    open: () => shown,
    style(css) {
      extra = css
      apply()
    },
  }
}
