import type { LiveMessage } from './LiveMessage.ts'
import { errorMessage } from '../errorMessage.ts'

export type {
  Alert,
  AlertState,
  AlertUpdate,
  AgentJoined,
  Offer,
  OfferAnswer,
  LiveMessage,
  LiveKind,
} from './LiveMessage.ts'

export type LiveListener = (message: LiveMessage) => void

/**
 * Carries live messages (alerts, alert updates, offers, answers) to every
 * open stream. `publish` delivers to this process's subscribers at once, so
 * an alert never waits for storage; an implementation for several processes
 * also carries it to the others (see `RedisBus`).
 */
export interface LiveBus {
  publish(message: LiveMessage): void
  /** Returns the unsubscribe function. */
  subscribe(listener: LiveListener): () => void
  close?(): Promise<void>
}

/** The in-process bus: enough for one collector. */
export class MemoryBus implements LiveBus {
  private readonly _listeners = new Set<LiveListener>()

  publish(message: LiveMessage): void {
    for (const listener of this._listeners) {
      try {
        listener(message)
      } catch (err) {
        console.error(`wince: live listener failed: ${errorMessage(err)}`)
      }
    }
  }

  subscribe(listener: LiveListener): () => void {
    this._listeners.add(listener)
    return () => this._listeners.delete(listener)
  }

  get size(): number {
    return this._listeners.size
  }
}
