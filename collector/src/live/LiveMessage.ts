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
  /** Where agents are with it; `open` until someone acts. */
  state?: AlertState
  /** Who set the state (token name or id). */
  stateBy?: string
}

export type AlertState = 'open' | 'claimed' | 'resolved' | 'dismissed'

/** An agent changed an alert's state. */
export interface AlertUpdate {
  alertId: string
  state: AlertState
  by: string
  note: string
  at: number
}

/** Help an agent offers to a struggling visitor. */
export interface Offer {
  id: string
  message: string
  /** An optional link shown with the message (http or https). */
  link?: string | undefined
  by: string
  at: number
}

/** The visitor's answer to an offer. */
export interface OfferAnswer {
  offerId: string
  answer: 'accepted' | 'dismissed'
  at: number
}

interface Base<K extends string, D> {
  /** Unique message id: lets every process drop a message it has already seen. */
  id: string
  kind: K
  site: string
  session: string
  /** Epoch ms. */
  at: number
  data: D
}

/** Everything that travels on the live bus. */
export type LiveMessage =
  | Base<'alert', Alert>
  | Base<'alert-update', AlertUpdate>
  | Base<'offer', Offer>
  | Base<'offer-answer', OfferAnswer>

export type LiveKind = LiveMessage['kind']
