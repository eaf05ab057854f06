/** The page's monotonic clock, ms (detectors and the activity watcher all run on it). */
export const now = (): number => performance.now()
