import typescript from '@rollup/plugin-typescript'
import terser from '@rollup/plugin-terser'
import { gzipSync } from 'node:zlib'

/** The core s.js budget (DESIGN.md): detectors, struggle score, transport and page API. */
const BUDGET_GZIP = 4096

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

/** Prints the gzip size of each chunk, and fails the build when s.js is over budget (WINCE_NO_BUDGET=1 only reports it, for size experiments). */
const size = () => ({
  name: 'wince-size',
  generateBundle(_, bundle) {
    for (const [name, chunk] of Object.entries(bundle)) {
      if (chunk.type != 'chunk') continue
      const gz = gzipSync(chunk.code, { level: 9 }).length
      console.log(`${name}: ${chunk.code.length} B, ${gz} B gzip`)
      if (name == "s.js" && gz > BUDGET_GZIP && !process.env.WINCE_NO_BUDGET) this.error(`s.js is ${gz} B gzip, over the ${BUDGET_GZIP} B budget`)
    }
  },
})

export default [
  {
    input: 'src/iife.ts',
    output: {
      file: 'dist/s.js',
      format: 'iife',
      // Nothing in the snippet relies on strict-mode semantics; saves the directive.
      strict: false,
      plugins: [
        terser({
          ecma: 2020,
          compress: { passes: 5, unsafe_arrows: true, pure_getters: true, booleans_as_integers: true },
          mangle: { properties: { regex: /^_/ } },
          format: { comments: false },
        }),
        size(),
      ],
    },
    plugins: [ts()],
  },
  {
    input: 'src/index.ts',
    output: { file: 'dist/wince.mjs', format: 'es' },
    plugins: [ts()],
  },
]
