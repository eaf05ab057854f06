import { signal, type ReadonlySignal } from '@preact/signals'
import type { Alert, AlertState, AlertUpdate } from '@wince/collector'
import { postJson } from '../api.ts'
import type { AlertAction } from '../lib/alertStates.ts'
import { mapWith } from '../lib/mapWith.ts'
import { errorMessage } from '@wince/collector/errorMessage'

export interface AlertActionsModel {
  /** The action in flight per alert id: its buttons are disabled meanwhile. */
  pending: ReadonlySignal<ReadonlyMap<string, AlertAction>>
  /** Why the last action on an alert failed, per alert id. */
  errors: ReadonlySignal<ReadonlyMap<string, string>>
  /** Claims, resolves, dismisses or reopens an alert, with an optional note (kept as feedback on the detection). */
  act(alert: Alert, action: AlertAction, note?: string): Promise<void>
}

/**
 * What an agent does about an alert. `onDone` shows the new state at once;
 * the stream's `alert-update` tells the other agents (and echoes it here,
 * which changes nothing).
 */
export function createAlertActionsModel(onDone: (update: AlertUpdate) => void, post = postJson): AlertActionsModel {
  const pending = signal<ReadonlyMap<string, AlertAction>>(new Map())
  const errors = signal<ReadonlyMap<string, string>>(new Map())

  async function act(alert: Alert, action: AlertAction, note?: string): Promise<void> {
    if (pending.peek().has(alert.id)) return
    pending.value = mapWith(pending.peek(), alert.id, action)
    errors.value = mapWith(errors.peek(), alert.id, undefined)
    try {
      const json = { site: alert.site, session: alert.session, ...(note?.trim() && { note: note.trim() }) }
      const body = await post<{ alertId: string; state: AlertState; by: string; at: number }>(
        `/alerts/${encodeURIComponent(alert.id)}/${action}`,
        json,
      )
      onDone({ alertId: alert.id, state: body.state, by: body.by, note: note?.trim() ?? '', at: body.at })
    } catch (err) {
      errors.value = mapWith(errors.peek(), alert.id, `Could not ${action}: ${errorMessage(err)}`)
    } finally {
      pending.value = mapWith(pending.peek(), alert.id, undefined)
    }
  }

  return { pending, errors, act }
}
