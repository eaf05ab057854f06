import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { principalOf, SESSION_COOKIE } from '../auth/requireRole.ts'
import { makeSession, SESSION_TTL_MS } from '../auth/adminToken.ts'
import type { Tokens } from '../auth/Tokens.ts'
import { serveFile } from '../static/serveFile.ts'
import { isHttps } from '../security/ownOrigin.ts'

export interface PageDirs {
  /** Built snippet (`snippet/dist`): serves `/s.js`. */
  snippet: string
  /** Built dashboard (`dashboard/dist`): serves `/`. */
  dashboard: string
  /** The demo shop: serves `/demo/`. */
  demo: string
}

/** The snippet, the demo shop, the login page and the dashboard (behind a token). */
export function pageRoutes(
  dirs: PageDirs,
  tokens: Tokens,
  token: string,
  { trustProxy = false }: { trustProxy?: boolean } = {},
) {
  const startSession = (c: Parameters<typeof setCookie>[0], tokenId: string) =>
    setCookie(c, SESSION_COOKIE, makeSession(token, tokenId), {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      // Behind a TLS-terminating proxy the request arrives over http: trust its X-Forwarded-Proto only when told to.
      secure: isHttps(c, trustProxy),
      maxAge: SESSION_TTL_MS / 1000,
    })

  return new Hono()
    .get('/s.js', async (c) => {
      // Short cache: a new snippet reaches every site within minutes of a deploy.
      const res = await serveFile(
        dirs.snippet,
        's.js',
        { 'cache-control': 'public, max-age=300' },
        c.req.header('accept-encoding'),
      )
      return res ?? c.text('snippet not built: run pnpm build', 404)
    })
    .get('/s/:file{[\\w.-]+\\.js}', async (c) => {
      // Lazily loaded chunks are content-hashed: cache them for good.
      const res = await serveFile(
        dirs.snippet,
        c.req.param('file'),
        { 'cache-control': 'public, max-age=31536000, immutable' },
        c.req.header('accept-encoding'),
      )
      return res ?? c.notFound()
    })
    .get('/demo', (c) => c.redirect('/demo/'))
    .get(
      '/demo/*',
      async (c) =>
        (await serveFile(dirs.demo, c.req.path.slice('/demo/'.length), {}, c.req.header('accept-encoding'))) ??
        c.notFound(),
    )
    .get('/login', (c) => c.html(loginPage('')))
    .post('/login', async (c) => {
      const form = await c.req.parseBody()
      const found = tokens.verify(typeof form.token === 'string' ? form.token.trim() : '')
      if (!found) return c.html(loginPage('That token is not valid.'), 401)
      startSession(c, found.id)
      return c.redirect('/')
    })
    .post('/logout', async (c) => {
      // The cookie is signed, not stored: ending it means remembering it was ended.
      const cookie = getCookie(c, SESSION_COOKIE)
      if (cookie) await tokens.endedSessions.end(cookie)
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, trustProxy) })
      return c.json({ signedOut: true })
    })
    .get('/*', async (c) => {
      const given = c.req.query('token')
      if (given !== undefined) {
        const found = tokens.verify(given)
        if (!found) return c.html(loginPage('That token is not valid.'), 401)
        startSession(c, found.id)
        return c.redirect('/')
      }
      if (!principalOf(c, tokens, token)) return c.redirect('/login')
      const path = c.req.path === '/' ? 'index.html' : c.req.path.slice(1)
      const accept = c.req.header('accept-encoding')
      const res =
        (await serveFile(dirs.dashboard, path, {}, accept)) ??
        (await serveFile(dirs.dashboard, 'index.html', {}, accept))
      return res ?? c.text('dashboard not built: run pnpm build', 404)
    })
}

function loginPage(message: string): string {
  const note = message ? `<p role="alert">${message}</p>` : ''
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wince — sign in</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}input,button{font:inherit;padding:.4rem;width:100%;box-sizing:border-box;margin:.3rem 0}</style>
</head><body><h1>Wince</h1>${note}<form method="post" action="/login">
<label for="token">Admin token</label><input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>
<p>The token is printed when Wince starts, and kept in the data directory's <code>admin-token</code> file.</p></body></html>`
}
