import { clicks, type Scenario } from './Scenario.ts'

/**
 * React, Vue and Svelte apps (real production builds from npm) behave as their plain-DOM
 * equivalents: a broken handler is an error click, an empty one is dead, an intercepted
 * submit is rage, and a re-render, a controlled value or a validation message is an answer.
 */
export const frameworks: Scenario[] = (['react', 'vue', 'svelte'] as const).flatMap((fw): Scenario[] =>
  (<Array<Omit<Scenario, 'page'>>>[
    { name: `${fw}: counter clicked 8 times`, expect: [], run: (p) => clicks(p, '#like', 8, 120) },
    { name: `${fw}: controlled stepper clicked 6 times`, expect: [], run: (p) => clicks(p, '#plus', 6, 150) },
    { name: `${fw}: details toggled 4 times`, expect: [], run: (p) => clicks(p, '#toggle', 4, 200) },
    { name: `${fw}: validated submit showing an error, 3 times`, expect: [], run: (p) => clicks(p, '#join', 3, 300) },
    { name: `${fw}: async save`, expect: [], run: (p) => clicks(p, '#save', 1, 0), settle: 1500 },
    { name: `${fw}: handler throws`, expect: ['error_click'], run: (p) => clicks(p, '#wishlist', 1, 0) },
    { name: `${fw}: empty handler`, expect: ['dead_click'], run: (p) => clicks(p, '#apply', 1, 0) },
    {
      name: `${fw}: intercepted submit clicked 4 times`,
      expect: ['rage_click', 'dead_click'],
      run: (p) => clicks(p, '#pay', 4, 150),
    },
  ]).map((s): Scenario => ({ ...s, page: `${fw}.html`, kind: 'framework' })),
)
