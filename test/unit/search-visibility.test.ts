/**
 * Search shows a hit only where the caller could open it (docs/decisions/0070, 0102). Its rules
 * (cloudfunctions/search/domain/visibility.ts) stand on types/visibility.ts and the kernel, not on the other functions'
 * folders; this holds them equal to the owning functions' own read rules — notices' isVisibleToResidents, events'
 * canSeeEvent plus the content check, proposals' canSeeProposal — for every reader of the community and every state,
 * so a change to a domain's rule that search does not follow fails here.
 */
import { canReadCommunity, type Viewer } from '../../cloudfunctions/_kernel/permissions'
import { canSeeEvent, canManageEvent } from '../../cloudfunctions/events/domain/permissions'
import { isVisibleToResidents } from '../../cloudfunctions/notices/domain/notice-rules'
import { canSeeProposal } from '../../cloudfunctions/proposals/domain/permissions'
import { canSeeEventHit, canSeeNoticeHit, canSeeProposalHit } from '../../cloudfunctions/search/domain/visibility'
import { EVENT_STATUSES, NOTICE_STATUSES, OPEN_TO, PROPOSAL_STATUSES, type ProposalDoc } from '../../types/index'

const A = 'community-a'
const B = 'community-b'
const now = new Date('2026-05-01T02:00:00.000Z')
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000)
const viewer = (openid: string, roles: Viewer['roles'] = {}, extra: Partial<Viewer> = {}): Viewer => ({
  openid,
  isDistrictAdmin: false,
  isChild: false,
  roles,
  ...extra,
})
const everyone: Viewer[] = [
  viewer('resident-a', { [A]: 'resident' }),
  viewer('staff-a', { [A]: 'staff' }),
  viewer('child-a', { [A]: 'resident' }, { isChild: true }),
  viewer('admin', {}, { isDistrictAdmin: true }),
  viewer('staff-ab', { [A]: 'resident', [B]: 'staff' }),
  viewer('resident-b', { [B]: 'resident' }),
  viewer('staff-b', { [B]: 'staff' }),
]
/** search answers readers of the community only (AUTH.FORBIDDEN before any hit for the others) */
const readers = everyone.filter((v) => canReadCommunity(v, A))

test('the readers are the ones the rules must agree for', () => {
  expect(readers.map((v) => v.openid)).toEqual(['resident-a', 'staff-a', 'child-a', 'admin', 'staff-ab'])
})

test('notices: a hit is shown exactly when the notice is live', () => {
  const times = [null, at(-60), at(60)]
  for (const status of NOTICE_STATUSES)
    for (const publishAt of times)
      for (const expiresAt of times) {
        const n = { status, publishAt, expiresAt }
        expect(canSeeNoticeHit(n, now)).toBe(isVisibleToResidents(n, now))
      }
})

test('events: the same as canSeeEvent, minus what waits for the content check (seen by managers only)', () => {
  for (const v of readers)
    for (const status of EVENT_STATUSES)
      for (const openTo of OPEN_TO)
        for (const moderation of ['pass', 'review'] as const) {
          const e = { communityId: A, status, openTo, moderation }
          const expected = status !== 'draft' && canSeeEvent(v, e) && (moderation === 'pass' || canManageEvent(v, e))
          expect([v.openid, e, canSeeEventHit(v, e)]).toEqual([v.openid, e, expected])
        }
})

test('proposals: the same as canSeeProposal, for the author, other readers and managers, in every state', () => {
  for (const v of readers)
    for (const createdBy of ['resident-a', 'child-a', 'someone-else'])
      for (const status of PROPOSAL_STATUSES)
        for (const isPublic of [true, false])
          for (const hidden of [true, false]) {
            const p = {
              communityId: A,
              createdBy,
              status,
              isPublic,
              hidden,
              supportCount: 0,
              hiddenBy: null,
              supportUntil: null,
            } as Pick<
              ProposalDoc,
              'communityId' | 'createdBy' | 'status' | 'supportCount' | 'isPublic' | 'hidden' | 'hiddenBy' | 'supportUntil'
            >
            expect([v.openid, p, canSeeProposalHit(v, p)]).toEqual([v.openid, p, canSeeProposal(v, p)])
          }
})
