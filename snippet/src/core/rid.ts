/** A random id: 64 bits from `crypto.getRandomValues`, in base 36 (at most 13 characters). */
export const rid = (): string => crypto.getRandomValues(new BigUint64Array(1))[0]!.toString(36)
