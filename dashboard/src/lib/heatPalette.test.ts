import { describe, expect, it } from 'vitest'
import { heatColor, heatLookup, MIN_WEIGHT, spotWeight } from './heatPalette.ts'

describe('heatColor', () => {
  it('runs from transparent blue through cyan, green and yellow to red', () => {
    expect(heatColor(0)).toEqual([0, 0, 255, 0])
    expect(heatColor(0.2)).toEqual([0, 0, 255, 128])
    expect(heatColor(0.4)).toEqual([0, 255, 255, 170])
    expect(heatColor(0.6)).toEqual([0, 255, 0, 200])
    expect(heatColor(0.8)).toEqual([255, 255, 0, 220])
    expect(heatColor(1)).toEqual([255, 0, 0, 235])
  })

  it('mixes linearly between stops and rounds', () => {
    expect(heatColor(0.1)).toEqual([0, 0, 255, 64])
    expect(heatColor(0.3)).toEqual([0, 128, 255, 149])
    expect(heatColor(0.9)).toEqual([255, 128, 0, 228])
  })

  it('clamps what is out of range or not a number', () => {
    expect(heatColor(-1)).toEqual([0, 0, 255, 0])
    expect(heatColor(7)).toEqual([255, 0, 0, 235])
    expect(heatColor(Number.NaN)).toEqual([0, 0, 255, 0])
  })
})

describe('heatLookup', () => {
  it('holds one colour per alpha level', () => {
    const lut = heatLookup()
    expect(lut.length).toBe(1024)
    expect([...lut.subarray(0, 4)]).toEqual([0, 0, 255, 0])
    expect([...lut.subarray(255 * 4)]).toEqual([255, 0, 0, 235])
  })
})

describe('spotWeight', () => {
  it('is the square root of the share of the busiest spot', () => {
    expect(spotWeight(100, 100)).toBe(1)
    expect(spotWeight(25, 100)).toBe(0.5)
    expect(spotWeight(4, 16)).toBe(0.5)
  })

  it('keeps a single click visible and nothing at zero', () => {
    expect(spotWeight(1, 10_000)).toBe(MIN_WEIGHT)
    expect(spotWeight(0, 100)).toBe(0)
    expect(spotWeight(5, 0)).toBe(0)
  })
})
