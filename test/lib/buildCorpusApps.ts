import { mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'
import { compile } from 'svelte/compiler'

const APPS = fileURLToPath(new URL('../fixtures/corpus/apps/', import.meta.url))

/** Compiles `.svelte` files with the real Svelte compiler (client output, as a production build). */
const svelte: Plugin = {
  name: 'svelte',
  setup(b) {
    b.onLoad({ filter: /\.svelte$/ }, async (args) => {
      const { js } = compile(await readFile(args.path, 'utf8'), { filename: args.path, generate: 'client', dev: false })
      return { contents: js.code, loader: 'js', resolveDir: APPS }
    })
  },
}

/**
 * Builds the corpus's framework apps as their authors would ship them: React and
 * react-dom production bundled by esbuild, the Svelte component compiled by the Svelte
 * compiler and bundled, the Vue app as is (it runs on `vue.global.prod.js`). Returns the
 * folder holding `react.js`, `svelte.js` and `vue-app.js`, served as `/apps/`.
 */
export async function buildCorpusApps(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'wince-corpus-apps-'))
  const common = {
    bundle: true,
    minify: true,
    format: 'iife' as const,
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning' as const,
  }
  await build({
    ...common,
    entryPoints: [join(APPS, 'react-app.jsx')],
    outfile: join(out, 'react.js'),
    jsx: 'automatic',
  })
  await build({
    ...common,
    entryPoints: [join(APPS, 'svelte-main.js')],
    outfile: join(out, 'svelte.js'),
    conditions: ['svelte', 'browser', 'production'],
    plugins: [svelte],
  })
  await copyFile(join(APPS, 'vue-app.js'), join(out, 'vue-app.js'))
  await writeFile(join(out, 'README'), 'Built by test/lib/buildCorpusApps.ts; removed with the temp dir.\n')
  return out
}
