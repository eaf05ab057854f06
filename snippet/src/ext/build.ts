/**
 * Names this build's boot chunk: `/s/<BUILD>.js`. The build replaces the value with a
 * hash of the chunks (rollup.config.mjs), so the collector can cache them for good.
 */
export const BUILD = 'boot'
