import type { OfferView } from '../models/offersModel.ts'

export interface Props {
  offer: OfferView
}

/** One offer and what the visitor did with it: `sent` until they accept or dismiss it. */
export function OfferStatus({ offer }: Props) {
  const status = offer.answer ?? 'sent'
  const words =
    status === 'sent'
      ? 'offered… sent, waiting for the visitor'
      : status === 'accepted'
        ? 'accepted by the visitor'
        : 'dismissed by the visitor'
  return (
    <p class={`offer-status offer-${status}`} data-testid="offer-status" data-offer-id={offer.id} data-status={status}>
      <span class="offer-msg">“{offer.message}”</span> <span class="offer-state">{words}</span>
      {offer.by && <span class="muted"> · {offer.by}</span>}
    </p>
  )
}
