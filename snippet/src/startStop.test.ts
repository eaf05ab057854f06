import { describe, expect, it } from 'vitest'

declare global {
  interface ImportMeta {
    /** Vite's file glob (vitest runs on Vite); the snippet's types leave out Vite's and Node's. */
    glob(patterns: string[], options: { query: '?raw'; import: 'default'; eager: true }): Record<string, string>
  }
}

/**
 * Every snippet module that starts something is stopped: it exports a `stop` that
 * `stop.ts` calls, in the reverse of the order `start.ts` starts them, or it is named
 * below with what undoes it instead. A new module with a `start` and no `stop` fails here.
 */
const SOURCES = import.meta.glob(['./**/*.ts', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true })

/**
 * Modules whose `start` leaves nothing a `stop` of their own would undo. Each is held to
 * it below: it binds listeners and wrappers only through `core/registry` (`stopAll()`,
 * which `stop()` runs, removes them) and starts no timer or observer itself.
 */
const UNDONE_BY_STOP_ALL: Record<string, string> = {
  'api/emit.ts': 'only sets up the struggle score; once stop() turns `live` off no verdict reaches it',
  'dom/pageView.ts': 'wraps history and listens for popstate through the registry',
  'ext/ext.ts': 'adds the boot chunk; chunks run only while live and undo themselves through registry cleanups',
}

/** The entry points: they define or re-export the one `start` and `stop` of the snippet. */
const ENTRIES = ['start.ts', 'index.ts']

/** What a module would have to undo itself: listeners, timers, observers bound outside the registry. */
const BINDS_ITSELF = /addEventListener|setInterval|setTimeout|new (Mutation|Performance|Intersection|Resize)Observer/

const EXPORTS_START = /export (async )?(function|const) start\b|export \{[^}]*\bstart\b[^}]*\}/
const EXPORTS_STOP = /export (async )?(function|const) stop\b|export \{[^}]*\bstop\b[^}]*\}/

/** A module's source by its path in `src/` (`dom/clicks.ts`). */
function read(file: string): string {
  const text = SOURCES[`./${file}`]
  if (text === undefined) throw new Error(`no such module: ${file}`)
  return text
}

/** `import * as alias from './path'` in an entry file → alias for each module path (`dom/clicks.ts`). */
function aliases(file: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const m of read(file).matchAll(/import \* as (\w+) from '\.\/([^']+)'/g)) {
    const [, alias = '', path = ''] = m
    found.set(`${path}.ts`, alias)
  }
  return found
}

const starters = Object.keys(SOURCES)
  .map((k) => k.slice(2))
  .filter((f) => !ENTRIES.includes(f) && EXPORTS_START.test(read(f)))
const startText = read('start.ts')
const stopText = read('stop.ts')
const startAlias = aliases('start.ts')
const stopAlias = aliases('stop.ts')

describe('start/stop pairs', () => {
  it('finds the modules that start something (the check below is not empty)', () => {
    expect(starters).toContain('transport/queue.ts')
    expect(starters).toContain('dom/clicks.ts')
  })

  it('the entry points export stop beside start', () => {
    for (const f of ENTRIES) expect(EXPORTS_STOP.test(read(f)), f).toBe(true)
  })

  it.each(starters)('%s is stopped', (file) => {
    const text = read(file)
    if (!EXPORTS_STOP.test(text)) {
      expect(UNDONE_BY_STOP_ALL[file], `${file} exports start without stop and is not listed`).toBeDefined()
      expect(BINDS_ITSELF.test(text), `${file} binds outside the registry: give it a stop`).toBe(false)
      return
    }
    const alias = stopAlias.get(file)
    expect(alias, `stop.ts does not import ${file}`).toBeDefined()
    expect(stopText).toContain(`${alias}.stop()`)
  })

  it('stop.ts stops in the reverse order start.ts starts', () => {
    const paired = starters.filter((f) => EXPORTS_STOP.test(read(f)))
    const startAt = (f: string) => startText.indexOf(`${startAlias.get(f)}.start(`)
    const stopAt = (f: string) => stopText.indexOf(`${stopAlias.get(f)}.stop()`)
    for (const f of paired) expect(startAt(f), `start.ts does not start ${f}`).toBeGreaterThan(-1)
    const started = [...paired].sort((a, b) => startAt(a) - startAt(b))
    const stopped = [...paired].sort((a, b) => stopAt(b) - stopAt(a))
    expect(stopped).toEqual(started)
  })

  it('stop() ends with stopAll(), which undoes what the listed modules bound', () => {
    expect(stopText).toMatch(/stopAll\(\)\s*\}\s*$/)
  })
})
