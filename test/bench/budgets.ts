/** The budgets of DESIGN.md ("Budgets"), as numbers the benchmarks and the size gate compare against. */
export const BUDGETS = {
  /** `s.js` core, bytes of gzip (level 9). Lazy chunks do not count. */
  snippetGzipBytes: 4096,
  /**
   * A default page view's Wince scripts, bytes of gzip (level 9): the core and the chunks
   * every page view loads (the boot chunk) on a page whose snapshot is stored. The recorder,
   * forms, vitals, snapshot and help chunks load only when called for.
   */
  pageViewGzipBytes: 8192,
  /** Main-thread time the snippet adds, ms per 1,000 input events. */
  mainThreadMsPer1000: 3,
  /** Longest task of the snippet's own, ms. */
  ownTaskMs: 30,
  /** Events per second stored in ClickHouse (embedded chDB) on the 2-core machine. */
  ingestEventsPerSec: 50_000,
  /** SIGTERM under load to exit, ms: inside the 10 s a supervisor gives before a kill. */
  drainMs: 10_000,
  /** Stored events/s over a Hono no-op endpoint's events/s, same load. */
  ingestRatio: 0.5,
  /** Share of the events produced by pages that the collector stored, across unloads. */
  unloadDelivery: 0.999,
} as const
