import type { InferResponseType } from 'hono/client'
import { signal, type ReadonlySignal } from '@preact/signals'
import { readJson, type Api } from '../api.ts'

/** A session's page views, oldest first, and when it was first seen (epoch ms, null if no page view was stored). */
export type SessionPages = InferResponseType<Api['sessions'][':session']['pages']['$get'], 200>

export interface SessionPagesModel {
  /** Loaded sessions. */
  bySession: ReadonlySignal<ReadonlyMap<string, SessionPages>>
  /** Loads a session's pages once (again after `refresh`). */
  ensure(site: string, session: string): void
  /** Loads again, e.g. when a new alert of a known session arrives. */
  refresh(site: string, session: string): void
  clear(): void
}

/** Most session lookups at once: a long queue must not fire a hundred queries together. */
const MAX_PARALLEL = 4

/**
 * Loaded pages are shown together, at most once per this many ms: each change of
 * `bySession` re-renders the whole live queue, and a long queue loads a hundred
 * sessions one after another. Well under the time a person waits for a card's trail.
 */
export const APPLY_MS = 50

/** The pages each alerted session went through: time on site and the last pages visited. */
export function createSessionPagesModel(api: Api): SessionPagesModel {
  const bySession = signal<ReadonlyMap<string, SessionPages>>(new Map())
  const asked = new Set<string>()
  const queue: Array<[string, string]> = []
  let running = 0
  let generation = 0
  // Loaded sessions waiting for the next apply, and its timer.
  let loaded = new Map<string, SessionPages>()
  let apply: ReturnType<typeof setTimeout> | undefined
  const applyLoaded = () => {
    apply = undefined
    const next = new Map(bySession.peek())
    for (const [session, pages] of loaded) next.set(session, pages)
    loaded = new Map()
    bySession.value = next
  }

  const pump = () => {
    while (running < MAX_PARALLEL && queue.length > 0) {
      // queue.length > 0, checked in the loop's test.
      const [site, session] = queue.shift()!
      const gen = generation
      running++
      void api.sessions[':session'].pages
        .$get({ param: { session }, query: { site } })
        .then((res) => readJson(res))
        .then((body) => {
          if (gen !== generation) return
          loaded.set(session, body)
          apply ??= setTimeout(applyLoaded, APPLY_MS)
        })
        .catch(() => {
          // Not fatal: the card shows no time on site. Allow a later retry.
          asked.delete(session)
        })
        .finally(() => {
          running--
          pump()
        })
    }
  }

  function ensure(site: string, session: string): void {
    if (asked.has(session)) return
    asked.add(session)
    queue.push([site, session])
    pump()
  }

  return {
    bySession,
    ensure,
    refresh(site, session) {
      asked.delete(session)
      ensure(site, session)
    },
    clear() {
      generation++
      queue.length = 0
      asked.clear()
      clearTimeout(apply)
      apply = undefined
      loaded = new Map()
      bySession.value = new Map()
    },
  }
}
