import { signal, type ReadonlySignal } from '@preact/signals'
import type { SiteDiagnosis } from '@wince/collector'
import { ApiCallError } from '../api.ts'

/** A site as the settings API answers it (webhook secrets shown as fingerprints only). */
export interface SiteSettingsForm {
  id: string
  origins: string[]
  allowText?: boolean
  allowHeadless?: boolean
  recording?: 'off' | 'struggle' | 'always'
  help?: {
    enabled: boolean
    title: string
    text: string
    action: 'chat' | 'call' | 'link' | 'agent'
    label: string
    href?: string
  }
  goals?: Array<{ name: string; url?: string }>
  webhooks?: Array<{ url: string; fingerprint?: string; secret?: string }>
}

export type Diagnosis = SiteDiagnosis & { origins: string[]; allowHeadless: boolean }

export interface SettingsModel {
  site: ReadonlySignal<SiteSettingsForm | null>
  diagnosis: ReadonlySignal<Diagnosis | null>
  /** The API's messages by field path (`origins.0`, `help.title`), from the last refused save. */
  fieldErrors: ReadonlySignal<Record<string, string>>
  message: ReadonlySignal<string | null>
  load(site: string): Promise<void>
  save(site: string, patch: Partial<SiteSettingsForm> & Record<string, unknown>): Promise<boolean>
}

/** A site's settings (`GET`/`PATCH /api/settings/sites/:id`) and its diagnostics. */
export function createSettingsModel(base = `${location.origin}/api`): SettingsModel {
  const site = signal<SiteSettingsForm | null>(null)
  const diagnosis = signal<Diagnosis | null>(null)
  const fieldErrors = signal<Record<string, string>>({})
  const message = signal<string | null>(null)

  async function load(id: string): Promise<void> {
    const [s, d] = await Promise.all([
      fetch(`${base}/settings/sites/${encodeURIComponent(id)}`),
      fetch(`${base}/diagnostics?site=${encodeURIComponent(id)}`),
    ])
    // The settings API's answers: their types are the collector's (see the routes).
    site.value = s.ok ? ((await s.json()) as { site: SiteSettingsForm }).site : null
    // (as above)
    diagnosis.value = d.ok ? ((await d.json()) as Diagnosis) : null
    if (!s.ok)
      message.value = s.status === 403 ? 'Settings need the admin role.' : `Could not load the settings (${s.status}).`
  }

  async function save(id: string, patch: Record<string, unknown>): Promise<boolean> {
    const res = await fetch(`${base}/settings/sites/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    })
    // The settings API's answer (or {} if not JSON): every field is optional.
    const body = (await res.json().catch(() => ({}))) as {
      site?: SiteSettingsForm
      error?: string
      issues?: Array<{ field: string; message: string }>
    }
    if (!res.ok) {
      fieldErrors.value = Object.fromEntries(
        (body.issues ?? [{ field: '(body)', message: body.error ?? String(new ApiCallError(res.status, '')) }]).map(
          (i) => [i.field, i.message],
        ),
      )
      message.value = `Not saved: ${body.error ?? res.status}`
      return false
    }
    fieldErrors.value = {}
    site.value = body.site ?? null
    message.value = 'Saved.'
    return true
  }

  return { site, diagnosis, fieldErrors, message, load, save }
}
