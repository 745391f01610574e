/**
 * What guardians and children receive: an inbox entry (full, child-friendly text) and a subscribe message whose
 * values respect WeChat's field limits (thing ≤ 20 characters, phrase ≤ 5 Chinese characters, date Y-M-D). Pure.
 */
import { ANSWER_KIND_LABEL, COUNCIL_PAGES, COUNCIL_TEMPLATES, formatShanghai, type AnswerKind } from '../../../types/index'
import { PHRASE_MAX, THING_MAX, phraseValue as phrase, thingValue as thing } from '../../../types/subscribe-fields'

export { PHRASE_MAX, THING_MAX, phrase, thing }

export interface CouncilMessage {
  kind: string
  communityId: string
  childId: string | null
  title: string
  body: string
  page: string
  subscribe: { templateId: string; data: Record<string, string> } | null
}

const proposalPage = (proposalId: string) => `${COUNCIL_PAGES.proposal}?proposalId=${proposalId}`

/** To the child and guardian: the adult's answer. */
export function answerMessage(
  p: { _id: string; communityId: string; childId: string; alias: string; idea: string },
  answer: { kind: AnswerKind; text: string },
  at: Date,
): CouncilMessage {
  return {
    kind: 'council.answer',
    communityId: p.communityId,
    childId: p.childId,
    title: `💌 ${p.alias}，大人给你回信了`,
    body: `你的主意「${p.idea}」：${ANSWER_KIND_LABEL[answer.kind]}。${answer.text}`,
    page: proposalPage(p._id),
    subscribe: {
      templateId: COUNCIL_TEMPLATES.answer,
      data: {
        thing1: thing(p.idea),
        phrase2: phrase(ANSWER_KIND_LABEL[answer.kind]),
        thing3: thing(answer.text),
        date4: formatShanghai(at, 'YYYY-MM-DD'),
      },
    },
  }
}

/** To the child and guardian: the review (inbox only — the answer that must follow uses the template). */
export function reviewMessage(
  p: { _id: string; communityId: string; childId: string; alias: string; idea: string },
  approved: boolean,
): CouncilMessage {
  return {
    kind: 'council.review',
    communityId: p.communityId,
    childId: p.childId,
    title: approved ? `✅ ${p.alias}的建议通过啦` : `📝 ${p.alias}的建议这次没有通过`,
    body: approved ? `「${p.idea}」大家都能看到了。大人会在 30 天内回信。` : `「${p.idea}」这次没有通过，大人会写信告诉你为什么。`,
    page: proposalPage(p._id),
    subscribe: null,
  }
}

/** To members (child accounts) and guardians: a published agenda. */
export function agendaMessage(m: { _id: string; communityId: string; title: string; startsAt: Date; place: string }): CouncilMessage {
  return {
    kind: 'council.agenda',
    communityId: m.communityId,
    childId: null,
    title: `📣 议事会开会啦：${m.title}`,
    body: `${formatShanghai(m.startsAt, 'M月D日 HH:mm')} 在 ${m.place}。点开看看要讨论什么。`,
    page: `${COUNCIL_PAGES.meeting}?meetingId=${m._id}`,
    subscribe: {
      templateId: COUNCIL_TEMPLATES.agenda,
      data: { thing1: thing(m.title), date2: formatShanghai(m.startsAt, 'YYYY-MM-DD HH:mm'), thing3: thing(m.place) },
    },
  }
}

/** To the guardian: membership approved. */
export function approvedMessage(m: { _id: string; communityId: string; childId: string; alias: string }): CouncilMessage {
  return {
    kind: 'council.member',
    communityId: m.communityId,
    childId: m.childId,
    title: `🎉 ${m.alias}加入儿童议事会啦`,
    body: '现在可以提建议、参加议事会了。',
    page: COUNCIL_PAGES.home,
    subscribe: null,
  }
}

/** To the child and guardian: the resident proposal made from the council's decision is done. */
export function doneMessage(p: { _id: string; communityId: string; childId: string; alias: string; idea: string }): CouncilMessage {
  return {
    kind: 'council.done',
    communityId: p.communityId,
    childId: p.childId,
    title: `🎉 ${p.alias}，你的主意办好啦`,
    body: `「${p.idea}」社区已经办完了，去看看吧！`,
    page: proposalPage(p._id),
    subscribe: null,
  }
}
