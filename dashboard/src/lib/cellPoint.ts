/** A box in CSS pixels (what `getBoundingClientRect` gives, plus the scroll offset). */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** Cells per side of the grid the collector lays over each element's box. */
export const GRID = 10

/**
 * The centre of cell (`gfx`, `gfy`) of the {@link GRID}×{@link GRID} grid over
 * `box`: where a heat spot for that cell is painted. Cells outside 0–9 are
 * clamped so a bad row still lands on its element.
 */
export function cellPoint(box: Box, gfx: number, gfy: number): { x: number; y: number } {
  const cx = Math.min(GRID - 1, Math.max(0, gfx))
  const cy = Math.min(GRID - 1, Math.max(0, gfy))
  return { x: box.x + ((cx + 0.5) / GRID) * box.w, y: box.y + ((cy + 0.5) / GRID) * box.h }
}

/**
 * The radius of a heat spot, px: two cells of the element, within bounds.
 * Large enough that neighbouring cells of one element blend into one blob,
 * small enough that a button's spot does not cover the one beside it. A
 * `whole` spot stands for the element itself (signal layers have one spot
 * per element, at its centre): half its longer side.
 */
export function spotRadius(box: Box, whole = false): number {
  const r = whole ? Math.max(box.w, box.h) / 2 : (Math.max(box.w, box.h) / GRID) * 2
  return Math.round(Math.min(whole ? MAX_WHOLE_RADIUS : MAX_RADIUS, Math.max(MIN_RADIUS, r)))
}

const MIN_RADIUS = 14
const MAX_RADIUS = 40
/** A whole element's spot: a wide form's would otherwise swamp the page. */
const MAX_WHOLE_RADIUS = 80
