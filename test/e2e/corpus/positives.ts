import { centre, clicks, follow, snippetReady, wheel, zigzag, type Scenario } from './Scenario.ts'

/** Scenarios a person watching the replay would call frustration: each must raise exactly its signals. */
export const positives: Scenario[] = [
  {
    name: 'dead button clicked in a burst',
    page: 'dead-button.html',
    expect: ['rage_click', 'dead_click'],
    run: (p) => clicks(p, '#apply', 5, 100),
  },
  {
    name: 'look-alike link (styled span)',
    page: 'lookalike-link.html',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#delivery', 1, 0),
  },
  {
    name: 'placeholder link href="#"',
    page: 'placeholder-link.html',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#guide', 1, 0),
  },
  {
    name: 'dead button while a tag manager injects a script',
    page: 'tagged-button.html',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#notify', 1, 0),
  },
  {
    name: 'photo that does not zoom, clicked in a burst',
    page: 'zoom-image.html',
    expect: ['rage_click'],
    run: (p) => clicks(p, '#photo', 4, 120),
  },
  {
    name: 'handler throws TypeError',
    page: 'error-click.html',
    expect: ['error_click'],
    run: (p) => clicks(p, '#add', 1, 0),
  },
  {
    name: 'handler rejects (unhandled rejection)',
    page: 'rejection-click.html',
    expect: ['error_click'],
    run: (p) => clicks(p, '#stock', 1, 0),
  },
  {
    name: "error thrown from the click's timer",
    page: 'timer-error.html',
    expect: ['error_click'],
    run: (p) => clicks(p, '#lookup', 1, 0),
  },
  {
    name: 'throwing pay button clicked in a burst',
    page: 'error-rage.html',
    expect: ['error_click', 'rage_click'],
    run: (p) => clicks(p, '#pay', 4, 150),
  },
  {
    name: 'mouse shaken over a form that will not submit',
    page: 'thrash-form.html',
    expect: ['mouse_thrash'],
    async run(p) {
      const { x, y } = await centre(p, '#submit')
      await p.mouse.click(x, y) // disabled: the browser sends no click at all
      await zigzag(p, x + 100, y - 40, 120, 10, 40)
    },
    settle: 200,
  },
  {
    name: 'scrolling up and down, hunting',
    page: 'long-page.html',
    expect: ['excessive_scroll'],
    async run(p) {
      await p.mouse.move(300, 300)
      for (const dy of [1800, -1400, 1400, -1400, 1400]) await wheel(p, dy, 250)
    },
    settle: 200,
  },
  {
    name: 'quick back after a full page load',
    page: 'qb-list.html',
    expect: ['quick_back'],
    async run(p) {
      await follow(p, '#item')
      await p.waitForTimeout(800)
      await p.goBack()
      await snippetReady(p)
    },
    settle: 300,
  },
  {
    name: 'quick back after an SPA route',
    page: 'spa/',
    expect: ['quick_back'],
    async run(p) {
      await p.click('#to-item')
      await p.waitForTimeout(1000)
      await p.goBack()
    },
    settle: 300,
  },
]
