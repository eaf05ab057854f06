import type { StruggleEvent } from '@wince/snippet/wire'
import { issueId, issuePath } from '../issues/issueId.ts'
import type { Agent } from '../ingest/parseUserAgent.ts'
import type { Alert } from './LiveMessage.ts'
import type { Trail } from './SessionTrails.ts'

/** The fields an alert gains at the collector: what the page cannot say cheaply or must not be trusted with. */
export type AlertContext = Required<
  Pick<Alert, 'issue' | 'device' | 'browser' | 'os' | 'lang' | 'entry' | 'referrer' | 'pages' | 'startedAt'>
>

/** A language tag as browsers send it (`en`, `de-CH`, `zh-Hant-TW`): anything else is not kept. */
const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/

/** The browser's first language from an `Accept-Language` header, or ''. */
export function firstLanguage(header: string | undefined): string {
  const first = (header ?? '').split(',')[0]?.split(';')[0]?.trim() ?? ''
  return LANG.test(first) ? first : ''
}

/**
 * What the collector adds to a struggle alert: the issue (page path, element and
 * signal type of its main reason — the strongest, listed first), device, browser
 * and OS families (`agent`: the beacon's User-Agent, parsed once), the first language, and the session's trail.
 */
export function alertContext(
  site: string,
  e: Pick<StruggleEvent, 'u' | 'rs' | 't'>,
  agent: Agent,
  acceptLanguage: string | undefined,
  trail: Trail | undefined,
): AlertContext {
  const main = e.rs[0]
  return {
    issue: issueId(site, issuePath(e.u), main?.sel ?? '', main?.type ?? 'struggle'),
    device: agent.device,
    browser: agent.browser,
    os: agent.os,
    lang: firstLanguage(acceptLanguage),
    entry: trail?.entry ?? '',
    referrer: trail?.referrer ?? '',
    pages: trail?.pages ?? 0,
    startedAt: trail?.startedAt ?? 0,
  }
}
