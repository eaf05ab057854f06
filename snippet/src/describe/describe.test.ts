import { describe, expect, it } from 'vitest'
import { clean } from './scrub'
import { selector } from './selector'
import { label } from './label'
import { el } from './fakeNode'

describe('clean', () => {
  it('accepts only letter, - and _ tokens for selectors', () => {
    expect([
      clean('buy-now'),
      clean('btn_primary'),
      clean('user-123'),
      clean('a@b.c'),
      clean('css-1x2y'),
      clean(''),
      clean(null),
    ]).toEqual([true, true, false, false, false, false, false])
  })
})

describe('selector', () => {
  it('ends at a test id: short and stable whatever the layout around it', () => {
    const btn = el('button', { class: 'btn btn-primary big css-9xk2', 'data-testid': 'add-to-basket' })
    const li = el('li', {}, [btn])
    el('ul', { class: 'products' }, [el('li'), li, el('li')])
    expect(selector(btn)).toBe('button[data-testid="add-to-basket"]')
  })

  it('builds tag, clean classes and nth-of-type a few levels deep when nothing names the element', () => {
    const btn = el('button', { class: 'btn btn-primary big css-9xk2' })
    const li = el('li', {}, [btn])
    el('ul', { class: 'products' }, [el('li'), li, el('li')])
    expect(selector(btn)).toBe('ul.products>li:nth-of-type(2)>button.btn.btn-primary')
  })

  it('stops at a clean id', () => {
    const btn = el('button')
    el('body', {}, [el('form', { id: 'checkout' }, [btn])])
    expect(selector(btn)).toBe('form#checkout>button')
  })

  it('names a form field by its name and a label by its field, not by position', () => {
    const card = el('input', { name: 'cardnumber', class: 'field' })
    const lbl = el('label', { for: 'card' })
    el('form', { id: 'f' }, [el('label'), el('label'), el('label'), el('label'), lbl, card])
    expect(selector(card)).toBe('input[name="cardnumber"]')
    expect(selector(lbl)).toBe('label[for="card"]')
  })

  it('keeps a role as part of a step and goes on climbing (roles repeat)', () => {
    const tab = el('div', { role: 'tab', class: 'tab' })
    el('div', { id: 'tabs' }, [el('div', { role: 'tab' }), tab])
    expect(selector(tab)).toBe('div#tabs>div[role="tab"]:nth-of-type(2)')
  })

  it('keeps tag names with digits (h1) and never carries digits or e-mails from the page', () => {
    const h = el('h1', { class: 'title' })
    el('main', { id: 'main' }, [h])
    expect(selector(h)).toBe('main#main>h1.title')
    const btn = el('a', { id: 'user-4711', class: 'jo@mail.example row-12', 'data-testid': 'order-99', name: 'x@y.z' })
    const div = el('div', { id: 'jo@mail.example' }, [btn])
    el('main', {}, [div])
    const sel = selector(btn)
    expect(sel).toBe('main>div>a')
    expect(sel).not.toMatch(/\d|@/)
  })

  it('stops at body: html adds nothing', () => {
    const h = el('h1')
    el('html', {}, [el('body', { class: 'home' }, [h])])
    expect(selector(h)).toBe('body>h1')
  })

  it('goes at most four levels up', () => {
    const leaf = el('span')
    el('html', {}, [el('body', {}, [el('div', {}, [el('section', {}, [el('p', {}, [leaf])])])])])
    expect(selector(leaf)).toBe('div>section>p>span')
  })
})

describe('core label', () => {
  it('is the explicit role, else the tag: never page text', () => {
    expect(label(el('div', { role: 'tab', 'aria-label': 'Pay 42 €' }, [], 'Pay'))).toBe('tab')
    expect(label(el('h1', {}, [], 'Welcome'))).toBe('h1')
    expect(label(el('span', { role: 'x y' }))).toBe('span')
  })
})
