import { describe, expect, it } from 'vitest'
import { placeSpots, spotsAt } from './placeSpots.ts'

const boxes: Record<string, { x: number; y: number; w: number; h: number }> = {
  '#buy': { x: 100, y: 50, w: 100, h: 40 },
  '#nav': { x: 0, y: 0, w: 400, h: 20 },
}
const boxOf = (sel: string) => boxes[sel] ?? null

describe('placeSpots', () => {
  it('places each cell inside its element box, weighted against the busiest cell', () => {
    const { spots, missing } = placeSpots(
      [
        { selector: '#buy', gfx: 5, gfy: 5, clicks: 16 },
        { selector: '#buy', gfx: 0, gfy: 9, clicks: 4 },
        { selector: '#gone', gfx: 1, gfy: 1, clicks: 3 },
        { selector: '#nav', gfx: 9, gfy: 0, clicks: 1 },
      ],
      boxOf,
    )
    expect(spots).toEqual([
      { selector: '#buy', x: 155, y: 72, r: 20, weight: 1, clicks: 16 },
      { selector: '#buy', x: 105, y: 88, r: 20, weight: 0.5, clicks: 4 },
      { selector: '#nav', x: 380, y: 1, r: 40, weight: 0.25, clicks: 1 },
    ])
    expect(missing).toEqual(['#gone'])
  })
})

describe('spotsAt', () => {
  it('lists the elements whose spots cover the point, clicks added up', () => {
    const { spots } = placeSpots(
      [
        { selector: '#buy', gfx: 5, gfy: 5, clicks: 16 },
        { selector: '#buy', gfx: 6, gfy: 5, clicks: 2 },
        { selector: '#nav', gfx: 9, gfy: 0, clicks: 1 },
      ],
      boxOf,
    )
    expect(spotsAt(spots, 158, 72)).toEqual([{ selector: '#buy', clicks: 18 }])
    expect(spotsAt(spots, 0, 400)).toEqual([])
  })
})
