import type { Ctx } from '../ext/Ctx'
import { chunk } from './lib/chunk'
import { watchForms } from './watchForms'

/**
 * The forms chunk: form struggles (retyping, errors shown, refused submits, a form left
 * unsent). The boot chunk loads it once the visitor first focuses a field, so a page that
 * is only read never pays for it; it hands the boot chunk the check to run when the page
 * view ends (`w`), and takes the input events the boot chunk kept until it ran (`fe`).
 */
chunk('forms', (c: Ctx) => {
  // The input events of the moment between the first focus and this chunk running, then the live ones.
  const early = c.fe || []
  c.fe = undefined
  c.w = watchForms(c, early)
  c.x.push(() => (c.w = undefined))
})
