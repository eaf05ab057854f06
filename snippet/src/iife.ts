import { start } from './start'

/**
 * The script-tag entry (`s.js`):
 * `<script async src="https://host/s.js" data-site="demo"></script>`, with optional
 * `data-endpoint` and `data-struggle-threshold`. Whether labels may carry page text is the
 * site's setting (`allowText`), which the boot chunk gets from `/v1/site`.
 */
// Set while a classic script first runs, async or not (null only if loaded as a module).
const s = document.currentScript as HTMLScriptElement | null
if (s) {
  const d = s.dataset
  start({
    // start() itself refuses a missing site.
    site: d.site!,
    // No src (an inline copy of the script): the page's own origin.
    endpoint: d.endpoint || new URL(s.src, location as unknown as URL).origin,
    threshold: +d.struggleThreshold!, // NaN when absent: ignored
  })
}
