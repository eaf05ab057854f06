import { Hono } from 'hono'
import type { ClickHouseClient } from '@clickhouse/client'
import { z } from 'zod'
import { checked } from '../validate/valid.ts'
import { id } from '../validate/id.ts'
import { ApiError } from '../ApiError.ts'
import type { HelpDesk } from '../live/HelpDesk.ts'
import type { Alert, LiveBus } from '../live/LiveBus.ts'
import { queryAlertExists } from '../queries/queryAlertExists.ts'
import { insertHelpRequest } from '../queries/insertHelpRequest.ts'
import { DEFAULT_AGENT_WAIT_S, type Sites } from '../sites/Sites.ts'
import { readBody } from '../ingest/readBody.ts'
import { visitorSite } from './visitorSite.ts'

const helpBody = z.strictObject({ s: id, sid: id, alert: id })

/** A help request is a few ids: anything larger is not one. */
const HELP_LIMITS = { maxBytes: 1024, maxInflatedBytes: 1024 }

export interface HelpDeps {
  client: ClickHouseClient
  bus: LiveBus
  sites: Sites
  desk: HelpDesk
}

/**
 * `POST /v1/help`: the visitor pressed the help prompt's agent button. The
 * request goes on the live bus at once (a `help` event carrying the whole alert)
 * and into `help_requests`; the answer tells the page how many agents watch the
 * site right now and how long to wait, so it never promises someone nobody is.
 * Pressing again for the same alert changes nothing but the answer.
 */
export function helpRoutes({ client, bus, sites, desk }: HelpDeps) {
  return new Hono().post('/v1/help', async (c) => {
    const body = checked(helpBody, await readBody(c.req.raw, HELP_LIMITS))
    const { sid, alert: alertId } = body
    const site = visitorSite(c, sites, body.s)
    const agents = desk.presence.count(site.id)
    const wait = site.help?.wait ?? DEFAULT_AGENT_WAIT_S
    let alert: Alert | undefined = desk.alerts.get(alertId)
    if (alert && (alert.session !== sid || alert.site !== site.id)) alert = undefined
    if (!alert) {
      // Not seen by this collector (restarted, or another one behind the balancer): the store knows.
      const stored = await queryAlertExists(client, site.id, alertId, sid)
      if (!stored) throw new ApiError(404, `no alert "${alertId}" for this session`)
      alert = {
        id: alertId,
        site: site.id,
        session: sid,
        pageView: '',
        url: stored.url,
        ts: stored.ts,
        score: 0,
        reasons: [],
        state: 'open',
      }
    }
    if (alert.help !== 'requested') {
      const at = Date.now()
      alert = { ...alert, help: 'requested', helpAt: at }
      desk.alerts.add(alert)
      bus.publish({ id: `help-${alertId}`, kind: 'help', site: site.id, session: sid, at, data: alert })
      await insertHelpRequest(client, { site: site.id, alert_id: alertId, session: sid, at })
    }
    return c.json({ agents, wait, helpAt: alert.helpAt }, 202)
  })
}
