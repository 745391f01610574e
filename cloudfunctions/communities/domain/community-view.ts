/** Read models of the communities function. */
import type {
  ChildDoc,
  ChildView,
  CommunityDoc,
  CommunityView,
  MembershipDoc,
  MembershipView,
  PersonDoc,
  ProfileView,
} from '../../../types/index'
import { canManageCommunity, roleIn, type Viewer } from '../../_kernel/permissions'
import { childAge } from './membership-rules'
import { canAddStaff, canCreatePoster, canJoinCommunity } from './permissions'

export function toCommunityView(community: CommunityDoc, viewer: Viewer): CommunityView {
  const role = roleIn(viewer, community._id)
  return {
    communityId: community._id,
    code: community.code,
    name: community.name,
    district: community.district,
    street: community.street,
    memberCount: community.memberCount ?? 0,
    posterFileId: community.posterFileId ?? null,
    viewer: {
      role,
      isMember: role !== null,
      canJoin: canJoinCommunity(viewer, community._id),
      canManage: canManageCommunity(viewer, community._id),
      canAddStaff: canAddStaff(viewer, community._id),
      canCreatePoster: canCreatePoster(viewer, community._id),
    },
  }
}

export const toMembershipView = (m: MembershipDoc): MembershipView => ({
  communityId: m.communityId,
  role: m.role,
  joinedAt: m.joinedAt.toISOString(),
})

export const toChildView = (child: ChildDoc, now: Date): ChildView => ({
  childId: child._id,
  communityId: child.communityId,
  alias: child.alias,
  birthYear: child.birthYear,
  age: childAge(child.birthYear, now),
  hasOwnAccount: !!child.openid,
})

export function toProfileView(
  person: PersonDoc | null,
  children: ChildDoc[],
  avatarUrl: string | null,
  now: Date,
  ownChild: ChildDoc | null = null,
): ProfileView {
  return {
    nickname: person?.nickname ?? null,
    avatarFileId: person?.avatarFileId ?? null,
    avatarUrl: person?.avatarFileId ? avatarUrl || null : null,
    isDistrictAdmin: person?.isDistrictAdmin === true,
    isChild: person?.isChild === true,
    children: children.map((c) => toChildView(c, now)),
    ownChild: person?.isChild === true && ownChild ? toChildView(ownChild, now) : null,
  }
}
