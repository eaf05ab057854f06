import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError } from '../ApiError.ts'
import type { UploadLimits } from '../ingest/state/UploadLimits.ts'
import { nestsDeeper } from '../ingest/nestsDeeper.ts'
import { readBody } from '../ingest/readBody.ts'
import type { Sites } from '../sites/Sites.ts'
import { checked } from '../validate/valid.ts'
import { clientIp } from './collect.ts'
import { visitorSite } from './visitorSite.ts'

/**
 * Deepest nesting of an upload (snapshot, replay run, trail): a page's DOM is rarely 100
 * elements deep and rrweb doubles that; far deeper is an attack on the recursion of
 * whoever reads it next (storing, replaying).
 */
export const MAX_NESTING = 1_000

export interface UploadDeps {
  sites: Sites
  uploads: UploadLimits
  trustProxy: boolean
}

/**
 * Reads an upload a visitor's page sends besides beacons: the address's rate, the body
 * within its limits and nesting, the schema, then the site and origin.
 */
export async function readUpload<S extends z.ZodType<{ s: string }>>(
  c: Context,
  { sites, uploads, trustProxy }: UploadDeps,
  kind: 'snapshot' | 'replay' | 'trail',
  limits: { maxBytes: number; maxInflatedBytes: number },
  schema: S,
) {
  await uploads.checkIp(clientIp(c, trustProxy), kind)
  const text = await readBody(c.req.raw, limits)
  if (nestsDeeper(text, MAX_NESTING)) throw new ApiError(400, `body nested deeper than ${MAX_NESTING} levels`)
  const body = checked(schema, text)
  return { text, body, site: visitorSite(c, sites, body.s) }
}
