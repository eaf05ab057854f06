import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Alert, SignalRow } from '@wince/collector'
import { describeReason } from '@wince/collector/describe'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { startCollector, type TestCollector } from '../lib/startCollector.ts'
import { startCorpusSite } from '../lib/startCorpusSite.ts'
import type { TestSite } from '../lib/startSite.ts'
import { snippetReady } from './corpus/Scenario.ts'

/** How a visitor presses: a mouse click on a desktop, a tap on a phone. */
type Press = (page: Page, selector: string) => Promise<void>

/** One labelled form case: what the visitor does, and the form-struggle reasons (`why`) it must raise, exactly. */
interface FormScenario {
  name: string
  expect: string[]
  run(page: Page, press: Press): Promise<void>
}

/** Values typed in the scenarios: none may appear in any request the page sends. */
const TYPED = [
  '4242424242424242',
  '4000056655665556',
  '5555555555554444',
  'KJ7-SECRET',
  'WELCOME-SECRET',
  'Ada Lovelace',
  'ann@example',
  '02079460000',
  'private note to the shop',
  'SW1A2AA',
  'Camden Lane',
]

/** Selects the field's text and deletes it: the visitor empties it (a trusted input event). */
async function clear(page: Page, selector: string) {
  await page.click(selector, { clickCount: 3 })
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Backspace')
}

const scenarios: FormScenario[] = [
  {
    name: 'a card field that rejects a valid number three times',
    expect: ['abandon', 'invalid', 'submit_blocked'],
    async run(page, press) {
      for (const card of ['4242424242424242', '4000056655665556', '5555555555554444']) {
        await page.fill('#card', '')
        await page.locator('#card').pressSequentially(card, { delay: 5 })
        await press(page, '#pay-submit')
        await page.waitForTimeout(2300)
      }
    },
  },
  {
    name: 'a voucher field that refuses three codes, then takes one',
    expect: ['invalid'],
    async run(page, press) {
      for (const code of ['KJ7-SECRET', 'WELCOME-SECRET', 'KJ8-SECRET', 'KJ9-SECRET', 'WELCOME-SECRET']) {
        await page.fill('#voucher', code)
        await page.keyboard.press('Tab')
        await page.waitForTimeout(500)
      }
      await press(page, '#voucher-submit')
      await page.waitForTimeout(2300)
    },
  },
  {
    name: 'a sign-up form refused twice by the browser, then sent',
    expect: ['submit_blocked'],
    async run(page, press) {
      await press(page, '#signup-submit')
      await page.waitForTimeout(2300)
      await press(page, '#signup-submit')
      await page.waitForTimeout(2300)
      await page.fill('#su-name', 'Ada Lovelace')
      await page.fill('#su-email', 'ada@example.org')
      await press(page, '#signup-submit')
      await page.waitForTimeout(2300)
    },
  },
  {
    name: 'a phone field cleared and retyped three times, then sent',
    expect: ['reentry'],
    async run(page, press) {
      await page.locator('#phone').pressSequentially('02079460000', { delay: 5 })
      for (let i = 0; i < 3; i++) {
        await clear(page, '#phone')
        await page.locator('#phone').pressSequentially('02079460000', { delay: 5 })
      }
      await press(page, '#contact-submit')
      await page.waitForTimeout(2300)
    },
  },
  {
    name: 'a message typed and the page left without sending',
    expect: ['abandon'],
    async run(page) {
      await page.locator('#message').pressSequentially('private note to the shop', { delay: 5 })
    },
  },
  {
    name: 'trap: one typo in an e-mail, corrected',
    expect: [],
    async run(page, press) {
      await page.fill('#ad-email', 'ann@example')
      await page.keyboard.press('Tab')
      await page.waitForTimeout(500)
      await page.fill('#ad-email', 'ann@example.com')
      await page.locator('#postcode').pressSequentially('SW1A2AA', { delay: 5 })
      await press(page, '#address-submit')
      await page.waitForTimeout(2300)
    },
  },
  {
    name: 'trap: a postcode validated as you type that turns valid',
    expect: [],
    async run(page, press) {
      await page.locator('#postcode').pressSequentially('SW1A2AA', { delay: 120 })
      await page.keyboard.press('Tab')
      await page.waitForTimeout(500)
      await press(page, '#address-submit')
      await page.waitForTimeout(2300)
    },
  },
  {
    name: 'trap: autofill fills a form the visitor then leaves',
    expect: [],
    async run(page) {
      // What password managers and autofill do: set the values, then tell the page (untrusted, not typed).
      await page.evaluate(() => {
        for (const [id, v] of [
          ['su-name', 'Ada Lovelace'],
          ['su-email', 'ann@example'],
          ['card', '4242424242424242'],
        ]) {
          const el = document.getElementById(id!) as HTMLInputElement
          el.value = v!
          el.dispatchEvent(new Event('input', { bubbles: true }))
          el.dispatchEvent(new Event('change', { bubbles: true }))
        }
      })
      await page.waitForTimeout(500)
    },
  },
  {
    name: 'trap: a multi-step form moving on (one missed field pointed out)',
    expect: [],
    async run(page, press) {
      await page.fill('#st-name', 'Ada Lovelace')
      await press(page, '#continue')
      await page.waitForTimeout(2300)
      await page.fill('#st-city', 'London')
      await press(page, '#continue')
      await page.waitForTimeout(2300)
      await page.fill('#st-street', 'Camden Lane')
      await press(page, '#place')
      await page.waitForTimeout(2300)
    },
  },
  {
    name: 'trap: a search box retyped while browsing',
    expect: [],
    async run(page) {
      for (const q of ['shoes', 'red shoes', 'boots', 'red boots']) {
        await clear(page, '#q')
        await page.locator('#q').pressSequentially(q, { delay: 5 })
        await page.keyboard.press('Enter')
        await page.waitForTimeout(300)
      }
    },
  },
]

