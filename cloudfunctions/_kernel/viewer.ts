/** Loads the caller as a Viewer: their person record and their memberships in the communities this call is about. */
import { COLLECTIONS, type MembershipDoc, type PersonDoc } from '../../types/index'
import type { Context } from './context'
import { collection } from './data'
import { mayHoldStaffRole, type Viewer } from './permissions'

export const membershipId = (communityId: string, openid: string) => `${communityId}_${openid}`

export async function loadViewer(ctx: Pick<Context, 'db' | 'openid'>, communityIds: string[] = []): Promise<Viewer> {
  const ids = [...new Set(communityIds)]
  const [person, memberships] = await Promise.all([
    collection(ctx.db, COLLECTIONS.people).byId(ctx.openid),
    collection(ctx.db, COLLECTIONS.memberships).byIds(ids.map((id) => membershipId(id, ctx.openid))),
  ])
  return viewerFrom(ctx.openid, person, memberships)
}

/** A child's account acts as a resident whatever the database says (`mayHoldStaffRole`, 0032). */
export function viewerFrom(openid: string, person: PersonDoc | null, memberships: MembershipDoc[]): Viewer {
  const staffAllowed = mayHoldStaffRole(person)
  const roles: Record<string, MembershipDoc['role']> = {}
  for (const m of memberships) if (m.openid === openid) roles[m.communityId] = m.role === 'staff' && !staffAllowed ? 'resident' : m.role
  return { openid, isDistrictAdmin: person?.isDistrictAdmin === true && staffAllowed, isChild: person?.isChild === true, roles }
}
