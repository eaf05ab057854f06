/** Viewport classes heatmaps and snapshots are kept per: layouts change at these widths on most sites. */
export type ViewportClass = 'mobile' | 'tablet' | 'desktop'

/** Below this width a viewport is a phone's (the common 768 px tablet breakpoint). */
export const TABLET_MIN_WIDTH = 768
/** From this width a viewport is a desktop's (the common 1024 px breakpoint). */
export const DESKTOP_MIN_WIDTH = 1024

export const VIEWPORT_CLASSES: readonly ViewportClass[] = ['mobile', 'tablet', 'desktop']

export function viewportClass(width: number): ViewportClass {
  return width < TABLET_MIN_WIDTH ? 'mobile' : width < DESKTOP_MIN_WIDTH ? 'tablet' : 'desktop'
}
