import type { SignalEvent, StruggleEvent } from '../wire'
import { now } from '../core/now'
import type { Options } from '../Options'
import type { Verdict } from '../detect/Verdict'
import {
  createStruggleScore,
  type ScoreState,
  type ScoreTuning,
  type StruggleScore,
} from '../score/createStruggleScore'
import { selector } from '../describe/selector'
import { label } from '../describe/label'
import { rid } from '../core/rid'
import { load, save } from '../core/storage'
import { ctx, push } from '../transport/queue'
import { fire } from './callbacks'

let score: StruggleScore
let state: ScoreState

/** The page's URL as the wire wants it: origin and path, never query or hash (they often hold personal data). */
export const page = (): string => location.origin + location.pathname

/** Starts the signal pipeline; the score picks up the episode of the previous page (sessionStorage). */
export function start(o: Options): void {
  const s = load<ScoreState>('sc')
  state = s?.c ? s : { c: [], on: false }
  score = createStruggleScore(state)
  score.tune(o)
}

/** Tunes the struggle score (`wince('config', …)`). */
export const tune = (o: ScoreTuning): void => score.tune(o || {})

/**
 * Turns a detector's verdict into a signal: describes the element, queues it, tells the
 * page, scores it; when an episode starts, sends the struggle alert at once, tells the
 * page and the chunks (which find the alert's id in their context).
 */
export function emit(v: Verdict): void {
  // A verdict's `k` is the element it is about, when there is one (see Verdict).
  const el = v.k as Element | undefined
  const at = Date.now()
  // The verdict's own `k` (element) and `u` are overwritten: the wire is a strict shape.
  const ev: SignalEvent = {
    sel: el ? selector(el) : '',
    // The boot chunk's readable label once it is there (it knows whether the site allows text).
    lb: el ? (ctx.l || label)(el) : '',
    // A chunk's verdict may bring its own `sel` and `lb` (it described its element itself).
    ...v,
    k: 'signal',
    id: rid(),
    // Detectors run on performance.now(); the wire wants epoch ms.
    t: Math.round(at - now() + v.t),
    u: v.u || page(),
    ms: Math.round(v.ms),
  }
  push(ev)
  fire('signal', { ...ev })
  const s = score.add(ev, at)
  save('sc', state)
  if (s) {
    // Kept in the chunks' context: the help and recorder chunks tie what they do to this alert.
    push((ctx.z = { k: 'struggle', id: rid(), t: at, u: page(), sc: s.score, rs: s.reasons } as StruggleEvent), true)
    fire('struggle', s)
  }
}
