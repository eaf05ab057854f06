/** Length of the alert beep, s: noticed without being a nuisance for a whole shift. */
const BEEP_SECONDS = 0.18
/** A high A: cuts through office noise, not shrill. */
const BEEP_HZ = 880

/**
 * Plays a short beep through WebAudio on `ctx`. Browsers keep a context
 * suspended until a user gesture: the toggle that turns sound on creates it,
 * so later beeps from stream events may play.
 */
export function beep(ctx: AudioContext): void {
  const osc = ctx.createOscillator()
  const gain = ctx.createGain()
  osc.type = 'sine'
  osc.frequency.value = BEEP_HZ
  const t = ctx.currentTime
  // Ramp in and out: a hard edge clicks.
  gain.gain.setValueAtTime(0.0001, t)
  gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02)
  gain.gain.exponentialRampToValueAtTime(0.0001, t + BEEP_SECONDS)
  osc.connect(gain).connect(ctx.destination)
  osc.start(t)
  osc.stop(t + BEEP_SECONDS + 0.02)
}
