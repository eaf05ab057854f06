import { describe, expect, it } from 'vitest'
import { layoutWidth } from './layoutWidth'

describe('layoutWidth', () => {
  it('is the window width on a desktop, scrollbar or not', () => {
    expect(layoutWidth(1280, 1265)).toBe(1280)
    expect(layoutWidth(1280, 1280)).toBe(1280)
    // A 1,024 px window with a 17 px scrollbar is still a desktop's, as its media queries say.
    expect(layoutWidth(1024, 1007)).toBe(1024)
  })
  it("is about the phone's width when the phone is zoomed out over too-wide content", () => {
    // Measured in Chromium's iPhone emulation on a page whose content is 1,077 px wide.
    expect(layoutWidth(1077, 390)).toBe(414)
    expect(layoutWidth(1077, 390)).toBeLessThan(768)
    expect(layoutWidth(390, 390)).toBe(390)
  })
})
