import { signal, type ReadonlySignal } from '@preact/signals'
import type { Offer, OfferAnswer } from '@wince/collector'
import { postJson } from '../api.ts'
import { mapWith } from '../lib/mapWith.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** An offer of help as the agent sees it: sent, then answered by the visitor. */
export interface OfferView extends Offer {
  session: string
  answer?: OfferAnswer['answer']
  answeredAt?: number
}

export interface OffersModel {
  /** Offers per session, oldest first: from this agent and, through the stream, from the others. */
  bySession: ReadonlySignal<ReadonlyMap<string, readonly OfferView[]>>
  /** Sessions with an offer being sent. */
  sending: ReadonlySignal<ReadonlySet<string>>
  /** Why the last offer to a session failed, per session. */
  errors: ReadonlySignal<ReadonlyMap<string, string>>
  /** Sends an offer to a visitor; resolves true once the collector took it. */
  send(site: string, session: string, message: string, link?: string): Promise<boolean>
  /** An offer seen on the stream (ours echoed, or another agent's). */
  receive(offer: Offer & { session: string }): void
  /** The visitor's answer, from the stream. */
  answer(answer: OfferAnswer & { session: string }): void
  /** Forgets everything (another site). */
  clear(): void
}

/** Offers of help to struggling visitors and their answers, live. */
export function createOffersModel(post = postJson): OffersModel {
  const bySession = signal<ReadonlyMap<string, readonly OfferView[]>>(new Map())
  const sending = signal<ReadonlySet<string>>(new Set())
  const errors = signal<ReadonlyMap<string, string>>(new Map())
  // Answers can beat the echo of our own offer through the stream: keep them until the offer shows up.
  const early = new Map<string, OfferAnswer>()

  function receive(offer: Offer & { session: string }): void {
    const list = bySession.peek().get(offer.session) ?? []
    if (list.some((o) => o.id === offer.id)) return
    const a = early.get(offer.id)
    early.delete(offer.id)
    const view: OfferView = {
      id: offer.id,
      message: offer.message,
      link: offer.link,
      by: offer.by,
      at: offer.at,
      session: offer.session,
      ...(a && { answer: a.answer, answeredAt: a.at }),
    }
    bySession.value = mapWith(bySession.peek(), offer.session, [...list, view])
  }

  function answer(a: OfferAnswer & { session: string }): void {
    const list = bySession.peek().get(a.session)
    if (!list?.some((o) => o.id === a.offerId)) {
      early.set(a.offerId, a)
      return
    }
    bySession.value = mapWith(
      bySession.peek(),
      a.session,
      list.map((o) => (o.id === a.offerId ? { ...o, answer: a.answer, answeredAt: a.at } : o)),
    )
  }

  async function send(site: string, session: string, message: string, link?: string): Promise<boolean> {
    sending.value = new Set([...sending.peek(), session])
    errors.value = mapWith(errors.peek(), session, undefined)
    try {
      const body = await post<{ offer: Offer }>(`/sessions/${encodeURIComponent(session)}/offers`, {
        site,
        message,
        ...(link && { link }),
      })
      receive({ ...body.offer, session })
      return true
    } catch (err) {
      errors.value = mapWith(errors.peek(), session, `Could not send the offer: ${errorMessage(err)}`)
      return false
    } finally {
      const next = new Set(sending.peek())
      next.delete(session)
      sending.value = next
    }
  }

  function clear(): void {
    bySession.value = new Map()
    errors.value = new Map()
    early.clear()
  }

  return { bySession, sending, errors, send, receive, answer, clear }
}
