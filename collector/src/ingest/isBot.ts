/**
 * User agents of crawlers, monitors and HTTP tools: none of them is a visitor
 * who can struggle. Headless browsers are listed apart, because a site may
 * allow them (its own end-to-end tests).
 */
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|embedly|preview|monitor|pingdom|uptime|lighthouse|pagespeed|gtmetrix|curl\/|wget\/|python-requests|python-urllib|aiohttp|go-http-client|java\/|okhttp|node-fetch|axios\/|undici|libwww|httpclient|scrapy|phantomjs|selenium/i
const HEADLESS = /headless/i

/** `bot` for crawlers and tools, `headless` for headless browsers, else `undefined`. */
export function botKind(userAgent: string | undefined): 'bot' | 'headless' | undefined {
  if (!userAgent) return 'bot'
  if (BOT.test(userAgent)) return 'bot'
  if (HEADLESS.test(userAgent)) return 'headless'
  return undefined
}
