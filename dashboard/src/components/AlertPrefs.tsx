import type { NotifierModel } from '../models/notifierModel.ts'

export interface Props {
  notifier: NotifierModel
}

/** Sound and desktop notifications for new alerts: both off until the agent turns them on. */
export function AlertPrefs({ notifier }: Props) {
  const notify = notifier.notify.value
  return (
    <div class="prefs">
      <label class="check">
        <input
          type="checkbox"
          data-testid="sound-toggle"
          checked={notifier.sound.value}
          onChange={(e) => notifier.setSound(e.currentTarget.checked)}
        />
        Sound
      </label>
      {notify === 'default' && (
        <button type="button" class="small" data-testid="notify-enable" onClick={() => void notifier.requestNotify()}>
          Desktop notifications
        </button>
      )}
      {notify === 'granted' && <span class="muted small">Notifications on</span>}
      {notify === 'denied' && (
        <span class="muted small" title="Allow them in the browser's site settings">
          Notifications blocked
        </span>
      )}
    </div>
  )
}
