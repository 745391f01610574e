/**
 * Stored document shapes (what the cloud database holds). Not sent to clients as is — functions map them to the
 * read models in communities.ts / notices.ts. Instants are Dates. Field names: createdAt, updatedAt, createdBy, communityId.
 */
import type { CommunityRole } from './communities'
import type { NoticeCategory, NoticeModeration, NoticeStatus } from './notices'

export interface CommunityDoc {
  _id: string
  code: string
  name: string
  district: string
  street: string
  memberCount: number
  posterFileId: string | null
  createdAt: Date
  updatedAt: Date
}

/** `_id` = openid. */
export interface PersonDoc {
  _id: string
  nickname: string | null
  avatarFileId: string | null
  isDistrictAdmin: boolean
  /** a child's own identity (linked from a guardian's children record) */
  isChild: boolean
  createdAt: Date
  updatedAt: Date
}

/** `_id` = `${communityId}_${openid}`: one membership per person and community. */
export interface MembershipDoc {
  _id: string
  communityId: string
  openid: string
  role: CommunityRole
  joinedAt: Date
  createdAt: Date
  updatedAt: Date
}

/** A child linked by a guardian: alias and birth year only. */
export interface ChildDoc {
  _id: string
  guardianOpenid: string
  communityId: string
  alias: string
  birthYear: number
  /** the child's own openid when the child has one (demo-child); null otherwise */
  openid: string | null
  createdAt: Date
  updatedAt: Date
}

export interface NoticeDoc {
  _id: string
  communityId: string
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  status: NoticeStatus
  /** when a published notice becomes visible; null for drafts */
  publishAt: Date | null
  expiresAt: Date | null
  moderation: NoticeModeration
  readCount: number
  createdBy: string
  updatedBy: string
  createdAt: Date
  updatedAt: Date
}

/** `_id` = `${noticeId}_${openid}`: counts a person's read once. */
export interface NoticeReadDoc {
  _id: string
  noticeId: string
  communityId: string
  openid: string
  readAt: Date
}
