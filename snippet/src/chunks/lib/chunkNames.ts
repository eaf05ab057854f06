/**
 * This build's chunk hash: chunks are `/s/<name>.<CHUNKS>.js`. The build replaces the
 * value with a hash of the help, snap, rec, vitals and forms chunks (rollup.config.mjs).
 */
export const CHUNKS = 'dev'
