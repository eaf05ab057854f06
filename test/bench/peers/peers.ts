import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, normalize } from 'node:path'
import { build } from 'esbuild'

const require = createRequire(import.meta.url)
/** Installed packages' folders (from npm, as a site would bundle or load them). */
const pkg = (name: string) => dirname(require.resolve(`${name}/package.json`))

/** The token, project id and DSN the peers are configured with: answered by the stub alone. */
const TOKEN = 'phc_bench'

/** The tools compared side by side, each as a site installs it (the page's `<head>`). */
export type Peer = 'posthog' | 'posthog-rec' | 'clarity' | 'sentry-replay'
export const PEERS: readonly Peer[] = ['posthog', 'posthog-rec', 'clarity', 'sentry-replay']

export interface PeerStub {
  url: string
  /** The script tags of a peer, pointing at this stub. */
  tag(peer: Peer): string
  /** Requests the stub answered so far, by method and path (which calls a tool made: did it run and upload?). */
  requests(): Record<string, number>
  close(): Promise<void>
}

/**
 * PostHog's remote config as its servers answer it: recording on or off; dead clicks and
 * autocapture on (the features that compare with Wince's detectors).
 */
const remoteConfig = (rec: boolean) => ({
  sessionRecording: rec ? { endpoint: '/s/', recorderVersion: 'v2' } : false,
  captureDeadClicks: true,
  autocapture_opt_out: false,
  capturePerformance: false,
  autocaptureExceptions: false,
  heatmaps: false,
  surveys: false,
  supportedCompression: ['gzip-js'],
})

/**
 * Sentry's browser SDK with replay, bundled from npm as a site's build would (minified),
 * sampling every session for replay so that it records as it would for a sampled visitor.
 */
async function sentryBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import * as Sentry from '@sentry/browser'
Sentry.init({ dsn: window.__sentryDsn, integrations: [Sentry.replayIntegration()], replaysSessionSampleRate: 1, replaysOnErrorSampleRate: 1, tracesSampleRate: 0 })`,
      resolveDir: dirname(require.resolve('@sentry/browser/package.json')),
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
  })
  return out.outputFiles[0]!.text
}

/**
 * A stub of the peers' servers on its own origin: serves their scripts from the npm
 * packages (PostHog's loader and its lazily loaded extensions as its CDN would, Clarity's
 * tag build, the Sentry bundle) and answers every other request (config, flags, event and
 * recording uploads, envelopes) at once with an empty JSON, so the tools run as in the
 * field without a network.
 */
export async function startPeerStub(): Promise<PeerStub> {
  const posthogDist = join(pkg('posthog-js'), 'dist')
  const clarity = await readFile(join(pkg('clarity-js'), 'build', 'clarity.min.js'))
  const sentry = await sentryBundle()
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'GET, POST',
  }
  const js = { ...cors, 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }
  const seen: Record<string, number> = {}
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const key = `${req.method} ${url.pathname}`
    seen[key] = (seen[key] ?? 0) + 1
    // PostHog with recording has its own api_host under /rec: the same files, recording on in its config.
    const rec = url.pathname.startsWith('/rec/')
    const p = rec ? url.pathname.slice(4) : url.pathname
    req.resume()
    try {
      if (p.startsWith('/static/')) {
        const file = normalize(join(posthogDist, p.slice('/static/'.length)))
        if (!file.startsWith(posthogDist)) return void res.writeHead(404).end()
        const body = await readFile(file)
        return void res.writeHead(200, js).end(body)
      }
      if (/^\/array\/[\w-]+\/config\.js$/.test(p))
        return void res
          .writeHead(200, js)
          .end(
            `(window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{})[${JSON.stringify(TOKEN)}]={config:${JSON.stringify(remoteConfig(rec))},siteApps:[]}`,
          )
      if (/^\/array\/[\w-]+\/config$/.test(p) || p.startsWith('/flags'))
        return void res
          .writeHead(200, { ...cors, 'content-type': 'application/json' })
          .end(JSON.stringify({ ...remoteConfig(rec), featureFlags: {}, flags: {} }))
      if (p === '/clarity.js') return void res.writeHead(200, js).end(clarity)
      if (p === '/sentry.js') return void res.writeHead(200, js).end(sentry)
      res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end('{}')
    } catch {
      if (!res.headersSent) res.writeHead(404, cors)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const tag = (peer: Peer): string => {
    if (peer === 'posthog' || peer === 'posthog-rec') {
      // The install queue PostHog's loader reads (`_i`: init calls made before it loaded), then the loader as its CDN serves it.
      const host = peer === 'posthog-rec' ? `${url}/rec` : url
      const init = {
        api_host: host,
        capture_dead_clicks: true,
        autocapture: true,
        rageclick: true,
        disable_session_recording: peer !== 'posthog-rec',
        capture_pageview: true,
        persistence: 'memory',
      }
      return `<script>window.posthog=[];posthog._i=[[${JSON.stringify(TOKEN)},${JSON.stringify(init)},undefined]];posthog.__SV=1</script>\n<script async src="${url}/static/array.js"></script>`
    }
    if (peer === 'clarity') {
      return `<script>window.clarity=window.clarity||function(){(clarity.q=clarity.q||[]).push(arguments)};clarity('start',{projectId:'bench',upload:${JSON.stringify(`${url}/collect`)},track:true,content:true})</script>\n<script async src="${url}/clarity.js"></script>`
    }
    return `<script>window.__sentryDsn=${JSON.stringify(`http://public@${url.slice('http://'.length)}/1`)}</script>\n<script async src="${url}/sentry.js"></script>`
  }
  return {
    url,
    tag,
    requests: () => ({ ...seen }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
