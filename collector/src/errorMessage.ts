/**
 * What went wrong, in words, from anything a `catch` receives: libraries and Node reject
 * with an `Error`, but a `throw` in JavaScript may throw any value.
 */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** `err` as an `Error`, wrapping a thrown value that is not one. */
export const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)))
