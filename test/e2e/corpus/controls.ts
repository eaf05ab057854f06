import { clicks, type Scenario } from './Scenario.ts'

/**
 * The field's traps and their broken twins, with a mouse: answers a DOM observer cannot
 * see (a value, a checked state, a canvas), submits a script intercepts, focus.
 */
export const controls: Scenario[] = [
  {
    name: 'value stepper (+ sets input.value) clicked 6 times',
    page: 'controls.html',
    expect: [],
    run: (p) => clicks(p, '#plus', 6, 150),
  },
  {
    name: 'value stepper (−) clicked 3 times, back to 1',
    page: 'controls.html',
    expect: [],
    async run(p) {
      await clicks(p, '#plus', 3, 150)
      await clicks(p, '#minus', 3, 150)
    },
  },
  {
    name: 'button setting a select back (selectedIndex) clicked 4 times',
    page: 'controls.html',
    expect: [],
    run: (p) => clicks(p, '#reset-size', 4, 200),
  },
  {
    name: '"tick all" setting checkboxes from script clicked 5 times',
    page: 'controls.html',
    expect: [],
    run: (p) => clicks(p, '#all', 5, 150),
  },
  { name: 'like counter clicked 10 times', page: 'controls.html', expect: [], run: (p) => clicks(p, '#like', 10, 120) },
  {
    name: 'tabs switched back and forth',
    page: 'controls.html',
    expect: [],
    async run(p) {
      for (const t of ['#tab-b', '#tab-a', '#tab-b', '#tab-a']) await clicks(p, t, 1, 0)
    },
  },
  {
    name: 'menu button opened and closed 4 times',
    page: 'controls.html',
    expect: [],
    run: (p) => clicks(p, '#burger', 4, 200),
  },
  {
    name: 'validated submit showing an error, clicked 3 times',
    page: 'controls.html',
    expect: [],
    run: (p) => clicks(p, '#join', 3, 300),
  },
  {
    name: 'async save answering after 400 ms, clicked 3 times',
    page: 'controls.html',
    expect: [],
    run: (p) => clicks(p, '#save', 3, 200),
    settle: 1500,
  },
  {
    name: 'intercepted submit (handler only prevents it) clicked 4 times',
    page: 'controls.html',
    expect: ['rage_click', 'dead_click'],
    run: (p) => clicks(p, '#pay', 4, 150),
  },
  {
    name: 'intercepted submit clicked once',
    page: 'controls.html',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#pay', 1, 0),
  },
  {
    name: 'dead button pressed after typing in a field (the field blurs)',
    page: 'controls.html',
    expect: ['dead_click'],
    async run(p) {
      await p.click('#coupon')
      await p.keyboard.type('SPRING', { delay: 30 })
      await clicks(p, '#apply', 1, 0)
    },
  },
  {
    name: 'focusable look-alike button (takes focus, does nothing)',
    page: 'controls.html',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#chip', 1, 0),
  },
  {
    name: 'wish list button throws',
    page: 'controls.html',
    expect: ['error_click'],
    run: (p) => clicks(p, '#wishlist', 1, 0),
  },
  {
    name: 'chart paged with a canvas redraw, 5 times',
    page: 'canvas-chart.html',
    expect: [],
    run: (p) => clicks(p, '#next-week', 5, 150),
  },
  {
    name: 'dead export button beside an animated canvas',
    page: 'canvas-chart.html',
    expect: ['dead_click'],
    dwell: 1500,
    run: (p) => clicks(p, '#export', 1, 0),
  },
]
