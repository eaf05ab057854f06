import type { ClickHouseClient } from '@clickhouse/client'

/** Keeps a visitor's answer to an offer, so what followed help offered can be compared later. */
export async function insertOfferAnswer(
  client: ClickHouseClient,
  site: string,
  session: string,
  answer: { offerId: string; answer: string; at: number },
): Promise<void> {
  await client.insert({
    table: 'offer_answers',
    values: [{ site, session, offer_id: answer.offerId, at: answer.at, answer: answer.answer }],
    format: 'JSONEachRow',
  })
}
