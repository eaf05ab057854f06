import { spawn, type ChildProcess } from 'node:child_process'

/** Debian's `redis-server` (scripts/setup.sh --test installs it); `WINCE_REDIS_SERVER` to use another. */
export const REDIS_SERVER = process.env.WINCE_REDIS_SERVER ?? '/usr/bin/redis-server'

/** How long a fresh redis-server may take to listen on a loaded machine, ms. */
const START_TIMEOUT_MS = 10_000

export interface RunningRedis {
  url: string
  port: number
  process: ChildProcess
  stop(): Promise<void>
}

/**
 * Starts a throwaway redis-server on loopback, on a random port above 20000
 * (redis-server cannot be asked for port 0 and tell which it took), with no
 * persistence. Tries another port when one is taken.
 */
export async function startRedis(): Promise<RunningRedis> {
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 40_000)
    try {
      return await startOn(port)
    } catch (err) {
      if (attempt >= 4 || !/in use/i.test((err as Error).message)) throw err
    }
  }
}

function startOn(port: number): Promise<RunningRedis> {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'notice'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    let out = ''
    const fail = (why: string) => {
      clearTimeout(timer)
      void stop()
      reject(new Error(`redis-server on port ${port}: ${why}`))
    }
    const timer = setTimeout(() => fail(`not ready in ${START_TIMEOUT_MS} ms: ${out.slice(-500)}`), START_TIMEOUT_MS)
    const read = (chunk: Buffer) => {
      out += chunk.toString()
      if (/ready to accept connections/i.test(out)) {
        clearTimeout(timer)
        resolve({ url: `redis://127.0.0.1:${port}`, port, process: child, stop })
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('error', (err) => fail(err.message))
    child.once('exit', (code) => fail(`exited with ${code}: ${out.slice(-500)}`))
  })
}
