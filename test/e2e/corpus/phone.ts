import { doubleTap, pinch, snippetReady, swipe, taps, type Scenario } from './Scenario.ts'

const phone = (s: Omit<Scenario, 'phone'>): Scenario => ({ ...s, phone: true })

/** On a phone (touch screen, mobile viewport): rage and dead taps count as clicks do; scrolling, zooming and taps the page answers do not. */
export const phones: Scenario[] = [
  phone({
    name: 'phone: dead button tapped once',
    page: 'controls.html',
    expect: ['dead_click'],
    run: (p) => taps(p, '#apply', 1, 0),
  }),
  phone({
    name: 'phone: dead button tapped in a burst',
    page: 'controls.html',
    expect: ['rage_click', 'dead_click'],
    run: (p) => taps(p, '#apply', 5, 150),
  }),
  phone({
    name: 'phone: look-alike link tapped',
    page: 'controls.html',
    expect: ['dead_click'],
    run: (p) => taps(p, '#chip', 1, 0),
  }),
  phone({
    name: 'phone: intercepted submit tapped 4 times',
    page: 'controls.html',
    expect: ['rage_click', 'dead_click'],
    run: (p) => taps(p, '#pay', 4, 200),
  }),
  phone({
    name: 'phone: throwing button tapped',
    page: 'controls.html',
    expect: ['error_click'],
    run: (p) => taps(p, '#wishlist', 1, 0),
  }),
  phone({
    name: 'phone: value stepper tapped 6 times',
    page: 'controls.html',
    expect: [],
    run: (p) => taps(p, '#plus', 6, 180),
  }),
  phone({
    name: 'phone: like counter tapped 8 times',
    page: 'controls.html',
    expect: [],
    run: (p) => taps(p, '#like', 8, 150),
  }),
  phone({
    name: 'phone: "tick all" tapped 4 times',
    page: 'controls.html',
    expect: [],
    run: (p) => taps(p, '#all', 4, 200),
  }),
  phone({
    name: 'phone: menu opened and closed 4 times',
    page: 'controls.html',
    expect: [],
    run: (p) => taps(p, '#burger', 4, 250),
  }),
  phone({
    name: 'phone: accordion tapped 4 times',
    page: 'controls.html',
    expect: [],
    run: (p) => taps(p, '#faq summary', 4, 250),
  }),
  phone({
    name: 'phone: tabs switched',
    page: 'controls.html',
    expect: [],
    async run(p) {
      for (const t of ['#tab-b', '#tab-a', '#tab-b']) await taps(p, t, 1, 0)
    },
  }),
  phone({
    name: 'phone: validated submit tapped 3 times',
    page: 'controls.html',
    expect: [],
    run: (p) => taps(p, '#join', 3, 300),
  }),
  phone({
    name: 'phone: async save tapped twice',
    page: 'controls.html',
    expect: [],
    run: (p) => taps(p, '#save', 2, 250),
    settle: 1500,
  }),
  phone({
    name: 'phone: stepper (DOM) tapped 6 times',
    page: 'stepper.html',
    expect: [],
    run: (p) => taps(p, '#more', 6, 150),
  }),
  phone({
    name: 'phone: checkbox tapped 5 times',
    page: 'preferences.html',
    expect: [],
    run: (p) => taps(p, '#news', 5, 200),
  }),
  phone({
    name: 'phone: reading an article with touch scrolls',
    page: 'm-article.html',
    expect: [],
    async run(p) {
      for (const dy of [500, 400, 600, -250, 500, 450]) {
        await swipe(p, dy)
        await p.waitForTimeout(300)
      }
    },
    settle: 300,
  }),
  phone({
    name: 'phone: flicking back up to re-read, twice',
    page: 'm-article.html',
    expect: [],
    async run(p) {
      for (const dy of [900, -500, 900, -400, 700]) {
        await swipe(p, dy, 2500)
        await p.waitForTimeout(600)
      }
    },
    settle: 300,
  }),
  phone({
    name: 'phone: pinch-zooming a photo in and out',
    page: 'm-article.html',
    expect: [],
    async run(p) {
      await pinch(p, 160, 150, 2)
      await p.waitForTimeout(300)
      await pinch(p, 160, 150, 0.5)
    },
    settle: 300,
  }),
  phone({
    name: 'phone: double tap to zoom a desktop page, and back',
    page: 'm-zoom.html',
    expect: [],
    async run(p) {
      await doubleTap(p, '#hours')
      await p.waitForTimeout(500)
      await doubleTap(p, '#hours')
    },
  }),
  phone({
    name: 'phone: carousel "next" tapped fast (Glide)',
    page: 'carousel.html',
    expect: [],
    run: (p) => taps(p, '#next', 5, 200),
  }),
  phone({
    name: 'phone: quick back after a full page load',
    page: 'qb-list.html',
    expect: ['quick_back'],
    async run(p) {
      await Promise.all([p.waitForEvent('load'), taps(p, '#item', 1, 0)])
      await snippetReady(p)
      await p.waitForTimeout(800)
      await p.goBack()
      await snippetReady(p)
    },
    settle: 300,
  }),
  phone({
    name: 'phone: dead button tapped on a busy page (clock, carousel, chat)',
    page: 'busy.html?all',
    kind: 'busy',
    expect: ['dead_click'],
    dwell: 3500,
    run: (p) => taps(p, '#notify', 1, 0),
  }),
  phone({
    name: 'phone: stepper tapped 5 times on a busy page',
    page: 'busy.html?all',
    kind: 'busy',
    expect: [],
    dwell: 3500,
    run: (p) => taps(p, '#plus', 5, 200),
  }),
]
