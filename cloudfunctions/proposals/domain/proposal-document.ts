/**
 * The one home of a resident proposal document's shape (issue 5's `proposals` collection). Pure builders used by
 * every path that creates one: a resident's submission (proposals.submit) and a children's council decision handed
 * off into the residents' flow (council.recordDecision {handOff: true}). Counters, moderation state, project link
 * and timeline start the same way for both; only what differs is said here.
 */
import type { ProposalDoc, ProposalSettings, ProposalTimelineDoc } from '../../../types/index'
import { publication } from './proposal-rules'

export type NewProposalDoc = Omit<ProposalDoc, '_id'>

/** The name the council's hand-offs are shown under — never a child's alias. */
export const COUNCIL_AUTHOR_NAME = '儿童议事会'

const TITLE_MAX = 40
const DESCRIPTION_MAX = 1000

/** Every field at its starting value; `fields` says what this proposal is. */
function base(
  fields: Pick<
    ProposalDoc,
    | 'communityId'
    | 'title'
    | 'description'
    | 'category'
    | 'place'
    | 'photos'
    | 'anonymous'
    | 'authorName'
    | 'authorIsChild'
    | 'status'
    | 'moderation'
  > & {
    by: string
    now: Date
    timeline: ProposalTimelineDoc[]
  },
): NewProposalDoc {
  const { by, now, ...rest } = fields
  return {
    ...rest,
    isPublic: false,
    hidden: false,
    hiddenBy: null,
    reportCount: 0,
    supportCount: 0,
    commentCount: 0,
    supportUntil: null,
    thresholdReachedAt: null,
    answerDueAt: null,
    review: null,
    answer: null,
    finalAnsweredAt: null,
    projectId: null,
    createdBy: by,
    updatedBy: by,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  }
}

/**
 * A resident's submission: pending, or published at once (then listed, with supports open for the community's
 * window) — `status` comes from proposal-rules' initialStatus.
 */
export function submittedProposalDoc(p: {
  communityId: string
  title: string
  description: string
  category: string
  place: string | null
  photos: string[]
  anonymous: boolean
  authorName: string
  authorIsChild: boolean
  moderation: 'pass' | 'review'
  status: 'pending' | 'published'
  settings: Pick<ProposalSettings, 'supportWindowDays'>
  by: string
  now: Date
}): NewProposalDoc {
  const { settings, ...fields } = p
  const doc = base({ ...fields, timeline: [{ at: p.now, kind: 'submitted', text: null, audience: 'public' }] })
  if (p.status === 'published') {
    Object.assign(doc, publication(p.now, settings))
    doc.timeline.push({ at: p.now, kind: 'published', text: null, audience: 'public' })
  }
  return doc
}

/**
 * A children's council decision entering the residents' flow: already accepted and public (no support phase, no
 * supports), authored by 儿童议事会, so staff can turn it into a project and it shows in 项目清单 / 成效清单.
 */
export function councilDecisionProposalDoc(p: {
  communityId: string
  title: string
  description: string
  category: string
  decision: string
  by: string
  now: Date
}): NewProposalDoc {
  const doc = base({
    communityId: p.communityId,
    title: p.title.slice(0, TITLE_MAX),
    description: p.description.slice(0, DESCRIPTION_MAX),
    category: p.category,
    place: null,
    photos: [],
    anonymous: false,
    authorName: COUNCIL_AUTHOR_NAME,
    authorIsChild: true,
    status: 'accepted',
    moderation: 'pass',
    by: p.by,
    now: p.now,
    timeline: [
      { at: p.now, kind: 'published', text: '来自儿童议事会的决定', audience: 'public' },
      { at: p.now, kind: 'answered', text: p.decision, audience: 'public' },
    ],
  })
  return {
    ...doc,
    isPublic: true,
    publishedAt: p.now,
    review: { decision: 'publish', reason: null, at: p.now },
    answer: {
      decision: 'accepted',
      explanation: `儿童议事会决定：${p.decision}`.slice(0, DESCRIPTION_MAX),
      cost: null,
      dueDate: null,
      answeredAt: p.now,
    },
    finalAnsweredAt: p.now,
  }
}
