import { describe, expect, it } from 'vitest'
import { describeSession, elementName, spoken, type SummarySignal } from './describeSession.ts'

const NOW = 1_750_000_000_000
const sig = (over: Partial<SummarySignal>): SummarySignal => ({
  type: 'dead_click',
  ts: NOW - 60_000,
  url: 'https://shop.example/checkout',
  selector: 'button#pay',
  label: 'button',
  n: 1,
  why: 'no-response',
  ...over,
})

describe('describeSession', () => {
  it('tells the visit in plain words: where, how long, what failed and how', () => {
    const text = describeSession(
      {
        url: 'https://shop.example/checkout',
        pageSince: NOW - 180_000,
        siteSince: NOW - 300_000,
        pages: 3,
        referrer: 'google.com',
        helpAt: NOW - 20_000,
      },
      [
        sig({ type: 'error_click', n: 2, why: 'error:TypeError' }),
        sig({ type: 'error_click', n: 3, why: 'error:TypeError', ts: NOW - 50_000 }),
        sig({ type: 'dead_click', selector: 'a#terms', label: 'a' }),
      ],
      NOW,
    )
    expect(text).toBe(
      'On /checkout for 3 min (5 min and 3 pages on the site, from google.com). Pressed button#pay 5 times; each press threw TypeError. Clicked a#terms and nothing happened. Asked for help 20 s ago.',
    )
  })

  it('names elements by their text only when the label carries it (the site allowed text), and never reads anything else of the page', () => {
    expect(elementName('button#pay', 'button Pay €129')).toBe('“Pay €129”')
    expect(elementName('button#pay', 'button')).toBe('button#pay')
    expect(elementName('', '')).toBe('the page')
    const text = describeSession({ url: '/basket' }, [sig({ type: 'rage_click', n: 5, label: 'button' })], NOW)
    expect(text).toBe('On /basket. Pressed button#pay 5 times in a row with no response.')
  })

  it('says when nothing is stored yet, and speaks durations as a person would', () => {
    expect(describeSession({ url: 'https://a.example/' }, [], NOW)).toBe('On /. No signal stored yet.')
    expect([spoken(40_000), spoken(180_000), spoken(3_900_000)]).toEqual(['40 s', '3 min', '1 h 5 min'])
  })
})
