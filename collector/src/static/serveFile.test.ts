import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pickEncoding, serveFile } from './serveFile.ts'

describe('pickEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['BR ; q=1', 'br'],
    ['*', 'br'],
    ['*;q=0.1, br;q=0', 'gzip'],
    ['identity', undefined],
    ['gzip;q=0, br;q=0', undefined],
    ['gzip;q=nonsense', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %s', (accept, expected) => {
    expect(pickEncoding(accept)).toBe(expected)
  })
})

describe('serveFile', () => {
  let root: string
  // A script the size of the snippet: repetitive enough that compression is visible.
  const script = Array.from({ length: 400 }, (_, i) => `const v${i} = () => document.body.dataset.x${i % 7};`).join(
    '\n',
  )

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'wince-serve-'))
    await writeFile(join(root, 's.js'), script)
    await writeFile(join(root, 'tiny.js'), 'x()')
    await writeFile(join(root, 'pic.png'), Buffer.alloc(4096, 1))
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('sends text brotli-compressed to a browser that accepts it, and the same bytes once decoded', async () => {
    const res = (await serveFile(root, 's.js', { 'cache-control': 'public' }, 'gzip, deflate, br'))!
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    expect(res.headers.get('cache-control')).toBe('public')
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.length).toBeLessThan(script.length / 4)
    expect(brotliDecompressSync(body).toString()).toBe(script)
  })

  it('sends gzip where brotli is not accepted, and the file as it is where nothing is', async () => {
    const gz = (await serveFile(root, 's.js', {}, 'gzip'))!
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script)
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = (await serveFile(root, 's.js', {}, accept))!
      expect(plain.headers.get('content-encoding')).toBeNull()
      expect(plain.headers.get('vary')).toBe('Accept-Encoding')
      expect(await plain.text()).toBe(script)
    }
  })

  it('leaves tiny files and images as they are', async () => {
    const tiny = (await serveFile(root, 'tiny.js', {}, 'br'))!
    expect(tiny.headers.get('content-encoding')).toBeNull()
    expect(await tiny.text()).toBe('x()')
    const png = (await serveFile(root, 'pic.png', {}, 'br'))!
    expect(png.headers.get('content-encoding')).toBeNull()
    expect(png.headers.get('vary')).toBeNull()
    expect((await png.arrayBuffer()).byteLength).toBe(4096)
  })

  it('serves a rebuilt file, not the kept compression of the old one', async () => {
    const file = join(root, 'chunk.js')
    await writeFile(file, `${script}\n// one`)
    const first = (await serveFile(root, 'chunk.js', {}, 'br'))!
    expect(brotliDecompressSync(Buffer.from(await first.arrayBuffer())).toString()).toMatch(/one$/)
    await writeFile(file, `${script}\n// two`)
    await utimes(file, new Date(), new Date(Date.now() + 5_000))
    const second = (await serveFile(root, 'chunk.js', {}, 'br'))!
    expect(brotliDecompressSync(Buffer.from(await second.arrayBuffer())).toString()).toMatch(/two$/)
  })

  it('still refuses paths that climb out of its root, and missing files', async () => {
    expect(await serveFile(root, '../etc/passwd', {}, 'br')).toBeUndefined()
    expect(await serveFile(root, '%2e%2e/x.js', {}, 'br')).toBeUndefined()
    expect(await serveFile(root, 'nope.js', {}, 'br')).toBeUndefined()
  })
})
