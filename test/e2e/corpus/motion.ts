import { choose, rng, shake } from '@wince/snippet/humanMotion'
import { centre, type Scenario, trace } from './Scenario.ts'

/** Mouse movement made by `humanMotion` (minimum-jerk glides with Fitts durations and dwells; 3–6 Hz shakes): choosing is not thrash, shaking is. */
export const motion: Scenario[] = [
  {
    name: 'comparing two nearby plans, gliding back and forth',
    page: 'glide.html',
    expect: [],
    async run(p) {
      const a = await centre(p, '#plan-a')
      const b = await centre(p, '#plan-b')
      await trace(p, choose([a, b, a, b, a, b, a, b], 150, rng(11)))
    },
    settle: 200,
  },
  {
    name: 'comparing three plans, quickly',
    page: 'glide.html',
    expect: [],
    async run(p) {
      const [a, b, c] = [await centre(p, '#plan-a'), await centre(p, '#plan-b'), await centre(p, '#plan-c')]
      await trace(p, choose([a, b, c, b, a, c, a, b], 150, rng(12), [150, 300]))
    },
    settle: 200,
  },
  {
    name: 'hovering down and up a menu',
    page: 'glide.html',
    expect: [],
    async run(p) {
      const items = await p.locator('#menu li').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect()
          return { x: r.x + 40, y: r.y + r.height / 2 }
        }),
      )
      await trace(p, choose([...items, ...items.reverse()], 30, rng(13), [150, 350]))
    },
    settle: 200,
  },
  {
    name: 'dragging a list item back and forth',
    page: 'glide.html',
    expect: [],
    async run(p) {
      const { x, y } = await centre(p, '#drag-me')
      await p.mouse.move(x, y)
      await p.mouse.down()
      await trace(p, shake(x, y, 4, 80, 1500, rng(14)))
      await p.mouse.up()
    },
    settle: 200,
  },
  {
    name: 'mouse shaken at a disabled button (4 Hz)',
    page: 'glide.html',
    expect: ['mouse_thrash'],
    async run(p) {
      const { x, y } = await centre(p, '#continue')
      await trace(p, shake(x + 120, y - 30, 4, 90, 1800, rng(15)))
    },
    settle: 200,
  },
]
