import { launchChromium } from '../../lib/browser.ts'
import { E2E_TOKEN, startCollector } from '../../lib/startCollector.ts'
import { serveFixtures } from '../serveFixtures.ts'
import { play } from '../mainThread.ts'
import { sleep } from '../stats.ts'

/**
 * What Wince does per input on the side-by-side workload (busy page, 1,000 inputs), counted, not
 * timed: how often the browser enters its listeners, by event type, and how often its code calls
 * the browser functions the profile names (`performance.now`, `setTimeout`, `closest`,
 * `getAttribute`, `getBoundingClientRect`, …). Counting wraps those functions in the page (an
 * init script, before Wince loads) and asks each call's stack whether it came from Wince's files,
 * so the page runs far slower than untouched: the counts are the figures, not the time.
 * `pnpm --filter ./test exec tsx bench/peers/countCalls.ts [off|struggle]` (default `struggle`).
 */
const recording = process.argv[2] === 'off' ? 'off' : 'struggle'

/** Runs in the page before anything else: counts into `window.__counts`. */
const COUNT = `(() => {
  const counts = (window.__counts = {})
  const count = (k) => (counts[k] = (counts[k] || 0) + 1)
  // Wince's core is /s.js, its chunks /s/<name>.js on the collector's origin.
  const ours = () => /\\/s\\.js|\\/s\\/[\\w.]+\\.js/.test(new Error().stack || '')
  const wrap = (o, name, label) => {
    const f = o[name]
    o[name] = function () {
      if (ours()) count(label)
      return f.apply(this, arguments)
    }
  }
  wrap(performance, 'now', 'performance.now()')
  wrap(window, 'setTimeout', 'setTimeout()')
  wrap(window, 'fetch', 'fetch()')
  wrap(crypto, 'getRandomValues', 'crypto.getRandomValues()')
  for (const f of ['closest', 'matches', 'getAttribute', 'getBoundingClientRect', 'getRootNode']) wrap(Element.prototype, f, f + '()')
  wrap(Node.prototype, 'contains', 'contains()')
  wrap(Document.prototype, 'getElementsByTagName', 'getElementsByTagName()')
  wrap(MutationObserver.prototype, 'observe', 'MutationObserver observe()')
  const MO = window.MutationObserver
  window.MutationObserver = function (cb) {
    const mine = ours()
    return new MO(function () {
      if (mine) count('enters: MutationObserver callback')
      return cb.apply(this, arguments)
    })
  }
  // Listeners Wince adds are wrapped to count their calls (its stop could not remove them: no stop here).
  const add = EventTarget.prototype.addEventListener
  EventTarget.prototype.addEventListener = function (type, fn, o) {
    if (typeof fn == 'function' && ours()) {
      const inner = fn
      fn = function () {
        count('enters: ' + type + ' listener')
        return inner.apply(this, arguments)
      }
    }
    return add.call(this, type, fn, o)
  }
})()`

const collector = await startCollector()
const site = await serveFixtures(collector.url)
const browser = await launchChromium()
try {
  await fetch(`${collector.url}/api/settings/sites/demo`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
      allowHeadless: true,
      recording,
    }),
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(COUNT)
  const page = await context.newPage()
  await page.goto(`${site.url}/workload.html?snippet=1`, { waitUntil: 'load' })
  // Start-up (settings, idle chunks) is over before the inputs, as in the side-by-side run.
  await sleep(4000)
  await page.evaluate('for (const k in window.__counts) window.__counts[k] = 0')
  const inputs = await play(page)
  const counts = (await page.evaluate('window.__counts')) as Record<string, number>
  const other = inputs.clicks + inputs.wheels
  console.log(
    `Wince (recording ${recording}) on ${inputs.moves} moves, ${inputs.clicks} clicks, ${inputs.wheels} wheel ticks: calls, and per click or wheel tick`,
  )
  for (const [k, v] of Object.entries(counts).sort((a, b) => b[1] - a[1]))
    if (v) console.log(`${String(v).padStart(7)}  ${(v / other).toFixed(1).padStart(5)}  ${k}`)
} finally {
  await browser.close()
  await site.close()
  await collector.close()
}
