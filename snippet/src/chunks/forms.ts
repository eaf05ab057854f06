import type { Ctx } from '../ext/Ctx'
import { chunk } from './lib/chunk'
import { watchForms } from './watchForms'

/**
 * The forms chunk: form struggles (retyping, errors shown, refused submits, a form left
 * unsent). The boot chunk loads it once the visitor first focuses a field, so a page that
 * is only read never pays for it; it hands the boot chunk the check to run when the page
 * view ends (`w`).
 */
chunk('forms', (c: Ctx) => {
  c.w = watchForms(c)
  c.x.push(() => (c.w = undefined))
})
