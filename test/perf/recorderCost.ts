// The replay recorder's cost on the wire: bytes per minute it uploads (gzip, as
// sent) for a minute of steady activity on the demo shop, in mode `always`.
// Usage: tsx perf/recorderCost.ts [seconds]   Prints one JSON line last.
import { launchChromium } from '../lib/browser.ts'
import { E2E_TOKEN, startCollector } from '../lib/startCollector.ts'

const SECONDS = Number(process.argv[2] ?? 60)

const collector = await startCollector()
const browser = await launchChromium()
try {
  const put = await fetch(`${collector.url}/api/settings/sites/demo`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      origins: ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'],
      allowHeadless: true,
      recording: 'always',
      recordingSample: 1,
    }),
  })
  if (!put.ok) throw new Error(`site settings: ${put.status}`)
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  let bytes = 0
  let runs = 0
  page.on('request', (r) => {
    if (r.url().endsWith('/v1/replay')) {
      bytes += r.postDataBuffer()?.length ?? 0
      runs++
    }
  })
  await page.goto(`${collector.url}/demo/`)
  const start = Date.now()
  // Steady activity: glide the mouse, scroll, use the stepper and the working buttons.
  for (let i = 0; Date.now() - start < SECONDS * 1000; i++) {
    await page.mouse.move(200 + ((i * 97) % 900), 150 + ((i * 53) % 500), { steps: 5 })
    if (i % 10 === 0) await page.mouse.wheel(0, i % 20 === 0 ? 400 : -400)
    if (i % 15 === 0) await page.click(i % 30 === 0 ? '#qty-plus' : '#add-to-basket')
    await page.waitForTimeout(100)
  }
  const elapsed = (Date.now() - start) / 1000
  // Let the last run go out.
  await page.waitForTimeout(11_000)
  const perMinute = Math.round((bytes / elapsed) * 60)
  console.log(
    `recorder: ${runs} runs, ${bytes} bytes uploaded over ${Math.round(elapsed)} s of activity: ~${Math.round((perMinute / 1024) * 10) / 10} KB per minute (gzip, as sent)`,
  )
  console.log(JSON.stringify({ seconds: Math.round(elapsed), runs, bytes, bytesPerMinute: perMinute }))
} finally {
  await browser.close()
  await collector.close()
}
