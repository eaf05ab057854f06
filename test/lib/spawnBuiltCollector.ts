import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const SERVER = fileURLToPath(new URL('../../collector/dist/server.js', import.meta.url))

export interface BuiltCollector {
  url: string
  child: ChildProcess
  /** Everything it printed so far. */
  output(): string
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>
}

/**
 * The built collector (`collector/dist/server.js`, as `pnpm start` runs it) in its own
 * process, `node` itself as the child so a signal reaches the server and nothing else.
 * Resolves once it prints the URL it serves on.
 */
export async function spawnBuiltCollector(env: Record<string, string>): Promise<BuiltCollector> {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  )
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Wince is running on (http:\/\/\S+)/.exec(output)
      if (m) {
        clearInterval(timer)
        resolve(m[1]!.replace('localhost', '127.0.0.1'))
      } else if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(timer)
        reject(new Error(`collector exited before serving:\n${output}`))
      }
    }, 50)
  })
  return { url, child, output: () => output, exited }
}
