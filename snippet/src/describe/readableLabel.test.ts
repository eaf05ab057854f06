// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { accessibleName, readableLabel, role } from './readableLabel'

const $ = (sel: string): Element => document.querySelector(sel)!

describe('readable labels', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <h1>Your basket</h1>
      <form id="f">
        <label for="email">E-mail</label><input id="email" type="email" value="jo@mail.example">
        <label>Card number <input id="card" name="cardnumber" value="4242 4242 4242 4242"></label>
        <input id="go" type="submit" value="Send order">
        <input id="agree" type="checkbox">
      </form>
      <button id="pay">  Pay
        €129 </button>
      <a id="help" href="/help" aria-label="Help for jo@mail.example">?</a>
      <span id="t" aria-labelledby="lbl-a lbl-b"></span><i id="lbl-a">Order</i><i id="lbl-b">12345678</i>
      <div id="tab" role="tab">Delivery</div>
      <img id="logo" alt="Shop logo">
      <div id="box">${'word '.repeat(30)}</div>
      <p data-wince-mask><button id="secret">Jane Example</button></p>
      <button id="long">${'x'.repeat(60)}</button>`
  })

  it('says the role as a person would', () => {
    expect(['h1', '#pay', '#help', '#email', '#go', '#agree', '#tab', '#logo', '#box'].map((s) => role($(s)))).toEqual([
      'heading',
      'button',
      'link',
      'textbox',
      'button',
      'checkbox',
      'tab',
      'img',
      'div',
    ])
  })

  it('is the role alone when the site does not allow text', () => {
    expect(readableLabel($('#pay'), false)).toBe('button')
    expect(readableLabel($('h1'), false)).toBe('heading')
  })

  it('adds the accessible name when the site allows text, prices kept, personal data not', () => {
    expect(readableLabel($('#pay'), true)).toBe('button Pay €129')
    expect(readableLabel($('h1'), true)).toBe('heading Your basket')
    expect(readableLabel($('#help'), true)).toBe('link Help for @')
    expect(readableLabel($('#t'), true)).toBe('span Order #')
    expect(readableLabel($('#tab'), true)).toBe('tab Delivery')
    expect(readableLabel($('#logo'), true)).toBe('img Shop logo')
  })

  it('names a field by its label, never by what was typed; a submit input by its caption', () => {
    expect(readableLabel($('#email'), true)).toBe('textbox E-mail')
    expect(readableLabel($('#card'), true)).toBe('textbox Card number')
    expect(accessibleName($('#card'))).not.toContain('4242')
    expect(readableLabel($('#go'), true)).toBe('button Send order')
  })

  it('leaves out containers, masked elements, and cuts long names', () => {
    expect(readableLabel($('#box'), true)).toBe('div')
    expect(readableLabel($('#secret'), true)).toBe('button')
    expect(readableLabel($('#long'), true)).toBe('button ' + 'x'.repeat(40))
  })
})
