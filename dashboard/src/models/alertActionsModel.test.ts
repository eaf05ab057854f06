import { describe, expect, it } from 'vitest'
import type { Alert, AlertUpdate } from '@wince/collector'
import { createAlertActionsModel } from './alertActionsModel.ts'

const alert: Alert = {
  id: 'al1',
  site: 'demo',
  session: 'sess-1',
  pageView: 'pv',
  url: 'http://x/',
  ts: 1,
  score: 6,
  reasons: [],
}

describe('alertActionsModel', () => {
  it('posts the action with the note and shows the new state', async () => {
    const posts: Array<[string, unknown]> = []
    const done: AlertUpdate[] = []
    const model = createAlertActionsModel(
      (u) => done.push(u),
      async <T>(path: string, body: unknown) => {
        posts.push([path, body])
        return { alertId: 'al1', state: 'dismissed', by: 'ana', at: 99 } as T
      },
    )
    const pending = model.act(alert, 'dismiss', '  a test order ')
    expect(model.pending.value.get('al1')).toBe('dismiss')
    await pending
    expect(posts).toEqual([['/alerts/al1/dismiss', { site: 'demo', session: 'sess-1', note: 'a test order' }]])
    expect(done).toEqual([{ alertId: 'al1', state: 'dismissed', by: 'ana', note: 'a test order', at: 99 }])
    expect(model.pending.value.size).toBe(0)
  })

  it('keeps the error per alert', async () => {
    const model = createAlertActionsModel(
      () => {},
      async () => {
        throw new Error('403 — agent role required')
      },
    )
    await model.act(alert, 'claim')
    expect(model.errors.value.get('al1')).toBe('Could not claim: 403 — agent role required')
  })
})
