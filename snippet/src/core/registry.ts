import { guard } from './guard'

/** What {@link stopAll} runs, newest first. Chunks push their own cleanups here (`ctx.x`). */
export const cleanups: (() => void)[] = []

/**
 * Binds a guarded, passive listener and remembers how to remove it, so that
 * {@link stopAll} leaves the page exactly as it found it. Capture by default: the
 * snippet sees events before the page's own handlers (which may stop propagation).
 */
export function listen<E extends Event>(target: EventTarget, type: string, fn: (e: E) => void, capture = true): void {
  // The guarded listener is called with the event only.
  const g = guard(fn) as EventListener
  const o = { capture, passive: true }
  target.addEventListener(type, g, o)
  cleanups.push(() => target.removeEventListener(type, g, o))
}

/**
 * Wraps `obj[name]` so that `hook` runs (guarded) after each call of the original, given
 * the object it was called on (a canvas context, to find its canvas) and the arguments.
 * On stop the original is put back; if someone wrapped ours meanwhile, ours stays in
 * their chain but turns inert, so their wrapper keeps working.
 */
export function patch<T extends object>(obj: T, name: keyof T, hook: (self: never, args: unknown[]) => void): void {
  const orig = obj[name]
  if (typeof orig != 'function') return
  const safe = guard(hook)
  let on = true
  // Calls through to the original with the same arguments and result.
  const w = function (this: unknown, ...a: unknown[]) {
    const r = orig.apply(this, a)
    // The hook states what it expects `this` to be (only the caller of the patch knows it).
    if (on) safe(this as never, a)
    return r
  } as T[keyof T]
  obj[name] = w
  cleanups.push(() => {
    on = false
    if (obj[name] === w) obj[name] = orig
  })
}

/** Removes every listener, restores every patch, runs every cleanup: newest first. */
export function stopAll(): void {
  // cleanups.length checked in the loop's test.
  while (cleanups.length) guard(cleanups.pop()!)()
}
