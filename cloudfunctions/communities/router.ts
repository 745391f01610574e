import { communitiesContract } from '../../types/index'
import { audited } from '../_kernel/audit'
import { defineRouter } from '../_kernel/router'
import { addChild } from './actions/add-child'
import { addStaff } from './actions/add-staff'
import { createChildLinkCode } from './actions/create-child-link-code'
import { createPoster } from './actions/create-poster'
import { getCommunityAction } from './actions/get-community'
import { getProfile } from './actions/get-profile'
import { joinCommunity } from './actions/join-community'
import { linkChildAccount } from './actions/link-child-account'
import { listMembers } from './actions/list-members'
import { myCommunities } from './actions/my-communities'
import { openShareCode } from './actions/open-share-code'
import { setProfile } from './actions/set-profile'

export const router = defineRouter(communitiesContract, {
  get: getCommunityAction,
  join: joinCommunity,
  mine: myCommunities,
  profile: getProfile,
  setProfile,
  addStaff: audited('role-change', addStaff),
  listMembers,
  createPoster: audited('staff-write', createPoster),
  openShareCode,
  addChild,
  createChildLinkCode,
  linkChildAccount,
})
