/**
 * A TEST FIXTURE, never shipped: ClickHouse's engine (chDB) in its own process
 * behind the part of ClickHouse's HTTP interface that `@clickhouse/client`
 * uses, so several collector processes can share one store with
 * `CLICKHOUSE_URL` as they would share a ClickHouse server. No modern
 * ClickHouse server package installs here; this is the same engine.
 *
 * Run: `node --import tsx serve.ts <dataDir>`; prints `listening <port>`.
 *
 * Covered: `GET /ping`; `POST /` with the statement in the body, or in the
 * `query` parameter with the body as its data (inserts); `param_<name>`
 * query parameters; `default_format`; gzip request bodies; errors as
 * ClickHouse sends them (`Code: N. DB::Exception: …`, status 500). Not
 * covered: sessions, auth (accepted, not checked), response compression,
 * progress headers, settings other than `default_format` (ignored).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { Session } from 'chdb'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: serve.ts <dataDir>')
const session = new Session(dataDir)

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const raw = Buffer.concat(chunks)
  return req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x')
  if (url.pathname === '/ping') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('Ok.\n')
  if (url.pathname !== '/') return void res.writeHead(404).end('Not found\n')
  const data = (await body(req)).toString('utf8')
  const inUrl = url.searchParams.get('query')
  const sql = inUrl === null ? data : data.length ? `${inUrl}\n${data}` : inUrl
  const params: Record<string, string> = {}
  // Other parameters are the interface's own or settings (ignored, see the header comment).
  for (const [key, value] of url.searchParams) if (key.startsWith('param_')) params[key.slice(6)] = value
  const queryId = url.searchParams.get('query_id') ?? randomUUID()
  const format = url.searchParams.get('default_format') ?? 'TabSeparated'
  if (/^\s*INSERT\b[\s\S]*\bFORMAT\s+\w+\s*$/i.test(sql)) {
    // An insert with no rows: ClickHouse takes it as a no-op, chDB's parser would refuse it.
    return void res.writeHead(200, { 'x-clickhouse-query-id': queryId, 'x-clickhouse-summary': summary(0, 0) }).end()
  }
  try {
    const result = Object.keys(params).length
      ? await session.queryBindAsync(sql, params, { format })
      : await session.queryAsync(sql, { format })
    res.writeHead(200, {
      'content-type': 'text/plain; charset=UTF-8',
      'x-clickhouse-query-id': queryId,
      'x-clickhouse-format': format,
      'x-clickhouse-summary': summary(result.rowsRead, result.bytesRead),
    })
    res.end(Buffer.from(result.bytes()))
  } catch (err) {
    const message = (err as Error).message
    const code = /Code: (\d+)/.exec(message)?.[1] ?? '1000'
    res.writeHead(500, {
      'content-type': 'text/plain; charset=UTF-8',
      'x-clickhouse-exception-code': code,
      'x-clickhouse-query-id': queryId,
    })
    res.end(message.startsWith('Code:') ? message : `Code: ${code}. DB::Exception: ${message}`)
  }
}

function summary(rows: number, bytes: number): string {
  const n = (v: number) => String(v || 0)
  return JSON.stringify({
    read_rows: n(rows),
    read_bytes: n(bytes),
    written_rows: n(rows),
    written_bytes: n(bytes),
    total_rows_to_read: '0',
    result_rows: '0',
    result_bytes: '0',
    elapsed_ns: '0',
  })
}

/**
 * ClickHouse takes a URL of up to 1 MiB (`http_max_uri_size`), and the client sends query parameters
 * in it; Node's own limit on the request head is 16 KiB, so without this a large parameter (the ids
 * a collector checks when it replays its log) would get a 431 here that a real server never sends.
 */
const MAX_URI_BYTES = 1024 * 1024
const server = createServer({ maxHeaderSize: MAX_URI_BYTES + 64 * 1024 }, (req, res) => {
  handle(req, res).catch((err: Error) => {
    if (!res.headersSent) res.writeHead(500).end(`Code: 1000. DB::Exception: ${err.message}`)
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`)
})
const stop = () => {
  server.close()
  session.cleanup?.()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
