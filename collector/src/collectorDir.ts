import { fileURLToPath } from 'node:url'

/**
 * The collector package's folder. This file sits one level below it, as the built
 * `dist/server.js` does, so the same path holds in both (deeper files would differ once bundled).
 */
export const COLLECTOR_DIR = fileURLToPath(new URL('../', import.meta.url))
