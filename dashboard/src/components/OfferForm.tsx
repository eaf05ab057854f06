import { useState } from 'preact/hooks'
import type { OfferView } from '../models/offersModel.ts'
import { OfferStatus } from './OfferStatus.tsx'

export interface Props {
  /** Ties labels to inputs: unique per card. */
  id: string
  offers: readonly OfferView[]
  sending: boolean
  error: string | undefined
  /**
   * Start folded behind one button: a long queue renders no text fields until an agent
   * opens one (form fields are the costliest elements to create). Default false.
   */
  folded?: boolean
  /** The send button's text. Default "Offer help". */
  sendLabel?: string
  /** Resolves true once the offer was taken. */
  onSend(message: string, link: string | undefined): Promise<boolean>
}

/** Offers help to the struggling visitor: a message and an optional link, shown in their page. */
export function OfferForm({ id, offers, sending, error, folded = false, sendLabel = 'Offer help', onSend }: Props) {
  const [message, setMessage] = useState('')
  const [link, setLink] = useState('')
  const [open, setOpen] = useState(!folded)
  if (!open) {
    return (
      <div class="offer">
        <button type="button" data-testid="offer-open" onClick={() => setOpen(true)}>
          {sendLabel}…
        </button>
        {offers.length > 0 && (
          <ul class="offers" aria-live="polite">
            {offers.map((o) => (
              <li key={o.id}>
                <OfferStatus offer={o} />
              </li>
            ))}
          </ul>
        )}
      </div>
    )
  }
  const submit = async (e: Event) => {
    e.preventDefault()
    if (!message.trim()) return
    if (await onSend(message.trim(), link.trim() || undefined)) {
      setMessage('')
      setLink('')
    }
  }
  return (
    <form class="offer" onSubmit={submit}>
      <label for={`offer-${id}`} class="sr-only">
        Message to the visitor
      </label>
      <textarea
        id={`offer-${id}`}
        autoFocus={folded}
        data-testid="offer-message"
        rows={1}
        maxLength={500}
        placeholder="Offer help: “Hi, can I help you with your order?”"
        value={message}
        onInput={(e) => setMessage(e.currentTarget.value)}
      />
      <div class="offer-row">
        <label for={`offer-link-${id}`} class="sr-only">
          Link (optional)
        </label>
        <input
          id={`offer-link-${id}`}
          data-testid="offer-link"
          type="url"
          placeholder="Link (optional), https://…"
          value={link}
          onInput={(e) => setLink(e.currentTarget.value)}
        />
        <button type="submit" data-testid="offer-send" disabled={sending || !message.trim()}>
          {sending ? 'Sending…' : sendLabel}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {offers.length > 0 && (
        <ul class="offers" aria-live="polite">
          {offers.map((o) => (
            <li key={o.id}>
              <OfferStatus offer={o} />
            </li>
          ))}
        </ul>
      )}
    </form>
  )
}
