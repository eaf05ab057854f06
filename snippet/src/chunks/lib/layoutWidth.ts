/**
 * Widest vertical scrollbar a desktop browser draws, CSS px (Windows 17, GTK 15): the gap
 * between `innerWidth` and `clientWidth` that is only a scrollbar, not a zoomed-out page.
 */
export const SCROLLBAR_MAX = 24

/**
 * The viewport width CSS breakpoints see, which viewport classes (heatmaps, snapshots,
 * vitals) follow. `innerWidth` counts the scrollbar, as media queries do, but on a phone
 * zoomed out over content wider than its screen it is that content's width (1,077 px on a
 * 390 px phone), which would put the phone's clicks on the desktop heatmap; the layout
 * width (`clientWidth`) stays the phone's. The smaller of the two, the scrollbar allowed.
 * Every chunk that sends a `vw` uses this one, so a snapshot and its ask agree on the class.
 */
export const layoutWidth = (inner: number, client: number): number => Math.min(inner, client + SCROLLBAR_MAX)
