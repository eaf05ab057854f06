import { createHash } from 'node:crypto'
import type { Site } from './Sites.ts'

/** A site as the API shows it: each webhook's secret replaced by a fingerprint. */
export type RedactedSite = Omit<Site, 'webhooks'> & { webhooks?: Array<{ url: string; secretFingerprint: string }> }

/**
 * Webhook secrets are write-only: an admin sets one, nobody reads it back
 * (whoever holds it can forge signed alerts to the receiver). The
 * fingerprint — the start of its SHA-256 — lets a person check which secret
 * is set without seeing it.
 */
export function redactSite({ webhooks, ...site }: Site): RedactedSite {
  return {
    ...site,
    ...(webhooks && { webhooks: webhooks.map((w) => ({ url: w.url, secretFingerprint: fingerprint(w.secret) })) }),
  }
}

/** `sha256:` and the first 12 hex digits of the secret's SHA-256. */
export function fingerprint(secret: string): string {
  return `sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`
}
