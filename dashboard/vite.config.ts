import { defineConfig } from 'vite'
import preact from '@preact/preset-vite'

/**
 * The collector serves `dist/` at `/` after login. For `vite dev`, API calls and
 * the login page go to a running collector (`WINCE_URL`, default
 * http://localhost:8080): sign in at the dev server's `/login` so the session
 * cookie belongs to its origin.
 */
const collector = process.env.WINCE_URL ?? 'http://localhost:8080'

export default defineConfig({
  base: '/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One script and one stylesheet up front; rrweb's player and rrweb-snapshot are dynamic imports,
    // chunks fetched only when a replay or a heatmap is opened.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': collector, '/login': collector },
  },
})
