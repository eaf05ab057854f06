import { createMouseThrash } from '../detect/mouseThrash'
import { listen } from '../core/registry'
import { emit } from '../api/emit'
import { IGNORE } from './classify'

/** At most one pointer sample per ~60 Hz frame: high-rate mice add work, not information. */
export const THRASH_SAMPLE_MS = 15

/** Pointer adapter: samples pointer moves into the mouse thrash detector. */
export function start(): void {
  const thrash = createMouseThrash()
  let lastT = 0
  listen(window, 'pointermove', (e: PointerEvent) => {
    if (e.timeStamp - lastT < THRASH_SAMPLE_MS) return
    lastT = e.timeStamp
    const v = thrash({ x: e.clientX, y: e.clientY, t: e.timeStamp, b: e.buttons, p: e.pointerType })
    // Pointer events always target an element (the hit one, or the capturing one).
    const el = e.target as Element
    if (v && !el.closest(IGNORE)) emit({ ...v, k: el })
  })
}

