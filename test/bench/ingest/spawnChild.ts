import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ChildReport, ChildRequest } from './childProtocol.ts'

export interface Child {
  url: string
  pid: number
  ask<K extends ChildReport['kind']>(request: ChildRequest, answer: K): Promise<Extract<ChildReport, { kind: K }>>
  stop(): Promise<void>
}

/**
 * Forks `file` (TypeScript, through tsx) as its own Node process and waits until it
 * serves. `execArgv` adds Node flags (e.g. `--cpu-prof`).
 */
export async function spawnChild(file: string, execArgv: string[] = []): Promise<Child> {
  const child: ChildProcess = fork(fileURLToPath(new URL(file, import.meta.url)), {
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const next = <K extends ChildReport['kind']>(kind: K) =>
    new Promise<Extract<ChildReport, { kind: K }>>((resolve, reject) => {
      const onMessage = (m: ChildReport) => {
        if (m.kind !== kind) return
        child.off('message', onMessage)
        child.off('exit', onExit)
        resolve(m as Extract<ChildReport, { kind: K }>)
      }
      const onExit = (code: number | null) => reject(new Error(`${file} exited (${code}) before answering ${kind}`))
      child.on('message', onMessage)
      child.once('exit', onExit)
    })
  const { url } = await next('ready')
  return {
    url,
    pid: child.pid!,
    ask(request, answer) {
      const reply = next(answer)
      child.send(request)
      return reply
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.send({ kind: 'stop' } satisfies ChildRequest)
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      await exited
      clearTimeout(timer)
    },
  }
}
