/**
 * sessionStorage as JSON, under `wince.` keys. It throws in sandboxed frames and some
 * privacy modes: then the snippet just forgets across page loads.
 */
export function load<T>(key: string): T | null | undefined {
  try {
    // A missing key reads as undefined, which JSON.parse rejects: undefined, as wanted.
    return JSON.parse(sessionStorage['wince.' + key])
  } catch {}
}

export function save(key: string, value: unknown): void {
  try {
    sessionStorage['wince.' + key] = JSON.stringify(value)
  } catch {}
}
