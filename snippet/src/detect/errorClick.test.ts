import { describe, expect, it } from 'vitest'
import { SKIP } from './Click'
import { errorClick } from './errorClick'
import { click } from './testClicks'

describe('error click', () => {
  it('ties an error thrown by the handler to the click, by type name only', () => {
    const c = click(1000)
    expect(errorClick(c, 1002, 'TypeError')).toEqual({
      type: 'error_click',
      x: 100,
      y: 200,
      t: 1000,
      n: 1,
      ms: 2,
      why: 'error:TypeError',
      k: 'button.buy',
    })
    // One click, one error click.
    expect(errorClick(c, 1010, 'RangeError')).toBeUndefined()
    expect(c._errored).toBe(true)
  })

  it('ties a rejection shortly after the click', () => {
    expect(errorClick(click(0), 800, 'Error')?.why).toBe('error:Error')
  })

  it('ignores errors long after the click, or with no click', () => {
    expect(errorClick(click(0), 1500, 'TypeError')).toBeUndefined()
    expect(errorClick(undefined, 10, 'TypeError')).toBeUndefined()
  })

  it('ignores clicks that are not judged (ignored element, modifier)', () => {
    expect(errorClick(click(0, { _kind: SKIP }), 5, 'TypeError')).toBeUndefined()
    expect(errorClick(click(0, { _modified: true }), 5, 'TypeError')).toBeUndefined()
  })

  it('keeps only clean names (letters, - and _), else says Error', () => {
    expect(errorClick(click(0), 1, 'ChunkLoadError')?.why).toBe('error:ChunkLoadError')
    expect(errorClick(click(0), 1, 'Bad name: jo@x.io')?.why).toBe('error:Error')
    expect(errorClick(click(0), 1, undefined)?.why).toBe('error:Error')
    // Digits may be an id or a number from the page; a non-string is no name.
    expect(errorClick(click(0), 1, 'Order4711Error')?.why).toBe('error:Error')
    expect(errorClick(click(0), 1, 42)?.why).toBe('error:Error')
  })
})
