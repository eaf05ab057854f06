import type { Reason } from '@wince/snippet/wire'

/** A struggle alert as agents see it. */
export interface Alert {
  id: string
  site: string
  session: string
  pageView: string
  url: string
  /** Epoch ms of the page's struggle event. */
  ts: number
  score: number
  reasons: Reason[]
}

export type AlertListener = (alert: Alert) => void

/**
 * Carries live alerts from ingest to every open dashboard stream. In-process:
 * publish delivers synchronously to this process's subscribers, so an alert
 * never waits for storage. Several collectors behind a load balancer need a
 * shared channel; that is a second implementation of this same interface.
 */
export interface LiveBus {
  publish(alert: Alert): void
  /** Returns the unsubscribe function. */
  subscribe(listener: AlertListener): () => void
}

export class MemoryBus implements LiveBus {
  private readonly _listeners = new Set<AlertListener>()

  publish(alert: Alert): void {
    for (const listener of this._listeners) {
      try {
        listener(alert)
      } catch (err) {
        console.error(`wince: live listener failed: ${(err as Error).message}`)
      }
    }
  }

  subscribe(listener: AlertListener): () => void {
    this._listeners.add(listener)
    return () => this._listeners.delete(listener)
  }

  get size(): number {
    return this._listeners.size
  }
}
