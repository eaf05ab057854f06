import { describe, expect, it } from 'vitest'
import { createOffersModel } from './offersModel.ts'

describe('offersModel', () => {
  it('posts an offer, shows it sent, then the visitor’s answer', async () => {
    const posts: Array<[string, unknown]> = []
    const model = createOffersModel(async <T>(path: string, body: unknown) => {
      posts.push([path, body])
      return { offer: { id: 'o1', message: 'Hi', link: 'https://help.example/', by: 'ana', at: 10 } } as T
    })
    expect(await model.send('demo', 'sess-1', 'Hi', 'https://help.example/')).toBe(true)
    expect(posts).toEqual([['/sessions/sess-1/offers', { site: 'demo', message: 'Hi', link: 'https://help.example/' }]])
    expect(model.bySession.value.get('sess-1')?.map((o) => [o.id, o.answer])).toEqual([['o1', undefined]])

    // The stream echoes our own offer: not listed twice.
    model.receive({ id: 'o1', message: 'Hi', by: 'ana', at: 10, session: 'sess-1' })
    model.answer({ offerId: 'o1', answer: 'accepted', at: 20, session: 'sess-1' })
    expect(model.bySession.value.get('sess-1')).toEqual([
      {
        id: 'o1',
        message: 'Hi',
        link: 'https://help.example/',
        by: 'ana',
        at: 10,
        session: 'sess-1',
        answer: 'accepted',
        answeredAt: 20,
      },
    ])
  })

  it('keeps an answer that arrives before its offer', () => {
    const model = createOffersModel()
    model.answer({ offerId: 'o2', answer: 'dismissed', at: 30, session: 's' })
    model.receive({ id: 'o2', message: 'Can I help?', by: 'bo', at: 25, session: 's' })
    expect(model.bySession.value.get('s')?.[0]).toMatchObject({ id: 'o2', answer: 'dismissed', answeredAt: 30 })
  })

  it('says why an offer failed and keeps the session sendable', async () => {
    const model = createOffersModel(async () => {
      throw new Error('400 — message: Too small')
    })
    expect(await model.send('demo', 's', 'x')).toBe(false)
    expect(model.errors.value.get('s')).toBe('Could not send the offer: 400 — message: Too small')
    expect(model.sending.value.has('s')).toBe(false)
  })
})
