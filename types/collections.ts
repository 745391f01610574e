/** Every database collection (the same list as database/collections.json, where their indexes are declared). */
export const COLLECTIONS = {
  communities: 'communities',
  people: 'people',
  memberships: 'memberships',
  children: 'children',
  notices: 'notices',
  noticeReads: 'notice_reads',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]
