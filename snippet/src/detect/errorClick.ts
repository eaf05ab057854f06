import { clean } from '../describe/scrub'
import { judged, type Click } from './Click'
import { verdict, type Verdict } from './Verdict'

/**
 * How long after a click an uncaught error or rejection is still blamed on it. A handler
 * that throws does so in the click's own task (0 ms); 1 s also covers its async
 * continuations (a timer, a fast fetch that fails), and equals the dead-click wait so a
 * click is settled once: answered, dead or errored. A background error landing in it
 * by chance is rare.
 */
export const ERROR_CLICK_WINDOW_MS = 1000

/**
 * Error click, pure: ties an error at time `t` named `name` (any value: it comes from the page) to the last click. Only the
 * error's type name is kept, never its message (it may hold personal data). Marks the
 * click so one click yields one error click and is not also called dead.
 */
export function errorClick(c: Click | undefined, t: number, name: unknown): Verdict | undefined {
  if (c && judged(c) && !c._errored && t - c.t <= ERROR_CLICK_WINDOW_MS) {
    c._errored = true
    // Anything but a clean name (TypeError, ChunkLoadError…: letters only, as in selectors) might be text: say Error.
    return verdict('error_click', c, 1, t - c.t, 'error:' + (clean(name as string) ? name : 'Error'))
  }
}