const DEVICES = {
  desktop: { viewport: { width: 1200, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
} as const

// Form struggle end to end in Chromium, desktop and phone: each reason fires on its case,
// the traps stay silent, and nothing the visitor typed leaves the page in any request.
// The scenarios run side by side (each its own browser context and session; vitest's
// maxConcurrency, 5 by default, caps how many at once): most of their time is waiting.
describe.concurrent('form struggle', () => {
  let collector: TestCollector
  let site: TestSite
  let browser: Browser
  const results: string[] = []

  beforeAll(async () => {
    collector = await startCollector()
    site = await startCorpusSite(collector.url)
    browser = await launchChromium()
  })

  afterAll(async () => {
    console.log(`\nform struggle scenarios:\n${results.join('\n')}`)
    await browser?.close()
    await site?.close()
    await collector?.close()
  })

  const signalsOf = (session: string) =>
    collector.api<{ signals: SignalRow[] }>(`/api/signals?site=demo&session=${encodeURIComponent(session)}`)

  for (const [device, options] of Object.entries(DEVICES)) {
    const press: Press = device === 'phone' ? (p, s) => p.tap(s) : (p, s) => p.click(s)
    // WINCE_FORMS_ONLY=<regexp>: only the scenarios whose names match.
    for (const s of scenarios.filter(
      (x) => !process.env.WINCE_FORMS_ONLY || new RegExp(process.env.WINCE_FORMS_ONLY).test(x.name),
    )) {
      it(`${device}: ${s.name} → ${s.expect.join(', ') || 'nothing'}`, async ({ expect }) => {
        const context: BrowserContext = await browser.newContext(options)
        const bodies: string[] = []
        const pageErrors: string[] = []
        let raised = 0
        try {
          await context.exposeBinding('__formSignal', () => void raised++)
          await context.addInitScript(() => {
            const w = window as any
            w.wince =
              w.wince ||
              function (...a: unknown[]) {
                ;(w.wince.q = w.wince.q || []).push(a)
              }
            w.wince('on', 'signal', () => w.__formSignal())
          })
          const page = await context.newPage()
          // Every request the page sends, beacons on unload included.
          page.on('request', (r) => bodies.push(`${r.url()} ${r.postData() ?? ''}`))
          page.on('pageerror', (e) => pageErrors.push(e.message))
          const t0 = Date.now()
          const beacons: string[] = []
          context.on('requestfinished', async (r) => {
            if (r.url().includes('/v1/')) beacons.push(`${Date.now() - t0} ms ${(await r.response())?.status()}`)
          })
          context.on('requestfailed', (r) => {
            if (r.url().includes('/v1/')) beacons.push(`${Date.now() - t0} ms failed ${r.failure()?.errorText}`)
          })
          await page.goto(`${site.url}/forms.html`)
          await snippetReady(page)
          const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
          await s.run(page, press)
          await page.waitForTimeout(600)
          await page.goto('about:blank')
          // The page's own count misses what it raised while unloading (abandon): wait for the
          // expected signals, then a little longer for any unexpected one.
          try {
            await poll(
              () => signalsOf(session),
              (r) => r.signals.length >= Math.max(raised, s.expect.length),
              15_000,
              200,
            )
          } catch (e) {
            const stats = await collector.api('/api/stats')
            const all = await collector.api<{ signals: SignalRow[] }>('/api/signals?site=demo')
            throw new Error(
              `${(e as Error).message}; raised ${raised}; left at ${Date.now() - t0} ms; beacons: ${beacons.join(', ')}; stats ${JSON.stringify(stats)}; signals of the site: ${JSON.stringify(all.signals.map((r) => [r.session, r.type, r.why]))}`,
            )
          }
          await new Promise((r) => setTimeout(r, 1500))
          const { signals } = await signalsOf(session)
          const forms = signals.filter((r) => r.type === 'form_struggle')
          const got = forms.map((r) => r.why).sort()
          results.push(
            `| ${device} | ${s.name} | ${s.expect.join(', ') || '—'} | ${got.join(', ') || '—'} | ${JSON.stringify(got) === JSON.stringify(s.expect) ? 'exact' : 'WRONG'} |`,
          )
          expect(pageErrors).toEqual([])
          expect(got, JSON.stringify(forms.map((r) => [r.why, r.selector, r.label, r.n]))).toEqual(s.expect)
          // No other signal type on these calm pages.
          expect(signals.filter((r) => r.type !== 'form_struggle').map((r) => r.type)).toEqual([])
          for (const body of bodies)
            for (const typed of TYPED) expect(body, `typed value in ${body.slice(0, 120)}`).not.toContain(typed)
          // Labels name fields by kind; ms holds whole seconds only.
          for (const r of forms) expect(r.ms % 1000).toBe(0)
          if (s.expect.includes('invalid') && s.name.includes('card')) {
            expect(forms.find((r) => r.why === 'invalid')!.label).toBe('invalid-input[cc-number]')
            const { alerts } = await poll(
              () => collector.api<{ alerts: Alert[] }>('/api/alerts?site=demo'),
              (r) => r.alerts.some((a) => a.session === session),
            )
            const words = alerts.find((a) => a.session === session)!.reasons.map(describeReason)
            expect(words).toContain('the card field rejected the entry 3 times')
            expect(words).toContain('the pay form refused to submit 2 times')
          }
        } finally {
          await context.close()
        }
      }, 60_000)
    }
  }
})
