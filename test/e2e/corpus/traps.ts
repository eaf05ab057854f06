import { centre, clicks, follow, snippetReady, wheel, zigzag, type Scenario } from './Scenario.ts'

/**
 * The known false positives of frustration detection (DESIGN.md, "Signals: what counts
 * as frustration") and a few more: a person watching would see no struggle, so each
 * must raise nothing.
 */
export const traps: Scenario[] = [
  {
    name: 'quantity stepper clicked 6 times',
    page: 'stepper.html',
    expect: [],
    run: (p) => clicks(p, '#more', 6, 150),
  },
  {
    name: 'stepper inside a web component (shadow DOM) clicked 6 times',
    page: 'web-component.html',
    expect: [],
    run: (p) => clicks(p, '#qty >> #more', 6, 150),
  },
  {
    name: 'carousel "next" pressed fast (Glide)',
    page: 'carousel.html',
    expect: [],
    run: (p) => clicks(p, '#next', 6, 120),
  },
  {
    name: 'date picker paged through months (flatpickr)',
    page: 'datepicker.html',
    expect: [],
    async run(p) {
      await p.click('#date')
      // Let the calendar's opening animation end, so the arrow stays where it is clicked.
      await p.locator('.flatpickr-calendar.open').waitFor()
      await p.waitForTimeout(400)
      await clicks(p, '.flatpickr-calendar.open .flatpickr-next-month', 6, 150)
    },
  },
  {
    name: 'triple-click to select a paragraph',
    page: 'article.html',
    expect: [],
    run: (p) => p.click('#tip', { clickCount: 3 }),
  },
  { name: 'double-click to select a word', page: 'article.html', expect: [], run: (p) => p.dblclick('#tip') },
  {
    name: 'link that opens a new tab',
    page: 'article.html',
    expect: [],
    async run(p, ctx) {
      const [tab] = await Promise.all([ctx.waitForEvent('page'), p.click('#new-tab')])
      await tab.close()
    },
  },
  {
    name: 'download links (download attribute, attachment)',
    page: 'article.html',
    expect: [],
    async run(p) {
      await Promise.all([p.waitForEvent('download'), p.click('#download')])
      await Promise.all([p.waitForEvent('download'), p.click('#attachment')])
    },
  },
  {
    name: 'export button downloading from script',
    page: 'export.html',
    expect: [],
    run: async (p) => void (await Promise.all([p.waitForEvent('download'), p.click('#export')])),
  },
  {
    name: 'upload button opening a hidden file input',
    page: 'export.html',
    expect: [],
    run: async (p) => void (await Promise.all([p.waitForEvent('filechooser'), p.click('#upload')])),
  },
  {
    name: 'button answering after a 1.5 s fetch',
    page: 'slow-button.html',
    expect: [],
    async run(p) {
      await p.click('#fetch')
      await p.locator('#result', { hasText: 'In stock' }).waitFor()
    },
    settle: 200,
  },
  {
    name: 'button answering after a 1.5 s XHR',
    page: 'slow-button.html',
    expect: [],
    async run(p) {
      await p.click('#xhr')
      await p.locator('#result', { hasText: 'Reserved' }).waitFor()
    },
    settle: 200,
  },
  {
    name: 'drawing a zigzag signature on a canvas',
    page: 'canvas.html',
    expect: [],
    async run(p) {
      const { x, y } = await centre(p, '#pad')
      await p.mouse.move(x - 150, y)
      await p.mouse.down()
      await zigzag(p, x, y, 150, 12, 40)
      await p.mouse.up()
    },
  },
  {
    name: 'dragging a slider back and forth (noUiSlider)',
    page: 'slider.html',
    expect: [],
    async run(p) {
      const { x, y } = await centre(p, '.noUi-handle')
      await p.mouse.move(x, y)
      await p.mouse.down()
      await zigzag(p, x, y, 120, 12, 40)
      await p.mouse.up()
    },
  },
  { name: 'checkbox toggled 6 times', page: 'preferences.html', expect: [], run: (p) => clicks(p, '#news', 6, 150) },
  {
    name: 'radio buttons switched back and forth',
    page: 'preferences.html',
    expect: [],
    async run(p) {
      for (const id of ['#express', '#standard', '#express', '#standard']) await clicks(p, id, 1, 0)
    },
  },
  {
    name: 'clicking around in a text field 4 times',
    page: 'preferences.html',
    expect: [],
    run: (p) => clicks(p, '#name', 4, 150),
  },
  {
    name: 'accordion opened and closed 5 times',
    page: 'preferences.html',
    expect: [],
    run: (p) => clicks(p, '#faq summary', 5, 150),
  },
  {
    name: 'submit with a required field empty',
    page: 'preferences.html',
    expect: [],
    run: (p) => clicks(p, '#join', 3, 300),
  },
  { name: 'double-click to edit a name', page: 'edit-list.html', expect: [], run: (p) => p.dblclick('#name') },
  {
    name: 'steady reading scroll',
    page: 'long-page.html',
    expect: [],
    async run(p) {
      await p.mouse.move(300, 300)
      for (const dy of [200, 200, 200, -150, 200, 200, 200, 200]) await wheel(p, dy, 300)
    },
    settle: 200,
  },
  {
    name: 'slow back (stayed 6 s)',
    page: 'qb-list.html',
    expect: [],
    async run(p, _context, rest) {
      await follow(p, '#item')
      // At least 6 s: past the 5 s of a quick back; other scenarios act meanwhile.
      await rest(6000)
      await p.goBack()
      await snippetReady(p)
    },
    settle: 300,
  },
  {
    name: 'browsing onward quickly',
    page: 'qb-list.html',
    expect: [],
    async run(p) {
      await follow(p, '#item')
      await p.waitForTimeout(800)
      await follow(p, '#next')
    },
    settle: 300,
  },
  {
    name: 'reloading a page quickly',
    page: 'qb-list.html',
    expect: [],
    async run(p) {
      await p.waitForTimeout(800)
      await p.reload()
      await snippetReady(p)
    },
    settle: 300,
  },
  {
    name: 'data-wince-ignore on a dead button',
    page: 'ignored.html',
    expect: [],
    run: (p) => clicks(p, '#wrap', 5, 100),
  },
  {
    name: 'ctrl-, meta- and shift-clicks on a router link',
    page: 'actions.html',
    expect: [],
    async run(p) {
      await clicks(p, '#card', 2, 150, ['Control'])
      await clicks(p, '#card', 2, 150, ['Meta'])
      await clicks(p, '#card', 1, 150, ['Shift'])
    },
  },
  { name: 'confirm dialog before removing', page: 'actions.html', expect: [], run: (p) => clicks(p, '#remove', 1, 0) },
  {
    name: 'button opening a window',
    page: 'actions.html',
    expect: [],
    async run(p, ctx) {
      const [tab] = await Promise.all([ctx.waitForEvent('page'), p.click('#print-label')])
      await tab.close()
    },
  },
  {
    name: 'button navigating to a page that takes 1.5 s',
    page: 'actions.html',
    expect: [],
    async run(p) {
      await Promise.all([p.waitForURL(/\/slow/), p.click('#checkout')])
    },
    settle: 200,
  },
  {
    name: 'pointing across the page and correcting',
    page: 'article.html',
    expect: [],
    async run(p) {
      await p.mouse.move(100, 100)
      await p.mouse.move(700, 500, { steps: 20 })
      await p.mouse.move(620, 440, { steps: 5 })
      await p.mouse.move(660, 470, { steps: 5 })
    },
    settle: 200,
  },
  {
    name: 'working button that logs text with console.error',
    page: 'console-log.html',
    expect: [],
    run: (p) => clicks(p, '#coupon', 1, 0),
  },
  {
    name: 'button that only logs text with console.error: dead, not an error',
    page: 'console-log.html',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#gift', 1, 0),
  },
  {
    name: 'working button, an Error logged 300 ms later (a failed report)',
    page: 'console-log.html',
    expect: [],
    run: (p) => clicks(p, '#send', 1, 0),
  },
  {
    name: 'handler error caught and only logged with console.error',
    page: 'console-log.html',
    expect: ['error_click'],
    run: (p) => clicks(p, '#caught', 1, 0),
  },
]
