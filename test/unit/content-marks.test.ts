/**
 * The marks of the contract's text fields (types/text.ts): every text field of every action says who reads it —
 * `others` (the kernel checks it before the action runs) or `author`. The whole list is pinned here, so a new text
 * field is a conscious decision; and what a `review` verdict does on each action is pinned too (default refuse).
 */
import { contract, textFieldsOf } from '../../types/index'
import { moderationAfterEdit } from '../../cloudfunctions/_kernel/content-check'

const MARKS: Record<string, 'others' | 'author'> = {
  'communities.setProfile.nickname': 'others',
  'communities.addChild.alias': 'others',
  'notices.create.title': 'others',
  'notices.create.body': 'others',
  'notices.update.title': 'others',
  'notices.update.body': 'others',
  'proposals.submit.title': 'others',
  'proposals.submit.description': 'others',
  'proposals.submit.category': 'others',
  'proposals.submit.place': 'others',
  'proposals.update.title': 'others',
  'proposals.update.description': 'others',
  'proposals.update.category': 'others',
  'proposals.update.place': 'others',
  'proposals.list.category': 'author',
  'proposals.comment.body': 'others',
  'proposals.report.reason': 'others',
  'proposals.review.reason': 'others',
  'proposals.answer.explanation': 'others',
  'proposals.createProject.title': 'others',
  'proposals.createProject.summary': 'others',
  'proposals.createProject.owner': 'others',
  'proposals.updateProgress.text': 'others',
  'proposals.complete.outcome': 'others',
  'proposals.updateSettings.categories.*': 'others',
  'events.create.title': 'others',
  'events.create.description': 'others',
  'events.create.place': 'others',
  'events.update.title': 'others',
  'events.update.description': 'others',
  'events.update.place': 'others',
  'events.cancelEvent.reason': 'others',
  'events.rate.tags.*': 'others',
  'events.rate.comment': 'others',
  'events.proxySignUp.name': 'others',
  'events.closeAdjustment.note': 'others',
  'events.createSeries.title': 'others',
  'council.setup.name': 'others',
  'council.apply.alias': 'others',
  'council.submitProposal.noticed': 'others',
  'council.submitProposal.idea': 'others',
  'council.reviewProposal.note': 'others',
  'council.respond.text': 'others',
  'council.createMeeting.title': 'others',
  'council.createMeeting.place': 'others',
  'council.addAgendaItem.title': 'others',
  'council.addAgendaItem.presenterAlias': 'others',
  'council.recordDecision.text': 'others',
  'council.recordDecision.nextStep': 'others',
  'council.publishMinutes.summary': 'others',
  'council.publishMinutes.nextSteps': 'others',
  'search.search.q': 'author',
}

/** Actions where review-level text is kept out of sight instead of refused (a draft, `moderation: 'review'`). */
const HOLD = [
  'notices.create',
  'notices.update',
  'proposals.submit',
  'proposals.update',
  'proposals.comment',
  'proposals.answer',
  'proposals.createProject',
  'proposals.updateProgress',
  'proposals.complete',
  'events.create',
  'events.update',
  'events.rate',
  'council.submitProposal',
]

const entries = () =>
  Object.entries(contract).flatMap(([fn, actions]) =>
    Object.entries(actions as Record<string, { input: any; review?: string }>).map(([action, entry]) => ({
      name: `${fn}.${action}`,
      entry,
    })),
  )

describe('text marks', () => {
  it('every text field of every action is marked shown-to-others or author-only, as pinned', () => {
    const got: Record<string, string> = {}
    for (const { name, entry } of entries()) for (const f of textFieldsOf(entry.input)) got[`${name}.${f.path}`] = f.mark.audience
    expect(got).toEqual(MARKS)
  })
  it('review-level text: refused everywhere except the actions that keep it out of sight', () => {
    const hold = entries()
      .filter(({ entry }) => entry.review === 'hold')
      .map(({ name }) => name)
    expect(hold.sort()).toEqual([...HOLD].sort())
    for (const { name, entry } of entries())
      expect({ name, review: entry.review ?? 'refuse' }).toEqual({ name, review: HOLD.includes(name) ? 'hold' : 'refuse' })
  })
})

describe('moderationAfterEdit', () => {
  it('an edit of one field never clears the review verdict on a field kept from before', () => {
    expect(moderationAfterEdit('pass', 'review', true)).toBe('review')
    expect(moderationAfterEdit('pass', 'review', false)).toBe('pass') // every text replaced and checked
    expect(moderationAfterEdit('review', 'pass', false)).toBe('review')
    expect(moderationAfterEdit('pass', 'pass', true)).toBe('pass')
    expect(moderationAfterEdit('pass', undefined, true)).toBe('pass')
  })
})
