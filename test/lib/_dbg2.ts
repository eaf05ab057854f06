import { launchChromium } from './browser.ts'
import { startCollector } from './startCollector.ts'
import { startCorpusSite } from './startCorpusSite.ts'
import { buildCorpusApps } from './buildCorpusApps.ts'
import { clicks, snippetReady } from '../e2e/corpus/Scenario.ts'
const collector = await startCollector()
const site = await startCorpusSite(collector.url, await buildCorpusApps())
const browser = await launchChromium()
const page = await (await browser.newContext({ viewport: { width: 1000, height: 700 } })).newPage()
page.on('console', (m) => console.log('console', m.text()))
await page.goto(`${site.url}/${process.argv[2]}`)
await snippetReady(page)
await page.evaluate(() => {
  new MutationObserver((rs) => rs.forEach((r) => console.log('mut', Math.round(performance.now()), r.type, (r.target as Element).nodeName, (r.target as Element).id, r.attributeName))).observe(document, { subtree: true, attributes: true, childList: true, characterData: true })
  for (const e of ['focusin', 'scroll', 'input', 'change', 'blur', 'click']) addEventListener(e, (ev) => console.log('ev', Math.round(performance.now()), Math.round(ev.timeStamp), e, (ev.target as Element).nodeName), true)
  ;(window as any).wince('on', 'signal', (s: any) => console.log('signal', s.type))
})
await clicks(page, process.argv[3]!, Number(process.argv[4] ?? 4), Number(process.argv[5] ?? 200))
await page.waitForTimeout(2500)
await browser.close(); await site.close(); await collector.close()
