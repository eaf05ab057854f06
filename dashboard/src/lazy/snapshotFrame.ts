/**
 * Rebuilds a stored page snapshot, in its own chunk: rrweb-snapshot is only
 * needed once someone opens a heatmap.
 */
import { createCache, createMirror, rebuildIntoSandboxedIframe } from 'rrweb-snapshot'

type Serialized = Parameters<typeof rebuildIntoSandboxedIframe>[0]

/**
 * Rebuilds `snap` in a new iframe appended to `root`, `width`×`height` CSS px.
 * rrweb-snapshot forces `sandbox="allow-same-origin"` on it: the parent can
 * measure elements inside, and no script of the page (or smuggled into the
 * snapshot) ever runs. Throws on a snapshot it cannot rebuild.
 */
export function renderSnapshot(root: HTMLElement, snap: unknown, width: number, height: number): HTMLIFrameElement {
  // A stored snapshot is rrweb-snapshot's serialized node (the collector keeps it as uploaded).
  const { iframe } = rebuildIntoSandboxedIframe(snap as Serialized, {
    root,
    cache: createCache(),
    mirror: createMirror(),
    // Turns :hover rules into classes, as rrweb's player does; harmless for a still page.
    hackCss: true,
    iframeAttributes: {
      'data-testid': 'heatmap-frame',
      title: 'Page snapshot',
      width: String(width),
      height: String(height),
      scrolling: 'no',
      tabindex: '-1',
    },
  })
  // The snapshot was taken scrolled to some point; the heatmap maps the whole document from the top.
  iframe.contentWindow?.scrollTo(0, 0)
  return iframe
}
