import type { Ctx } from '../ext/Ctx'
import { readableLabel } from '../describe/readableLabel'
import { chunk } from './lib/chunk'

/**
 * The text chunk: signal labels with the element's text ("button Pay €129"), cleared of
 * what may identify a person. Sites allow text by choice (`allowText`, off by default),
 * so the boot chunk labels by role alone and loads this only when the page view's
 * settings (or, until they come, the session's last ones) allow text. Loaded because
 * text was allowed: until this page view's settings come, it is.
 */
chunk('text', (c: Ctx) => {
  c.l = (el: Element) => readableLabel(el, !c.st || !!c.st.allowText)
})
