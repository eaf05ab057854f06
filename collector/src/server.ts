import { readConfig } from './config.ts'
import { start } from './start.ts'
import { StoreError } from './store/migrate.ts'

const started = Date.now()
try {
  const config = readConfig()
  const running = await start(config)
  console.log(`Wince is running on ${running.url} (${running.storeVersion}, data in ${config.dataDir}, started in ${Date.now() - started} ms)`)
  // The token goes to the log only the once it is made: logs are kept and shared, and a token
  // given through WINCE_ADMIN_TOKEN or kept in the data dir is already known to its owner.
  console.log(
    running.tokenGenerated
      ? `  dashboard: ${running.url}/?token=${running.token}   (new admin token, kept in the data dir)`
      : `  dashboard: ${running.url}/   (sign in with the admin token: WINCE_ADMIN_TOKEN or the data dir's admin-token file)`,
  )
  console.log(`  snippet:   <script async src="${running.url}/s.js" data-site="demo"></script>`)
  console.log(`  demo shop: ${running.url}/demo/`)
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await running.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (err) {
  if (err instanceof StoreError || /^[A-Z_]+: /.test((err as Error).message ?? '')) {
    console.error(`wince: ${(err as Error).message}`)
  } else {
    console.error('wince: failed to start:', err)
  }
  process.exit(1)
}
