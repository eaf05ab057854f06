import type { Ctx } from '../ext/Ctx'
import type { HelpSettings } from '../wire'
import { load, save } from '../core/storage'
import { chunk, endpoint, on, recent } from './lib/chunk'
import { createPanel, h } from './help/panel'
import { dismissed, shouldPrompt, shown, type PromptState } from './help/promptState'
import { openChannel, type Offer } from './help/channel'

/**
 * How long after a struggle the help chunk still acts on it (prompt, offers channel),
 * ms: matches the collector's channel idle time; an agent answers within minutes or not at all.
 */
export const EPISODE_ACTIVE_MS = 5 * 60 * 1000

/** What the prompt says once the visitor asked for an agent (action `agent`). */
export const AGENT_JOINS = 'Thank you. Someone from our team will join you here shortly.'

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

  const offer = (o: Offer) => {
    if (seen.has(o.id)) return
    seen.add(o.id)
    onClose = () => answer(o, 'dismissed')
    const yes = h('button', { type: 'button', onclick: () => answer(o, 'accepted') }, 'Accept')
    panel.show(
      [
        h('h2', { id: 'wince-t' }, o.by ? `${o.by} offers help` : 'An offer of help'),
        h('p', {}, o.message),
        o.link && /^https?:\/\//.test(o.link) && h('p', {}, h('a', { className: 'link', href: o.link, target: '_blank', rel: 'noopener noreferrer' }, o.link)),
        h('div', { className: 'row' }, yes, h('button', { type: 'button', className: 'alt', onclick: () => answer(o, 'dismissed') }, 'No thanks')),
      ],
      yes,
    )
  }

  const act = (hs: HelpSettings) => {
    const done = () => panel.hide()
    if (hs.action == 'chat') return h('button', { type: 'button', onclick: () => (done(), c.p('help', { action: 'chat' })) }, hs.label)
    if (hs.action == 'agent')
      return h('button', { type: 'button', onclick: () => panel.show([h('p', { id: 'wince-t' }, AGENT_JOINS)]) }, hs.label)
    const href = hs.action == 'call' ? 'tel:' + (hs.href || '').replace(/[^\d+]/g, '') : hs.href || ''
    if (hs.action == 'link' && !/^https?:\/\//.test(href)) return undefined
    return h('a', { className: 'btn', href, target: hs.action == 'link' ? '_blank' : '', rel: 'noopener noreferrer', onclick: done }, hs.label)
  }

  let channel: ReturnType<typeof openChannel> | undefined
  const struggle = () => {
    const z = c.z
    if (!z || !recent(c, EPISODE_ACTIVE_MS) || !c.a) return
    // The return channel opens only once the session struggles, and closes when quiet.
    if (!channel?.live()) channel = openChannel(c, e, offer)
    const hs = c.st?.help
    if (!hs || !shouldPrompt(state, z.id, hs.enabled) || panel.open()) return
    save('hp', (state = shown(state, z.id)))
    onClose = () => {
      save('hp', (state = dismissed(state)))
      panel.hide()
    }
    const button = act(hs)
    panel.show(
      [h('h2', { id: 'wince-t' }, hs.title), hs.text && h('p', {}, hs.text), button && h('div', { className: 'row' }, button)],
      button,
    )
  }
  on('struggle', struggle)
  struggle()
})
