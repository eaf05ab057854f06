import type { Ctx } from '../ext/Ctx'
import type { HelpSettings } from '../wire'
import { load, save } from '../core/storage'
import { chunk, endpoint, on, recent } from './lib/chunk'
import { createPanel, h } from './help/panel'
import { dismissed, shouldPrompt, shown, type PromptState } from './help/promptState'
import { openChannel, type Joined, type Offer } from './help/channel'
import { CONTACT, UNAVAILABLE, WAITING, joinedWords, nextStep, type HelpAnswer } from './help/agentWords'

/**
 * How long after a struggle the help chunk still acts on it (prompt, offers channel),
 * ms: matches the collector's channel idle time; an agent answers within minutes or not at all.
 */
export const EPISODE_ACTIVE_MS = 5 * 60 * 1000

const e = endpoint()

/**
 * The help chunk, loaded once the session struggles: the site's own help prompt (if
 * enabled; once per episode, never again after a dismiss) and the channel an agent's
 * offers come through, with the visitor's answer sent back.
 */
chunk('help', (c: Ctx) => {
  let state: PromptState = load('hp') || {}
  /** What closing does now: dismiss the prompt, or decline an offer. */
  let onClose = () => {}
  const panel = createPanel(() => onClose(), c.x)
  const seen = new Set<string>()

  const answer = (o: Offer, a: 'accepted' | 'dismissed') => {
    panel.hide()
    if (c.a)
      c.f(`${e}/v1/answer`, {
        method: 'POST',
        body: JSON.stringify({ s: c.h.s, sid: c.h.sid, offerId: o.id, answer: a }),
        keepalive: true,
      }).catch(() => {})
  }

  /** The help request waiting for an agent: its fallback timer (undefined once answered or given up). */
  let waiting: ReturnType<typeof setTimeout> | undefined
  let asked = false
  const stopWaiting = () => (clearTimeout(waiting), (waiting = undefined))
  c.x.push(stopWaiting)

  /** Nobody can answer: say so, with the site's contact link, or hand over to the page's own chat. */
  const fallback = (hs: HelpSettings) => {
    stopWaiting()
    onClose = () => panel.hide()
    const link =
      hs.fallback &&
      /^(https?:\/\/|mailto:|tel:)/.test(hs.fallback) &&
      h(
        'a',
        {
          className: 'btn',
          href: hs.fallback,
          target: /^https?:/.test(hs.fallback) ? '_blank' : '',
          rel: 'noopener noreferrer',
        },
        hs.fallbackLabel || CONTACT,
      )
    panel.show(
      [h('p', { id: 'wince-t' }, UNAVAILABLE), link && h('div', { className: 'row' }, link)],
      link || undefined,
    )
    if (!link) c.p('help', { action: 'fallback' })
  }

  /** The agent button: raise a help request, then tell the visitor only what is true. */
  const askAgent = async (hs: HelpSettings) => {
    const z = c.z
    if (!z || !c.a) return fallback(hs)
    asked = true
    if (!channel?.live()) channel = openChannel(c, e, offer, joined)
    panel.show([h('p', { id: 'wince-t' }, 'Asking for an agent…')])
    let answer: HelpAnswer | undefined
    try {
      const r = await c.f(`${e}/v1/help`, {
        method: 'POST',
        body: JSON.stringify({ s: c.h.s, sid: c.h.sid, alert: z.id }),
      })
      // The collector's /v1/help answer (routes/help.ts); fields are read defensively below.
      if (r.ok) answer = (await r.json()) as HelpAnswer
    } catch {}
    if (!asked) return
    const step = nextStep(answer, hs)
    if (step == 'fallback') return fallback(hs)
    onClose = () => panel.hide()
    panel.show([h('p', { id: 'wince-t' }, h('span', { className: 'dot', 'aria-hidden': 'true' }), WAITING)])
    waiting = setTimeout(() => fallback(hs), step.wait)
  }

  /** An agent took the request: their name (never a token's), in their colour. */
  const joined = (j: Joined) => {
    if (!asked) return
    asked = false
    stopWaiting()
    onClose = () => panel.hide()
    const face = h('span', { className: 'face', 'aria-hidden': 'true' }, (j.name.trim()[0] || '?').toUpperCase())
    panel.style(j.color && /^#[0-9a-f]{6}$/i.test(j.color) ? `.face{background:${j.color}}` : '')
    panel.show([
      h('p', { id: 'wince-t', className: 'joined' }, face, joinedWords(j.name)),
      h('p', {}, 'They will write to you here.'),
    ])
  }

  const offer = (o: Offer) => {
    if (seen.has(o.id)) return
    seen.add(o.id)
    // An agent's message answers a waiting request too.
    asked = false
    stopWaiting()
    onClose = () => answer(o, 'dismissed')
    const yes = h('button', { type: 'button', onclick: () => answer(o, 'accepted') }, 'Accept')
    panel.show(
      [
        h('h2', { id: 'wince-t' }, o.by ? `${o.by} offers help` : 'An offer of help'),
        h('p', {}, o.message),
        o.link &&
          /^https?:\/\//.test(o.link) &&
          h('p', {}, h('a', { className: 'link', href: o.link, target: '_blank', rel: 'noopener noreferrer' }, o.link)),
        h(
          'div',
          { className: 'row' },
          yes,
          h('button', { type: 'button', className: 'alt', onclick: () => answer(o, 'dismissed') }, 'No thanks'),
        ),
      ],
      yes,
    )
  }

  const act = (hs: HelpSettings) => {
    const done = () => panel.hide()
    if (hs.action == 'chat')
      return h('button', { type: 'button', onclick: () => (done(), c.p('help', { action: 'chat' })) }, hs.label)
    if (hs.action == 'agent') return h('button', { type: 'button', onclick: () => void askAgent(hs) }, hs.label)
    const href = hs.action == 'call' ? 'tel:' + (hs.href || '').replace(/[^\d+]/g, '') : hs.href || ''
    if (hs.action == 'link' && !/^https?:\/\//.test(href)) return undefined
    return h(
      'a',
      {
        className: 'btn',
        href,
        target: hs.action == 'link' ? '_blank' : '',
        rel: 'noopener noreferrer',
        onclick: done,
      },
      hs.label,
    )
  }

  let channel: ReturnType<typeof openChannel> | undefined
  const struggle = () => {
    const z = c.z
    if (!z || !recent(c, EPISODE_ACTIVE_MS) || !c.a) return
    // The return channel opens only once the session struggles, and closes when quiet.
    if (!channel?.live()) channel = openChannel(c, e, offer, joined)
    const hs = c.st?.help
    if (!hs || !shouldPrompt(state, z.id, hs.enabled) || panel.open()) return
    save('hp', (state = shown(state, z.id)))
    onClose = () => {
      save('hp', (state = dismissed(state)))
      panel.hide()
    }
    const button = act(hs)
    panel.show(
      [
        h('h2', { id: 'wince-t' }, hs.title),
        hs.text && h('p', {}, hs.text),
        button && h('div', { className: 'row' }, button),
      ],
      button,
    )
  }
  on('struggle', struggle)
  struggle()
})
