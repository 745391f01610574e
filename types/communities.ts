import { z } from 'zod'
import { communityCodeSchema, communityIdSchema, fileIdSchema, idSchema, isoInstantSchema, openidSchema } from './ids'
import { CHILD_LINK_CODE_PATTERN, SHARE_CODE_PATTERN } from './patterns'
import { shownText } from './text'

/** Roles a person holds in one community. The district admin is a person-level flag over all communities. */
export const COMMUNITY_ROLES = ['resident', 'staff'] as const
export const communityRoleSchema = z.enum(COMMUNITY_ROLES)
export type CommunityRole = z.infer<typeof communityRoleSchema>

/** Oldest and youngest ages a guardian may link as a child (minors; PIPL treats under-14s as sensitive). */
export const CHILD_MIN_AGE = 0
export const CHILD_MAX_AGE = 17
export const MAX_CHILDREN_PER_GUARDIAN = 6

/** A child-account link code: 6 characters without look-alikes (no 0/O, 1/I/L), valid 10 minutes, used once. */
export { CHILD_LINK_CODE_ALPHABET, CHILD_LINK_CODE_LENGTH } from './patterns'
export const CHILD_LINK_CODE_TTL_MINUTES = 10
export const childLinkCodeSchema = z
  .string()
  .max(32)
  .transform((v) => v.trim().toUpperCase())
  .pipe(z.string().regex(CHILD_LINK_CODE_PATTERN, '无效的绑定码'))

// ---------- read models ----------

export const communityViewSchema = z.object({
  communityId: communityIdSchema,
  code: communityCodeSchema,
  name: z.string(),
  district: z.string(),
  street: z.string(),
  memberCount: z.number().int(),
  posterFileId: z.string().nullable(),
  viewer: z.object({
    role: communityRoleSchema.nullable(),
    isMember: z.boolean(),
    canJoin: z.boolean(),
    /** staff of this community or district admin: notices, poster, staff list */
    canManage: z.boolean(),
    canAddStaff: z.boolean(),
    canCreatePoster: z.boolean(),
  }),
})
export type CommunityView = z.infer<typeof communityViewSchema>

export const membershipViewSchema = z.object({
  communityId: communityIdSchema,
  role: communityRoleSchema,
  joinedAt: isoInstantSchema,
})
export type MembershipView = z.infer<typeof membershipViewSchema>

export const childViewSchema = z.object({
  childId: z.string(),
  communityId: communityIdSchema,
  alias: z.string(),
  birthYear: z.number().int(),
  age: z.number().int(),
  /** the child's own WeChat account is linked (never which account); shown only to the guardian and the child */
  hasOwnAccount: z.boolean(),
})
export type ChildView = z.infer<typeof childViewSchema>

export const profileViewSchema = z.object({
  nickname: z.string().nullable(),
  avatarFileId: z.string().nullable(),
  /** temporary https URL of the avatar (valid a few hours), null without avatar */
  avatarUrl: z.string().nullable(),
  isDistrictAdmin: z.boolean(),
  isChild: z.boolean(),
  children: z.array(childViewSchema),
  /** a child's own account: the child it is (alias, age, community), for the child's home; null for everyone else */
  ownChild: childViewSchema.nullable(),
})
export type ProfileView = z.infer<typeof profileViewSchema>

export const memberViewSchema = z.object({
  openid: z.string(),
  nickname: z.string().nullable(),
  role: communityRoleSchema,
  joinedAt: isoInstantSchema,
})
export type MemberView = z.infer<typeof memberViewSchema>

// ---------- inputs and outputs per action ----------

export const nicknameSchema = shownText({ max: 20, scene: 'profile', empty: '请填写昵称', tooLong: '昵称最多 20 个字' })

/** Exactly one of `communityId` or `code` (the code from a scanned QR scene). */
export const getCommunityInput = z
  .strictObject({ communityId: communityIdSchema.optional(), code: communityCodeSchema.optional() })
  .refine((v) => (v.communityId === undefined) !== (v.code === undefined), { message: '请提供 communityId 或 code 其中之一' })
export const joinCommunityInput = z.strictObject({ code: communityCodeSchema })
export const joinCommunityOutput = z.object({
  community: communityViewSchema,
  membership: membershipViewSchema,
  /** false when the caller was already a member (joining again changes nothing) */
  joined: z.boolean(),
})
export const myCommunitiesInput = z.strictObject({})
export const myCommunitiesOutput = z.object({
  isDistrictAdmin: z.boolean(),
  communities: z.array(z.object({ community: communityViewSchema, role: communityRoleSchema, joinedAt: isoInstantSchema })),
  /** every community, for a district admin (who manages all); [] for everyone else */
  administered: z.array(communityViewSchema),
})
export const profileInput = z.strictObject({})
export const setProfileInput = z.strictObject({ nickname: nicknameSchema, avatarFileId: fileIdSchema.optional() })
export const addStaffInput = z.strictObject({ communityId: communityIdSchema, openid: openidSchema })
export const addStaffOutput = z.object({ openid: z.string(), membership: membershipViewSchema })
export const listMembersInput = z.strictObject({ communityId: communityIdSchema, limit: z.number().int().min(1).max(100).optional() })
export const listMembersOutput = z.object({ members: z.array(memberViewSchema) })
/**
 * The community's poster (scene `c=<code>`: join), or with `noticeId` or `eventId` a poster of that notice or event
 * (scene `s=<share code>`: 首页 opens the notice or event itself — share_codes, docs/decisions/0100).
 */
