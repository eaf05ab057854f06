import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { stopAll } from '../core/registry'
import { mark } from './activity'
import { start } from './pageView'

// The page view adapter against stand-ins for location and history: which history
// changes count as the page answering a click.
vi.mock('./activity', () => ({ mark: vi.fn() }))
vi.mock('../transport/queue', () => ({ push: vi.fn(), newPageView: vi.fn(), ctx: {} }))
vi.mock('../api/emit', () => ({ emit: vi.fn(), page: () => 'https://shop.test' + loc.pathname }))

const loc = { pathname: '/' }
const win = new EventTarget()
const go = (url: string) => (loc.pathname = new URL(url, 'https://shop.test' + loc.pathname).pathname)

beforeEach(() => {
  loc.pathname = '/'
  vi.stubGlobal('window', win)
  vi.stubGlobal('history', {
    pushState: (_: unknown, __: string, u: string) => go(u),
    replaceState: (_: unknown, __: string, u: string) => go(u),
  })
  vi.stubGlobal('innerWidth', 1000)
  vi.stubGlobal('innerHeight', 700)
  vi.stubGlobal('document', { referrer: '' })
  vi.mocked(mark).mockClear()
  start()
})

afterEach(() => {
  stopAll()
  vi.unstubAllGlobals()
})

describe('page view liveness', () => {
  it('counts a route to a new page as the answer', () => {
    history.pushState(null, '', '/basket')
    expect(mark).toHaveBeenCalledTimes(1)
  })

  it('does not count a placeholder link (href="#"), a hash or a query change on the same page', () => {
    win.dispatchEvent(new Event('popstate')) // what `href="#"` fires, the path unchanged
    history.replaceState(null, '', '/?sort=price')
    history.pushState(null, '', '#reviews')
    expect(mark).not.toHaveBeenCalled()
  })

  it('counts back to another page (popstate after the path changed)', () => {
    history.pushState(null, '', '/basket')
    loc.pathname = '/'
    win.dispatchEvent(new Event('popstate'))
    expect(mark).toHaveBeenCalledTimes(2)
  })
})
