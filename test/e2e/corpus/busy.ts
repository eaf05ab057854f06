import { clicks, type Scenario } from './Scenario.ts'

/** Long enough to see the page's habits: a clock (1 s), a carousel (1.4 s), a chat (1.1 s), an ad (1.3 s) each change twice. */
const READ_MS = 3500

const busy = (s: Omit<Scenario, 'kind' | 'dwell'>): Scenario => ({ ...s, kind: 'busy', dwell: READ_MS })

/** Pages with background activity: it answers no click, and the page's real answers still count. */
export const busyPages: Scenario[] = [
  busy({
    name: 'busy (clock): dead button',
    page: 'busy.html?ticker',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#notify', 1, 0),
  }),
  busy({
    name: 'busy (clock): dead button in a burst',
    page: 'busy.html?ticker',
    expect: ['rage_click', 'dead_click'],
    run: (p) => clicks(p, '#notify', 5, 120),
  }),
  busy({
    name: 'busy (autoplay carousel): dead button',
    page: 'busy.html?carousel',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#notify', 1, 0),
  }),
  busy({
    name: 'busy (autoplay carousel): its own arrow pressed 5 times',
    page: 'busy.html?carousel',
    expect: [],
    run: (p) => clicks(p, '#next', 5, 150),
  }),
  busy({
    name: 'busy (chat widget): dead button',
    page: 'busy.html?chat',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#notify', 1, 0),
  }),
  busy({
    name: 'busy (chat widget): intercepted submit 4 times',
    page: 'busy.html?chat',
    expect: ['rage_click', 'dead_click'],
    run: (p) => clicks(p, '#pay', 4, 150),
  }),
  busy({
    name: 'busy (rotating ad): dead button',
    page: 'busy.html?ad',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#notify', 1, 0),
  }),
  busy({
    name: 'busy (all): dead button',
    page: 'busy.html?all',
    expect: ['dead_click'],
    run: (p) => clicks(p, '#notify', 1, 0),
  }),
  busy({
    name: 'busy (all): like counter 8 times',
    page: 'busy.html?all',
    expect: [],
    run: (p) => clicks(p, '#like', 8, 120),
  }),
  busy({
    name: 'busy (all): value stepper 6 times',
    page: 'busy.html?all',
    expect: [],
    run: (p) => clicks(p, '#plus', 6, 150),
  }),
  busy({
    name: 'busy (all): button throws',
    page: 'busy.html?all',
    expect: ['error_click'],
    run: (p) => clicks(p, '#compare', 1, 0),
  }),
  busy({
    name: 'busy (all): accordion 4 times',
    page: 'busy.html?all',
    expect: [],
    run: (p) => clicks(p, '#faq', 4, 200),
  }),
]
