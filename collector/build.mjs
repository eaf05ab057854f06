// Compiles the collector to one JavaScript file, `dist/server.js`, that `node` runs
// (`pnpm start`): TypeScript is stripped at build time, not at every start. Packages
// stay external (loaded from node_modules, chDB's native module among them); the
// workspace's own TypeScript (`@wince/snippet/wire`) is bundled in.
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

await build({
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: Object.keys(pkg.dependencies),
  logLevel: 'warning',
})
