import { useEffect, useState } from 'preact/hooks'
import type { SettingsModel } from '../models/settingsModel.ts'
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx'

export interface Props {
  settings: SettingsModel
  site: string
  now: number
}

/** The API's message for a field (or any field under it), shown beside it. */
function FieldError({ errors, field }: { errors: Record<string, string>; field: string }) {
  const hit = Object.entries(errors).find(([f]) => f === field || f.startsWith(`${field}.`))
  return hit ? (
    <span class="error field-error" role="alert" data-testid={`error-${field}`}>
      {hit[0]}: {hit[1]}
    </span>
  ) : null
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** A site's settings for admins (saved with PATCH: what the form does not show is kept), and its diagnostics. */
export function SettingsView({ settings, site, now }: Props) {
  const s = settings.site.value
  const [draft, setDraft] = useState<Record<string, string | boolean>>({})
  useEffect(() => {
    if (!s) return
    setDraft({
      origins: s.origins.join('\n'),
      allowText: !!s.allowText,
      allowHeadless: !!s.allowHeadless,
      recording: s.recording ?? 'struggle',
      helpEnabled: !!s.help?.enabled,
      helpTitle: s.help?.title ?? '',
      helpText: s.help?.text ?? '',
      helpLabel: s.help?.label ?? '',
      goals: (s.goals ?? []).map((g) => `${g.name}${g.url ? ` ${g.url}` : ''}`).join('\n'),
      webhooks: (s.webhooks ?? []).map((w) => w.url).join('\n'),
      secret: '',
    })
  }, [s])
  const errors = settings.fieldErrors.value
  const set = (k: string) => (e: Event) => {
    // Bound only to input, select and textarea fields, which all have `value` (and `checked`, read for checkboxes only).
    const t = e.currentTarget as HTMLInputElement
    setDraft({ ...draft, [k]: t.type === 'checkbox' ? t.checked : t.value })
  }
  const str = (k: string) => String(draft[k] ?? '')
  const submit = (e: Event) => {
    e.preventDefault()
    const patch: Record<string, unknown> = {
      origins: lines(str('origins')),
      allowText: !!draft.allowText,
      allowHeadless: !!draft.allowHeadless,
      recording: str('recording'),
      goals: lines(str('goals')).map((l) => {
        const [name = '', url] = l.split(/\s+(?=\/)/)
        return url ? { name, url } : { name }
      }),
      // Webhooks without a new secret keep theirs (the API matches them by URL).
      webhooks: lines(str('webhooks')).map((url) => (str('secret') ? { url, secret: str('secret') } : { url })),
    }
    if (str('helpTitle') || s?.help)
      patch.help =
        draft.helpEnabled || str('helpTitle')
          ? {
              enabled: !!draft.helpEnabled,
              title: str('helpTitle'),
              text: str('helpText'),
              label: str('helpLabel'),
              action: s?.help?.action ?? 'agent',
            }
          : null
    void settings.save(site, patch)
  }
  return (
    <>
      <section class="settings panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings of {site}</h2>
        {!s ? (
          <p class="muted">{settings.message.value ?? 'Loading…'}</p>
        ) : (
          <form class="settings-form" onSubmit={submit} data-testid="settings-form">
            <label>
              Origins (one per line)
              <textarea name="origins" rows={3} value={str('origins')} onInput={set('origins')} />
              <FieldError errors={errors} field="origins" />
            </label>
            <label class="check">
              <input type="checkbox" name="allowText" checked={!!draft.allowText} onChange={set('allowText')} /> Keep
              element text in labels and snapshots
            </label>
            <label class="check">
              <input
                type="checkbox"
                name="allowHeadless"
                checked={!!draft.allowHeadless}
                onChange={set('allowHeadless')}
              />{' '}
              Accept headless browsers (your own tests)
            </label>
            <label>
              Recording
              <select name="recording" value={str('recording')} onChange={set('recording')}>
                <option value="off">off</option>
                <option value="struggle">struggle (the minute before an alert)</option>
                <option value="always">always (sampled)</option>
              </select>
            </label>
            <fieldset>
              <legend>Help prompt</legend>
              <label class="check">
                <input type="checkbox" name="helpEnabled" checked={!!draft.helpEnabled} onChange={set('helpEnabled')} />{' '}
                Offer help when a visitor struggles
              </label>
              <label>
                Title <input name="helpTitle" value={str('helpTitle')} onInput={set('helpTitle')} />
                <FieldError errors={errors} field="help.title" />
              </label>
              <label>
                Text <input name="helpText" value={str('helpText')} onInput={set('helpText')} />
                <FieldError errors={errors} field="help.text" />
              </label>
              <label>
                Button <input name="helpLabel" value={str('helpLabel')} onInput={set('helpLabel')} />
                <FieldError errors={errors} field="help.label" />
              </label>
            </fieldset>
            <label>
              Goals (one per line: name, then an optional path glob such as /thanks*)
              <textarea name="goals" rows={3} value={str('goals')} onInput={set('goals')} />
              <FieldError errors={errors} field="goals" />
            </label>
            <label>
              Webhooks (one URL per line)
              <textarea name="webhooks" rows={2} value={str('webhooks')} onInput={set('webhooks')} />
              <span class="muted">
                {(s.webhooks ?? [])
                  .map((w) => `${w.url}: secret ${w.fingerprint ? `set (fingerprint ${w.fingerprint})` : 'set'}`)
                  .join('; ') || 'No webhook.'}
              </span>
              <FieldError errors={errors} field="webhooks" />
            </label>
            <label>
              New webhook secret (write-only, at least 16 characters; empty keeps the current one)
              <input
                name="secret"
                type="password"
                autocomplete="new-password"
                value={str('secret')}
                onInput={set('secret')}
              />
            </label>
            <FieldError errors={errors} field="(body)" />
            <p>
              <button type="submit" data-testid="settings-save">
                Save
              </button>{' '}
              <span class="muted" aria-live="polite" data-testid="settings-message">
                {settings.message.value}
              </span>
            </p>
          </form>
        )}
      </section>
      <div class="side">
        <DiagnosticsPanel diagnosis={settings.diagnosis.value} now={now} />
      </div>
    </>
  )
}
