import { createHash } from 'node:crypto'
import type { Site } from './Sites.ts'

/** A webhook as the API shows it: never its secret, only a fingerprint to tell secrets apart. */
export interface RedactedWebhook {
  url: string
  /** First 8 hex digits of the secret's SHA-256: enough to see it changed, useless to forge a signature. */
  fingerprint: string
}

export type RedactedSite = Omit<Site, 'webhooks'> & { webhooks?: RedactedWebhook[] }

/** The first 8 hex digits of a secret's SHA-256. */
export const fingerprint = (secret: string): string => createHash('sha256').update(secret).digest('hex').slice(0, 8)

/** A site as the API answers it: webhook secrets are write-only. */
export function redactSite(site: Site): RedactedSite {
  const { webhooks, ...rest } = site
  return webhooks
    ? { ...rest, webhooks: webhooks.map((w) => ({ url: w.url, fingerprint: fingerprint(w.secret) })) }
    : rest
}

/**
 * Webhooks sent without a secret keep the secret they had (matched by URL): a form that
 * never shows secrets can still save the other settings. A new URL without one stays
 * without, and the schema then says the secret is missing.
 */
export function keepSecrets(body: unknown, old: Site | undefined): unknown {
  // Any parsed JSON: reading `webhooks` of a non-object gives undefined.
  const hooks = (body as { webhooks?: unknown } | null)?.webhooks
  if (!Array.isArray(hooks) || !old?.webhooks) return body
  const secrets = new Map(old.webhooks.map((w) => [w.url, w.secret]))
  const webhooks = hooks.map((w: unknown) => {
    // Any value: its fields are read as unknown and checked one by one.
    const hook = w as { url?: unknown; secret?: unknown; fingerprint?: unknown }
    if (typeof hook !== 'object' || hook === null || hook.secret !== undefined || typeof hook.url !== 'string') return w
    const { fingerprint: _ignored, ...rest } = hook
    const secret = secrets.get(hook.url)
    return secret ? { ...rest, secret } : rest
  })
  // An object: hooks was an array read from it above.
  return { ...(body as object), webhooks }
}
