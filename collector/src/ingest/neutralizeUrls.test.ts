import { describe, expect, it } from 'vitest'
import { IMAGE_PLACEHOLDER, neutralizeCss, neutralizeUrls } from './neutralizeUrls.ts'

const F = 'http://foreign.example'
const el = (tagName: string, attributes: Record<string, unknown>, childNodes: unknown[] = []) => ({
  type: 2,
  tagName,
  attributes,
  childNodes,
  id: 1,
})

describe('neutralizeCss', () => {
  it('empties url() in every spelling, drops @import and image-set()', () => {
    expect(
      neutralizeCss(`a{background:url(${F}/a.png)} b{background:URL( "${F}/b.png" )} c{src:url('${F}/f.woff')}`),
    ).toBe('a{background:url("data:,")} b{background:url("data:,")} c{src:url("data:,")}')
    expect(neutralizeCss(`@import "${F}/x.css"; @import url(${F}/y.css) screen; p{color:red}`)).toBe('  p{color:red}')
    expect(neutralizeCss(`p{background-image:-webkit-image-set("${F}/1.png" 1x, url(${F}/2.png) 2x)}`)).toBe(
      'p{background-image:none}',
    )
  })

  it('leaves CSS without URLs alone', () => {
    expect(neutralizeCss('p{color:red;margin:0}')).toBe('p{color:red;margin:0}')
  })
})

describe('neutralizeUrls', () => {
  it('leaves no foreign URL in a page carrying every kind', () => {
    const page = {
      type: 0,
      childNodes: [
        el('html', {}, [
          el('head', {}, [
            el('base', { href: `${F}/` }),
            el('link', { rel: 'stylesheet', href: `${F}/s.css` }),
            el('link', { rel: 'preload', as: 'image', imagesrcset: `${F}/p.png 1x` }),
            el('link', { rel: 'stylesheet', _cssText: `body{background:url(${F}/bg.png)}` }),
            el('meta', { 'http-equiv': 'refresh', content: `0;url=${F}/go` }),
            el('style', {}, [
              { type: 3, textContent: `@import url(${F}/i.css); .x{background:url(${F}/x.png)}`, isStyle: true, id: 9 },
            ]),
          ]),
          el('body', { background: `${F}/body.png`, style: `background-image:url(${F}/inline.png)` }, [
            el('img', { src: `${F}/a.png`, srcset: `${F}/a2.png 2x`, width: '40', height: '30' }),
            el('picture', {}, [el('source', { srcset: `${F}/s.webp` })]),
            el('input', { type: 'image', src: `${F}/btn.png` }),
            el('iframe', { rr_src: `${F}/frame`, srcdoc: `<img src="${F}/in.png">` }),
            el('video', { poster: `${F}/poster.png`, src: `${F}/v.mp4` }, [el('track', { src: `${F}/t.vtt` })]),
            el('object', { data: `${F}/o.swf` }),
            el('embed', { src: `${F}/e.swf` }),
            el('svg', {}, [
              el('image', { href: `${F}/svg.png` }),
              el('use', { 'xlink:href': `${F}/sprite.svg#i` }),
              el('feImage', { href: `${F}/fe.png` }),
            ]),
            el('a', { href: `${F}/page`, ping: `${F}/ping` }),
            el('form', { action: `${F}/post` }, [el('button', { formaction: `${F}/b` })]),
            el('img', { src: 'data:image/png;base64,AAAA' }),
          ]),
        ]),
      ],
    }
    const out = JSON.stringify(neutralizeUrls(page))
    // The only foreign URL left is the plain link, which the sandbox never follows and which fetches nothing.
    expect(out.match(/foreign\.example[^"\\]*/g)).toEqual(['foreign.example/page'])
    expect(out).toContain(JSON.stringify(IMAGE_PLACEHOLDER))
    expect(out).toContain('"width":"40","height":"30"')
    expect(out).toContain('data:image/png;base64,AAAA')
  })

  it('neutralizes replay events: full snapshots, added nodes, attribute changes, style rules and declarations', () => {
    const events = [
      { type: 2, data: { node: el('img', { src: `${F}/full.png` }) }, timestamp: 1 },
      {
        type: 3,
        data: {
          source: 0,
          adds: [{ parentId: 1, nextId: null, node: el('img', { src: `${F}/added.png` }) }],
          attributes: [
            { id: 5, attributes: { src: `${F}/changed.png`, style: { 'background-image': `url(${F}/om.png)` } } },
          ],
          texts: [{ id: 9, value: `.y{background:url(${F}/t.png)}` }],
          removes: [],
        },
        timestamp: 2,
      },
      {
        type: 3,
        data: { source: 8, id: 3, adds: [{ rule: `.z{background:url(${F}/rule.png)}`, index: 0 }] },
        timestamp: 3,
      },
      {
        type: 3,
        data: { source: 13, id: 3, set: { property: 'background', value: `url(${F}/decl.png)` }, index: [0] },
        timestamp: 4,
      },
    ]
    const out = neutralizeUrls(events)
    expect(JSON.stringify(out)).not.toContain('foreign.example')
    // In a mutation the tag is unknown: the attribute is removed the rrweb way (null).
    expect(
      (out[1]!.data as { attributes: Array<{ attributes: Record<string, unknown> }> }).attributes[0]!.attributes.src,
    ).toBeNull()
  })
})
