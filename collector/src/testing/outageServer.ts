// A collector whose store is down (its tables detached), for the crash test:
// it spools what it accepts until it is killed. Prints `ready <url>` once up.
import { readConfig } from '../config.ts'
import { start } from '../start.ts'

const running = await start({ ...readConfig(), host: '127.0.0.1', port: 0 })
for (const table of ['signals', 'page_views', 'alerts'])
  await running.client.command({ query: `DETACH TABLE ${table}` })
console.log(`ready ${running.url}`)
