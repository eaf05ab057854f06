import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's packaged ClickHouse server (18.16): real, and too old for Wince. */
export const OLD_CLICKHOUSE = process.env.WINCE_OLD_CLICKHOUSE ?? '/usr/sbin/clickhouse-server'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

/** Starts the server on loopback ports of its own, data in a temp dir; resolves once it answers. */
export async function startOldClickHouse(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'wince-ch-'))
  const [http, tcp] = [await freePort(), await freePort()]
  copyFileSync('/etc/clickhouse-server/users.xml', join(dir, 'users.xml'))
  writeFileSync(
    join(dir, 'config.xml'),
    `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <mark_cache_size>268435456</mark_cache_size>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
</yandex>
`,
  )
  const child: ChildProcess = spawn(OLD_CLICKHOUSE, [`--config-file=${join(dir, 'config.xml')}`], { stdio: 'ignore' })
  const url = `http://127.0.0.1:${http}`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    rmSync(dir, { recursive: true, force: true })
  }
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break
    try {
      if ((await fetch(`${url}/ping`)).ok) return { url, stop }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`${OLD_CLICKHOUSE} did not start (install Debian's clickhouse-server: bash scripts/setup.sh --test)`)
}
