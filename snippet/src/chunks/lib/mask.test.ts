import { describe, expect, it } from 'vitest'
import { maskAttributes, maskEvent, maskText, maskTree, scrubText, shape } from './mask'

describe('masking decisions', () => {
  it('masks text by default, keeping its shape', () => {
    expect(maskText('Jane Doe, 12 Main St', false, false)).toBe('**** **** ** **** **')
    expect(shape('a b\nc')).toBe('* *\n*')
  })

  it('keeps allowed text but never card numbers or e-mails', () => {
    expect(maskText('Add to basket', true, false)).toBe('Add to basket')
    expect(scrubText('card 4111 1111 1111 1111 ok')).toBe('card **** **** **** **** ok')
    expect(scrubText('mail jane.doe@example.com now')).toBe('mail ******************** now')
    expect(scrubText('order 12345')).toBe('order 12345')
  })

  it('masks text under data-wince-mask even when text is allowed', () => {
    expect(maskText('Jane', true, true)).toBe('****')
  })

  it('masks text attributes, contact links and link queries', () => {
    const a = maskAttributes(
      { alt: 'Jane', title: 'Hi you', href: '/account?email=a@b.co#x', class: 'btn', src: '/i.png?w=2' },
      false,
    )
    expect(a).toEqual({ alt: '****', title: '** ***', href: '/account', class: 'btn', src: '/i.png?w=2' })
    expect(maskAttributes({ href: 'mailto:jane@x.org' }, true).href).toBe('mailto:')
    expect(maskAttributes({ placeholder: 'Your e-mail' }, true).placeholder).toBe('Your e-mail')
  })

  it('walks a serialized tree, stricter under data-wince-mask', () => {
    const tree = {
      type: 2,
      tagName: 'div',
      attributes: { 'data-wince-mask': '' },
      childNodes: [{ type: 2, tagName: 'img', attributes: { alt: 'Jane' }, childNodes: [] }],
    }
    maskTree(tree, true)
    expect(tree.childNodes[0]!.attributes.alt).toBe('****')
  })

  it('masks attributes in rrweb mutation events', () => {
    const ev = {
      type: 3,
      data: {
        source: 0,
        adds: [{ node: { type: 2, attributes: { title: 'Bob' } } }],
        attributes: [{ attributes: { alt: 'x y' } }],
      },
    }
    maskEvent(ev, false)
    expect(ev.data.adds[0]!.node.attributes.title).toBe('***')
    expect(ev.data.attributes[0]!.attributes.alt).toBe('* *')
  })
})
