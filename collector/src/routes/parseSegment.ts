import { ApiError } from '../ApiError.ts'
import type { Segment } from '../queries/segment.ts'

const DEVICES = ['desktop', 'tablet', 'mobile']
/** Browser and OS families as ua-parser-js names them (`Mobile Safari`, `Mac OS`, `Chrome WebView`). */
const FAMILY = /^[\w .()/-]{1,40}$/

/** Reads `device`, `browser` and `os` from a query string; each optional. */
export function parseSegment(query: Record<string, string | undefined>): Segment {
  const { device, browser, os } = query
  if (device && !DEVICES.includes(device)) throw new ApiError(400, `device: one of ${DEVICES.join(', ')}`)
  if (browser && !FAMILY.test(browser))
    throw new ApiError(400, 'browser: a browser family such as Chrome or Mobile Safari')
  if (os && !FAMILY.test(os)) throw new ApiError(400, 'os: an OS family such as Windows or iOS')
  return { ...(device && { device }), ...(browser && { browser }), ...(os && { os }) }
}
