import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SERVE = fileURLToPath(new URL('./chdbHttp/serve.ts', import.meta.url))
/** chDB opens its data dir and the module loads in a few seconds; a loaded machine takes longer. */
const START_TIMEOUT_MS = 30_000

export interface ChdbHttp {
  /** For `CLICKHOUSE_URL`. */
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** Starts the chDB-over-HTTP test fixture (`chdbHttp/serve.ts`) on a loopback port the OS picks, over a fresh data dir. */
export async function startChdbHttp(): Promise<ChdbHttp> {
  const dir = mkdtempSync(join(tmpdir(), 'wince-chdb-http-'))
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  })
  let output = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`chDB HTTP fixture not listening in ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    )
    const read = (d: Buffer) => {
      output += d.toString()
      const m = /listening (\d+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`chDB HTTP fixture exited with ${code}:\n${output}`))
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await gone
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
