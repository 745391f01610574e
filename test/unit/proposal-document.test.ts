/** One home for a resident proposal document: the submission and the council hand-off share the shape. */
import { parseShanghai } from '../../types/index'
import {
  COUNCIL_AUTHOR_NAME,
  councilDecisionProposalDoc,
  submittedProposalDoc,
} from '../../cloudfunctions/proposals/domain/proposal-document'

const now = parseShanghai('2026-06-01 10:00')
const submission = {
  communityId: 'c',
  title: '修路灯',
  description: '路灯坏了',
  category: '环境',
  place: null,
  photos: [],
  anonymous: false,
  authorName: '张阿姨',
  authorIsChild: false,
  moderation: 'pass' as const,
  settings: { supportWindowDays: 30 },
  by: 'openid-1',
  now,
}

describe('proposal documents', () => {
  it('a pending submission is not public and has one timeline entry', () => {
    const doc = submittedProposalDoc({ ...submission, status: 'pending' })
    expect(doc).toMatchObject({
      status: 'pending',
      isPublic: false,
      publishedAt: null,
      supportUntil: null,
      supportCount: 0,
      createdBy: 'openid-1',
    })
    expect(doc.timeline.map((t) => t.kind)).toEqual(['submitted'])
  })
  it('a direct publication opens supports for the community’s window', () => {
    const doc = submittedProposalDoc({ ...submission, status: 'published' })
    expect(doc).toMatchObject({ status: 'published', isPublic: true, publishedAt: now })
    expect(doc.supportUntil!.getTime() - now.getTime()).toBe(30 * 86400_000)
    expect(doc.timeline.map((t) => t.kind)).toEqual(['submitted', 'published'])
  })
  it('a council hand-off is accepted and public, by 儿童议事会, with the same keys as a submission', () => {
    const doc = councilDecisionProposalDoc({
      communityId: 'c',
      title: 'x'.repeat(50),
      description: '孩子们的主意',
      category: '儿童友好',
      decision: '修滑梯',
      by: 'staff',
      now,
    })
    expect(doc).toMatchObject({
      status: 'accepted',
      isPublic: true,
      authorName: COUNCIL_AUTHOR_NAME,
      authorIsChild: true,
      supportUntil: null,
      finalAnsweredAt: now,
    })
    expect(doc.title).toHaveLength(40)
    expect(doc.answer).toMatchObject({ decision: 'accepted', explanation: '儿童议事会决定：修滑梯' })
    expect(Object.keys(doc).sort()).toEqual(Object.keys(submittedProposalDoc({ ...submission, status: 'pending' })).sort())
  })
})
