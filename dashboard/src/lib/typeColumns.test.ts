import { describe, expect, it } from 'vitest'
import { typeColumns } from './typeColumns.ts'

describe('typeColumns', () => {
  it('lists the types present, known ones in their order, new ones after', () => {
    const rows: Array<{ byType: Record<string, number> }> = [
      { byType: { mouse_thrash: 1, rage_click: 2 } },
      { byType: { zig_zag: 1, dead_click: 4, quick_back: 0 } },
    ]
    expect(typeColumns(rows)).toEqual(['rage_click', 'dead_click', 'mouse_thrash', 'zig_zag'])
  })

  it('has no columns for no rows', () => {
    expect(typeColumns([])).toEqual([])
  })
})
