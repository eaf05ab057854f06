import type { SiteSettings } from '@wince/snippet/wire'
import { issuePath } from '../issues/issueId.ts'
import type { Learning } from './Learning.ts'

/**
 * What a page view learns from the applied rules (`/v1/site`): the suppressions of
 * its own page path only (a few selectors and types, not the site's whole book) and
 * the applied tuning. Nothing when no rule applies: an untouched site's answer is as before.
 */
export function learnedSettings(learning: Learning, site: string, url: string): Pick<SiteSettings, 'rules' | 'tune'> {
  const path = url ? issuePath(url) : ''
  const rules = path
    ? learning
        .suppressions(site)
        .filter((r) => r.url === path)
        .map((r) => ({ sel: r.selector, type: r.type }))
    : []
  const { threshold, weights, tunedBy } = learning.tuning(site)
  return { ...(rules.length && { rules }), ...(tunedBy.length && { tune: { threshold, weights } }) }
}
