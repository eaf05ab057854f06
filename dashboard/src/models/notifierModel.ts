import { signal, type ReadonlySignal } from '@preact/signals'
import type { Alert } from '@wince/collector'
import { describeAlert } from '@wince/collector/describe'
import { beep } from '../lib/beep.ts'

/** Where the sound toggle is remembered. */
export const SOUND_KEY = 'wince.sound'

/** Desktop notification permission, or `unsupported` where the browser has no Notification API. */
export type NotifyState = NotificationPermission | 'unsupported'

export interface NotifierModel {
  /** Beep on each new live alert. Off by default; remembered in localStorage. */
  sound: ReadonlySignal<boolean>
  notify: ReadonlySignal<NotifyState>
  /** Turns sound on or off: call from a click, so the browser lets audio play. */
  setSound(on: boolean): void
  /** Asks for desktop notification permission: call from a click, browsers ignore it otherwise. */
  requestNotify(): Promise<void>
  /** Tells the agent a new alert arrived, the ways they turned on. */
  announce(alert: Alert): void
}

/** Sound and desktop notifications for new alerts, for agents who keep the dashboard in a background tab. */
export function createNotifierModel(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
): NotifierModel {
  const sound = signal(storage?.getItem(SOUND_KEY) === 'on')
  const notify = signal<NotifyState>(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission)
  let audio: AudioContext | undefined

  const context = () => (audio ??= new AudioContext())

  return {
    sound,
    notify,
    setSound(on) {
      sound.value = on
      storage?.setItem(SOUND_KEY, on ? 'on' : 'off')
      if (on) void context().resume()
    },
    async requestNotify() {
      if (typeof Notification === 'undefined') return
      notify.value = await Notification.requestPermission()
    },
    announce(alert) {
      try {
        if (sound.peek()) beep(context())
        // A visible dashboard shows the alert itself; the notification is for a tab in the background.
        if (notify.peek() === 'granted' && document.visibilityState !== 'visible') {
          const n = new Notification(alert.help === 'requested' ? 'Visitor asks for help' : 'Visitor struggling', {
            body: describeAlert(alert),
            tag: alert.help === 'requested' ? `help-${alert.id}` : alert.id,
          })
          n.onclick = () => {
            window.focus()
            n.close()
          }
        }
      } catch (err) {
        console.warn('wince: could not announce an alert', err)
      }
    },
  }
}
