import { signal, type ReadonlySignal } from '@preact/signals'
import type { LearningView, Outcomes } from '@wince/collector'
import { postJson, readJson } from '../api.ts'
import { errorMessage } from '@wince/collector/errorMessage'

/** A verdict as the dashboard sends it: on an alert, or on an issue row's page, element and type. */
export interface VerdictInput {
  site: string
  alert?: string
  issue?: { url: string; selector: string; type: string }
  verdict: 'real' | 'not'
  reason?: string
}

export interface LearningModel {
  view: ReadonlySignal<LearningView | null>
  outcomes: ReadonlySignal<Outcomes | null>
  loading: ReadonlySignal<boolean>
  error: ReadonlySignal<string | null>
  refresh(site: string, rangeMs: number): Promise<void>
  /** Apply, reject or revert a rule (admins only: the collector answers 403 to agents). */
  decide(site: string, id: string, action: 'apply' | 'reject' | 'revert', why: string, rangeMs: number): Promise<void>
  /** Sends a verdict; resolves with an error message, or null once stored. */
  verdict(v: VerdictInput): Promise<string | null>
}

/** What the team taught Wince (`GET /api/learning`) and whether help helped (`GET /api/outcomes`). */
export function createLearningModel(base = `${location.origin}/api`): LearningModel {
  const view = signal<LearningView | null>(null)
  const outcomes = signal<Outcomes | null>(null)
  const loading = signal(false)
  const error = signal<string | null>(null)
  let latest = 0

  async function refresh(site: string, rangeMs: number): Promise<void> {
    const call = ++latest
    loading.value = true
    try {
      const to = Date.now()
      const range = new URLSearchParams({ site, from: String(to - rangeMs), to: String(to) })
      const [v, o] = await Promise.all([
        readJson<LearningView>(await fetch(`${base}/learning?site=${encodeURIComponent(site)}`)),
        readJson<Outcomes>(await fetch(`${base}/outcomes?${range}`)),
      ])
      if (call !== latest) return
      view.value = v
      outcomes.value = o
      error.value = null
    } catch (err) {
      if (call === latest) error.value = `Could not load: ${errorMessage(err)}`
    } finally {
      if (call === latest) loading.value = false
    }
  }

  async function decide(
    site: string,
    id: string,
    action: 'apply' | 'reject' | 'revert',
    why: string,
    rangeMs: number,
  ): Promise<void> {
    try {
      await postJson(`/rules/${id}/${action}`, { site, ...(why.trim() && { why: why.trim() }) }, base)
      await refresh(site, rangeMs)
    } catch (err) {
      error.value = `Could not ${action}: ${errorMessage(err)}`
    }
  }

  async function verdict(v: VerdictInput): Promise<string | null> {
    try {
      await postJson('/verdicts', v, base)
      return null
    } catch (err) {
      return errorMessage(err)
    }
  }

  return { view, outcomes, loading, error, refresh, decide, verdict }
}
