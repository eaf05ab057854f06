import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../lib/browser.ts'
import { poll } from '../lib/poll.ts'
import { E2E_TOKEN, startCollector, type TestCollector } from '../lib/startCollector.ts'
import { startLiveSite } from '../lib/startLiveSite.ts'
import type { TestSite } from '../lib/startSite.ts'

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url))

// A replay worth opening, end to end, with the defaults: no recorder on the page until the
// visitor struggles, only the rolling trail. The page's snapshot is stored on its first
// view; the visitor moves the mouse and rage-clicks a dead Pay button; the trail goes with
// the alert and the recorder loads from then on. The agent opens the replay from the alert
// in the real dashboard and sees the cursor move, the clicks marked at the button in the
// rage colour, and the signals on the timeline to jump to.
describe('replay in the dashboard', () => {
  let collector: TestCollector
  let site: TestSite
  let browser: Browser

  beforeAll(async () => {
    collector = await startCollector()
    site = await startLiveSite(collector.url)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await collector?.close()
  })

  it('shows the cursor, click marks at the button and the signals on the timeline', async () => {
    const agent = await (await browser.newContext({ viewport: { width: 1400, height: 1100 } })).newPage()
    const agentErrors: string[] = []
    agent.on('pageerror', (e) => agentErrors.push(e.message))
    await agent.goto(`${collector.url}/?token=${E2E_TOKEN}`)
    await agent.getByTestId('stream-status').filter({ hasText: 'live' }).waitFor()

    const visitor = await (await browser.newContext({ viewport: { width: 1000, height: 700 } })).newPage()
    await visitor.goto(`${site.url}/pay.html`)
    // The page's first view: its snapshot is taken once the page is idle and stored.
    await poll(
      () =>
        collector
          .api<{ snap: unknown }>(`/api/snapshot?site=demo&url=${encodeURIComponent(`${site.url}/pay.html`)}&vc=tablet`)
          .catch(() => ({ snap: null })),
      (r) => !!r.snap,
      20_000,
      250,
    )
    const recorderLoaded = () =>
      visitor.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/s\/rec\./.test(r.name)))
    expect(await recorderLoaded()).toBe(false)
    const session = await visitor.evaluate(() => JSON.parse(sessionStorage.getItem('wince.sid')!) as string)
    // A path across the page, then five presses on a Pay button that does nothing.
    await visitor.mouse.move(40, 40)
    await visitor.mouse.move(600, 120, { steps: 12 })
    await visitor.mouse.move(300, 400, { steps: 12 })
    const pay = (await visitor.locator('#pay').boundingBox())!
    for (let i = 0; i < 5; i++) await visitor.mouse.click(pay.x + pay.width / 2, pay.y + pay.height / 2, { delay: 20 })
    // The struggle loads the recorder, to follow the session from now on.
    await visitor.waitForFunction(
      () => performance.getEntriesByType('resource').some((r) => /\/s\/rec\./.test(r.name)),
      null,
      { timeout: 20_000 },
    )

    // The runs with the five clicks are stored before the replay is opened (the player shows what is there when opened).
    await poll(
      () =>
        collector.api<{ runs: Array<{ events: Array<{ type: number; data?: { source?: number; type?: number } }> }> }>(
          `/api/sessions/${session}/replay?site=demo`,
        ),
      (r) =>
        r.runs.flatMap((x) => x.events).filter((e) => e.type === 3 && e.data?.source === 2 && e.data?.type === 2)
          .length >= 5,
      30_000,
      250,
    )
    await poll(
      () => collector.api<{ signals: Array<{ type: string }> }>(`/api/signals?site=demo&session=${session}`),
      (r) => r.signals.some((s) => s.type === 'rage_click') && r.signals.some((s) => s.type === 'dead_click'),
      20_000,
      250,
    )

    const card = agent.locator(`[data-testid="alert"][data-session="${session}"]`)
    await card.waitFor({ timeout: 15_000 })
    await card.getByTestId('replay-open').click()
    const player = agent.getByTestId('replay-player')
    await agent.locator('[data-testid="replay-player"] iframe').waitFor({ timeout: 20_000 })
    // The minute before the alert is the trail over the stored snapshot, and the player says what that cannot show.
    await agent.getByTestId('replay-trail-note').waitFor({ timeout: 10_000 })

    // Played from the start, it plays through: the cursor leaves the top left for the button.
    await agent.locator('[data-testid="replay-player"][data-state="ended"]').waitFor({ timeout: 30_000 })
    const ended = await agent
      .locator('.replayer-mouse')
      .evaluate((m) => [parseFloat((m as HTMLElement).style.left), parseFloat((m as HTMLElement).style.top)])
    console.log(`cursor at the end of the recording: ${ended.map(Math.round).join(',')} (iframe px)`)
    expect(ended[0]).toBeGreaterThan(50)
    expect(ended[1]).toBeGreaterThan(50)

    // The timeline: the duration, and the rage and dead clicks as markers.
    const timeline = agent.getByTestId('replay-timeline')
    await agent.locator('[data-testid="replay-marker"][data-type="rage_click"]').waitFor({ timeout: 10_000 })
    const types = await agent
      .locator('[data-testid="replay-marker"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))
    expect(types).toContain('rage_click')
    expect(types).toContain('dead_click')
    expect(Number(await timeline.getAttribute('data-total'))).toBeGreaterThan(1000)
    expect(await agent.getByTestId('replay-time').innerText()).toMatch(/^\d+:\d\d \/ \d+:\d\d$/)

    // Jump to the rage click: the clicks are marked at the button, the signal in its colour.
    await agent.getByTestId('replay-speed').selectOption('1')
    await agent.locator('[data-testid="replay-marker"][data-type="rage_click"]').first().click()
    const rageMarks = agent.locator('[data-testid="replay-mark"][data-type="rage_click"]')
    await rageMarks.first().waitFor({ timeout: 10_000 })
    await expect.poll(() => rageMarks.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3)
    // Pause here, for the checks and the picture (only if playing: a jump may leave it paused).
    const toggle = agent.getByTestId('replay-toggle')
    if ((await toggle.innerText()) === 'Pause') await toggle.click()
    const frame = (await agent.locator('[data-testid="replay-player"] iframe').elementHandle())!
    const inFrame = (await frame.contentFrame())!
    const button = (await inFrame.locator('#pay').boundingBox())!
    const clickMarks = () =>
      agent.locator('[data-testid="replay-mark"][data-signal="no"]').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect()
          return {
            type: e.getAttribute('data-type'),
            x: r.x + r.width / 2,
            y: r.y + r.height / 2,
            color: getComputedStyle(e).borderTopColor,
          }
        }),
      )
    const onButton = (list: Awaited<ReturnType<typeof clickMarks>>) =>
      list.filter(
        (m) => m.x >= button.x && m.x <= button.x + button.width && m.y >= button.y && m.y <= button.y + button.height,
      )
    // The marks render a frame after the pause settles: read them until they are there (or time out).
    await expect.poll(async () => onButton(await clickMarks()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3)
    const marks = await clickMarks()
    const atButton = onButton(marks)
    console.log(
      `click marks: ${marks.length}, at the Pay button: ${atButton.length}, types ${[...new Set(marks.map((m) => m.type))].join(',')}`,
    )
    expect(atButton.length).toBeGreaterThanOrEqual(3)
    expect(atButton.every((m) => m.type === 'rage_click' && m.color === 'rgb(209, 73, 91)')).toBe(true)
    expect(await agent.locator('[data-testid="replay-mark"][data-signal="yes"][data-type="rage_click"]').count()).toBe(
      1,
    )

    // The cursor moved: it is at the button, not at the top left.
    const cursor = await agent.locator('.replayer-mouse').evaluate((m) => {
      const r = m.getBoundingClientRect()
      return { x: r.x, y: r.y, visible: getComputedStyle(m).display !== 'none' && r.width > 0 }
    })
    console.log(
      `cursor at ${Math.round(cursor.x)},${Math.round(cursor.y)}; Pay button at ${Math.round(button.x)},${Math.round(button.y)} ${Math.round(button.width)}×${Math.round(button.height)}`,
    )
    expect(cursor.visible).toBe(true)
    expect(cursor.x).toBeGreaterThan(button.x - 5)
    expect(cursor.x).toBeLessThan(button.x + button.width + 5)
    expect(cursor.y).toBeGreaterThan(button.y - 5)
    expect(cursor.y).toBeLessThan(button.y + button.height + 5)

    mkdirSync(ARTIFACTS, { recursive: true })
    await agent.locator('section.replay').screenshot({ path: `${ARTIFACTS}replay.png` })
    expect(await player.getAttribute('data-sandbox')).toBe('allow-same-origin')
    expect(agentErrors).toEqual([])
  })
})
