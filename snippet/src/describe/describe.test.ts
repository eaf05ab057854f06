import { describe, expect, it } from 'vitest'
import { clean, scrub } from './scrub'
import { selector } from './selector'
import { label } from './label'
import { el } from './fakeNode'

describe('scrub', () => {
  it('removes digits and e-mail-like text from labels', () => {
    expect(scrub('Order 12345 for jo.doe+1@mail.example.com, card 4242 4242')).toBe('Order # for @ card # #')
  })

  it('accepts only letter, - and _ tokens for selectors', () => {
    expect([clean('buy-now'), clean('btn_primary'), clean('user-123'), clean('a@b.c'), clean('css-1x2y'), clean(''), clean(null)]).toEqual([
      true, true, false, false, false, false, false,
    ])
  })
})

describe('selector', () => {
  it('builds tag, clean classes, test id and nth-of-type a few levels deep', () => {
    const btn = el('button', { class: 'btn btn-primary big css-9xk2', 'data-testid': 'add-to-basket' })
    const li = el('li', {}, [btn])
    el('ul', { class: 'products' }, [el('li'), li, el('li')])
    expect(selector(btn)).toBe('ul.products>li:nth-of-type(2)>button.btn.btn-primary[data-testid="add-to-basket"]')
  })

  it('stops at a clean id', () => {
    const btn = el('button')
    el('body', {}, [el('form', { id: 'checkout' }, [btn])])
    expect(selector(btn)).toBe('form#checkout>button')
  })

  it('never carries digits or e-mails from the page', () => {
    const btn = el('a', { id: 'user-4711', class: 'jo@mail.example row-12', 'data-testid': 'order-99' })
    const div = el('div', { id: 'jo@mail.example' }, [btn])
    el('main', {}, [div])
    const sel = selector(btn)
    expect(sel).toBe('main>div>a')
    expect(sel).not.toMatch(/\d|@/)
  })

  it('goes at most four levels up', () => {
    const leaf = el('span')
    el('html', {}, [el('body', {}, [el('div', {}, [el('section', {}, [el('p', {}, [leaf])])])])])
    expect(selector(leaf)).toBe('div>section>p>span')
  })
})

describe('label', () => {
  const btn = () => el('button', { role: 'tab', 'aria-label': 'Pay 42 € as jo@mail.example' }, [], 'ignored')

  it('is tag and role only by default', () => {
    expect(label(btn())).toBe('button[tab]')
  })

  it('adds scrubbed aria-label or text only when the site allows text', () => {
    expect(label(btn(), true)).toBe('button[tab] Pay # € as @')
    expect(label(el('div', {}, [], '  Add   to\nbasket for 19.99 '), true)).toBe('div Add to basket for #.#')
  })

  it('cuts long captions and leaves out container text', () => {
    expect(label(el('button', {}, [], 'x'.repeat(60)), true)).toBe('button ' + 'x'.repeat(40))
    expect(label(el('body', {}, [], 'x'.repeat(200)), true)).toBe('body')
  })
})
