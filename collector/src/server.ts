import { readConfig } from './config.ts'
import { start } from './start.ts'
import { StoreError } from './store/migrate.ts'
import { errorMessage } from './errorMessage.ts'

/** A stop never takes longer than this, ms: supervisors (systemd, Kubernetes) wait 10 s or more before a kill -9, and the log makes an early exit safe. */
export const STOP_DEADLINE_MS = 9_000

const started = Date.now()
try {
  const config = readConfig()
  const running = await start(config)
  console.log(
    `Wince is running on ${running.url} (${running.storeVersion}, data in ${config.dataDir}, started in ${Date.now() - started} ms)`,
  )
  // The token goes to the log only the once it is made: logs are kept and shared, and a token
  // given through WINCE_ADMIN_TOKEN or kept in the data dir is already known to its owner.
  console.log(
    running.tokenGenerated
      ? `  dashboard: ${running.url}/?token=${running.token}   (new admin token, kept in ${running.tokenKeptIn})`
      : `  dashboard: ${running.url}/   (sign in with the admin token: WINCE_ADMIN_TOKEN or the one kept in ${running.tokenKeptIn})`,
  )
  console.log(`  snippet:   <script async src="${running.url}/s.js" data-site="demo"></script>`)
  console.log(`  demo shop: ${running.url}/demo/`)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) {
      // A second signal: the operator wants out now. Everything acknowledged is in the log already.
      process.exit(1)
    }
    stopping = true
    const began = Date.now()
    console.log(`wince: ${signal}: draining (requests in flight, event streams, the write-ahead log)`)
    const deadline = setTimeout(() => {
      console.error(
        `wince: not drained in ${STOP_DEADLINE_MS} ms: exiting; what is left in the write-ahead log is stored at the next start`,
      )
      process.exit(0)
    }, STOP_DEADLINE_MS)
    deadline.unref()
    try {
      await running.close()
      console.log(`wince: stopped in ${Date.now() - began} ms`)
    } catch (err) {
      console.error(`wince: error while stopping: ${errorMessage(err)}`)
    }
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
} catch (err) {
  if (err instanceof StoreError || /^[A-Z_]+: /.test(errorMessage(err) ?? '')) {
    console.error(`wince: ${errorMessage(err)}`)
  } else {
    console.error('wince: failed to start:', err)
  }
  process.exit(1)
}
