import type { Reason } from '@wince/snippet/wire'
import type { DeviceClass } from '../ingest/parseUserAgent.ts'
import type { AlertExplain } from '../learning/Learning.ts'

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
  /** The problem it is about: shared by alerts with the same page path, element and signal type (`issueId`). */
  issue?: string
  /** `requested` once the visitor pressed the help prompt's agent button. */
  help?: 'requested'
  /** When help was requested, epoch ms. */
  helpAt?: number
  /** Who the visitor is, as far as a stranger may know (see `AlertContext`). */
  device?: DeviceClass
  browser?: string
  os?: string
  /** The browser's first language (`Accept-Language`), e.g. `de-CH`; '' when unknown. */
  lang?: string
  /** The session's first page seen, and the host of the site it came from ('' when none or unknown). */
  entry?: string
  referrer?: string
  /** Page views so far in the session, and when the session began (epoch ms), as this collector saw them. */
  pages?: number
  startedAt?: number
  /** How the collector weighed it: threshold and weights in force, rules that took points off its reasons. */
  explain?: AlertExplain
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

/** An agent took on a visitor's help request: what the visitor is shown (never a token name). */
export interface AgentJoined {
  alertId: string
  /** The agent's display name, or the site's team name. */
  name: string
  /** The agent's avatar colour (`#rrggbb`), if set. */
  color?: string | undefined
  at: number
}

/** One collector's count of open agent streams per site (`*`: all sites), shared with the others. */
export interface AgentPresence {
  origin: string
  counts: Record<string, number>
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
  | Base<'help', Alert>
  | Base<'agent-joined', AgentJoined>
  | Base<'presence', AgentPresence>

export type LiveKind = LiveMessage['kind']