export const createPosterInput = z
  .strictObject({
    communityId: communityIdSchema,
    regenerate: z.boolean().optional(),
    noticeId: idSchema.optional(),
    eventId: idSchema.optional(),
  })
  .refine((v) => !(v.noticeId && v.eventId), { message: '一张海报只能是一条通知或一个活动', path: ['eventId'] })
export const shareTargetSchema = z.object({ kind: z.enum(['notice', 'event']), id: z.string(), title: z.string() })
export const createPosterOutput = z.object({
  fileId: z.string(),
  url: z.string(),
  scene: z.string(),
  page: z.string(),
  /** false when a stored poster was reused */
  generated: z.boolean(),
  /** the notice or event the code opens; null on the community's own poster */
  target: shareTargetSchema.nullable(),
})
/** What a poster's share code (scene `s=<code>`) opens: anyone signed in may ask (the page then shows what they may see). */
export const openShareCodeInput = z.strictObject({ code: z.string().regex(SHARE_CODE_PATTERN, '无效的二维码') })
export const openShareCodeOutput = z.object({ communityId: z.string(), kind: z.enum(['notice', 'event']), id: z.string() })
export const addChildInput = z.strictObject({
  communityId: communityIdSchema,
  alias: shownText({ max: 10, scene: 'profile', empty: '请填写称呼', tooLong: '称呼最多 10 个字' }),
  birthYear: z.number().int().min(1990).max(2100),
})
export const createChildLinkCodeInput = z.strictObject({ childId: idSchema })
/**
 * The same code as a mini-program code (wxacode.getUnlimited, scene `k=<code>`, opening 首页) for the child to scan:
 * `image` is a `data:` URL (nothing is stored: the code is single-use and expires). null when WeChat made no image —
 * the typed code still works.
 */
export const childLinkQrSchema = z.object({ image: z.string().startsWith('data:image/'), scene: z.string(), page: z.string() })
export const createChildLinkCodeOutput = z.object({
  childId: z.string(),
  code: z.string(),
  expiresAt: isoInstantSchema,
  qr: childLinkQrSchema.nullable(),
})
export const linkChildAccountInput = z.strictObject({ code: childLinkCodeSchema })

export const communitiesContract = {
  get: { input: getCommunityInput, output: communityViewSchema },
  join: { input: joinCommunityInput, output: joinCommunityOutput },
  mine: { input: myCommunitiesInput, output: myCommunitiesOutput },
  profile: { input: profileInput, output: profileViewSchema },
  setProfile: { input: setProfileInput, output: profileViewSchema },
  addStaff: { input: addStaffInput, output: addStaffOutput },
  listMembers: { input: listMembersInput, output: listMembersOutput },
  createPoster: { input: createPosterInput, output: createPosterOutput },
  openShareCode: { input: openShareCodeInput, output: openShareCodeOutput },
  addChild: { input: addChildInput, output: childViewSchema },
  createChildLinkCode: { input: createChildLinkCodeInput, output: createChildLinkCodeOutput },
  linkChildAccount: { input: linkChildAccountInput, output: childViewSchema },
} as const

export type GetCommunityInput = z.input<typeof getCommunityInput>
export type JoinCommunityInput = z.input<typeof joinCommunityInput>
export type JoinCommunityOutput = z.infer<typeof joinCommunityOutput>
export type MyCommunitiesOutput = z.infer<typeof myCommunitiesOutput>
export type SetProfileInput = z.input<typeof setProfileInput>
export type AddStaffInput = z.input<typeof addStaffInput>
export type AddStaffOutput = z.infer<typeof addStaffOutput>
export type ListMembersInput = z.input<typeof listMembersInput>
export type ListMembersOutput = z.infer<typeof listMembersOutput>
export type CreatePosterInput = z.input<typeof createPosterInput>
export type CreatePosterOutput = z.infer<typeof createPosterOutput>
export type OpenShareCodeOutput = z.infer<typeof openShareCodeOutput>
export type AddChildInput = z.input<typeof addChildInput>
export type CreateChildLinkCodeInput = z.input<typeof createChildLinkCodeInput>
export type CreateChildLinkCodeOutput = z.infer<typeof createChildLinkCodeOutput>
export type ChildLinkQr = z.infer<typeof childLinkQrSchema>
export type LinkChildAccountInput = z.input<typeof linkChildAccountInput>
