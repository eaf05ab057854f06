import typescript from '@rollup/plugin-typescript'
import terser from '@rollup/plugin-terser'
import resolve from '@rollup/plugin-node-resolve'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

/** The core s.js budget (DESIGN.md): detectors, struggle score, transport and page API. */
const BUDGET_GZIP = 4096

/** Lazily loaded chunks the boot chunk loads by name: `/s/<name>.<hash>.js`. */
const CHUNKS = ['help', 'snap', 'rec', 'vitals', 'learn', 'forms', 'text']

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    exclude: ['src/**/*.test.ts'],
    compilerOptions: {
      composite: false,
      declaration: false,
      emitDeclarationOnly: false,
      allowImportingTsExtensions: false,
      outDir: 'dist',
    },
  })

const hash = (...codes) => createHash('sha256').update(codes.join('\0')).digest('hex').slice(0, 10)
const gz = (code) => gzipSync(code, { level: 9 }).length

/** Prints the gzip size of each file, and fails the build when s.js is over budget (WINCE_NO_BUDGET=1 only reports it, for size experiments). */
const size = () => ({
  name: 'wince-size',
  generateBundle(_, bundle) {
    for (const [name, chunk] of Object.entries(bundle)) {
      if (chunk.type != 'chunk') continue
      console.log(`${name}: ${chunk.code.length} B, ${gz(chunk.code)} B gzip`)
      if (name == 's.js' && gz(chunk.code) > BUDGET_GZIP && !process.env.WINCE_NO_BUDGET)
        this.error(`s.js is ${gz(chunk.code)} B gzip, over the ${BUDGET_GZIP} B budget`)
    }
  },
})

/** Names baked in at build time: the chunks' shared hash (in the boot chunk) and the boot chunk's hash (in the core). */
const names = { chunks: 'dev', boot: 'boot' }

/** Replaces a module's placeholder string with a name known once earlier builds ran. */
const bake = (file, from, key) => ({
  name: 'wince-bake',
  transform(code, id) {
    if (id.replaceAll('\\', '/').endsWith(file)) return code.replace(`'${from}'`, JSON.stringify(names[key]))
  },
})

/** Removes hashed chunk files of earlier builds (`name.<hash>.js`, `<hash>.js`). */
const clean = (keep) => {
  for (const f of readdirSync('dist'))
    if (/^(\w+\.)?[0-9a-f]{10}\.js$/.test(f) && !keep.includes(f)) rmSync(`dist/${f}`)
}

/** After the last lazy chunk: names them all by one hash of their code. */
const nameChunks = () => ({
  name: 'wince-chunk-names',
  writeBundle() {
    const codes = CHUNKS.map((n) => readFileSync(`dist/${n}.js`, 'utf8'))
    names.chunks = hash(...codes)
    CHUNKS.forEach((n, i) => {
      writeFileSync(`dist/${n}.${names.chunks}.js`, codes[i])
    })
  },
})

/** After the boot chunk: names it by its hash (the core loads `/s/<hash>.js`), and drops stale files. */
const nameBoot = () => ({
  name: 'wince-boot-name',
  writeBundle() {
    const code = readFileSync('dist/boot.js', 'utf8')
    names.boot = hash(code)
    writeFileSync(`dist/${names.boot}.js`, code)
    clean([`${names.boot}.js`, ...CHUNKS.map((n) => `${n}.${names.chunks}.js`)])
  },
})

const minify = (mangleProps) =>
  terser({
    ecma: 2020,
    compress: {
      passes: 5,
      unsafe_arrows: true,
      pure_getters: true,
      booleans_as_integers: true,
      hoist_funs: true,
      unsafe_methods: true,
    },
    // Only the core mangles `_` properties: rrweb's own `_`-names are on the wire.
    mangle: mangleProps ? { properties: { regex: /^_/ } } : true,
    format: { comments: false },
  })

mkdirSync('dist', { recursive: true })

/** Chunk entries export their tuning constants for the docs and tests, not for a global: no IIFE name. */
const onwarn = (w, warn) => w.code != 'MISSING_NAME_OPTION_FOR_IIFE_EXPORT' && warn(w)

/** A lazily loaded chunk: its own minified IIFE that registers itself with `wince('x', …)`. */
const lazy = (name, last) => ({
  input: `src/chunks/${name}.ts`,
  onwarn,
  output: { file: `dist/${name}.js`, format: 'iife', strict: false, plugins: [minify(false), size()] },
  plugins: [resolve({ browser: true }), ts(), ...(last ? [nameChunks()] : [])],
})

export default [
  ...CHUNKS.map((n, i) => lazy(n, i == CHUNKS.length - 1)),
  {
    input: 'src/chunks/boot.ts',
    onwarn,
    output: { file: 'dist/boot.js', format: 'iife', strict: false, plugins: [minify(false), size()] },
    plugins: [bake('src/chunks/lib/chunkNames.ts', 'dev', 'chunks'), ts(), nameBoot()],
  },
  {
    input: 'src/iife.ts',
    output: {
      file: 'dist/s.js',
      format: 'iife',
      // Nothing in the snippet relies on strict-mode semantics; saves the directive.
      strict: false,
      plugins: [minify(true), size()],
    },
    plugins: [bake('src/ext/build.ts', 'boot', 'boot'), ts()],
  },
  {
    input: 'src/index.ts',
    output: { file: 'dist/wince.mjs', format: 'es' },
    plugins: [bake('src/ext/build.ts', 'boot', 'boot'), ts()],
  },
]
