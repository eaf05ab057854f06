import { describe, expect, it } from 'vitest'
import { cellPoint, spotRadius } from './cellPoint.ts'

const box = { x: 100, y: 200, w: 50, h: 20 }

describe('cellPoint', () => {
  it('puts a cell at its centre within the element box', () => {
    expect(cellPoint(box, 0, 0)).toEqual({ x: 102.5, y: 201 })
    expect(cellPoint(box, 5, 5)).toEqual({ x: 127.5, y: 211 })
    expect(cellPoint(box, 9, 9)).toEqual({ x: 147.5, y: 219 })
  })

  it('clamps cells outside the grid', () => {
    expect(cellPoint(box, -3, 12)).toEqual({ x: 102.5, y: 219 })
  })
})

describe('spotRadius', () => {
  it('is two cells of the longer side, between 14 and 40 px', () => {
    expect(spotRadius(box)).toBe(14)
    expect(spotRadius({ x: 0, y: 0, w: 120, h: 40 })).toBe(24)
    expect(spotRadius({ x: 0, y: 0, w: 1200, h: 400 })).toBe(40)
  })

  it('covers half the longer side for a spot standing for the whole element, up to 80 px', () => {
    expect(spotRadius(box, true)).toBe(25)
    expect(spotRadius({ x: 0, y: 0, w: 10, h: 8 }, true)).toBe(14)
    expect(spotRadius({ x: 0, y: 0, w: 1200, h: 400 }, true)).toBe(80)
  })
})
