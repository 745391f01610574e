/** Every database collection (the same list as database/collections.json, where their indexes are declared). */
export const COLLECTIONS = {
  communities: 'communities',
  people: 'people',
  memberships: 'memberships',
  children: 'children',
  childLinks: 'child_links',
  childAccounts: 'child_accounts',
  notices: 'notices',
  noticeReads: 'notice_reads',
  proposals: 'proposals',
  proposalSupports: 'proposal_supports',
  proposalComments: 'proposal_comments',
  proposalReports: 'proposal_reports',
  proposalSettings: 'proposal_settings',
  projects: 'projects',
  inbox: 'inbox',
  /** fan-out jobs: messages to many recipients, delivered by a timer in batches (cloudfunctions/_kernel/outbox.ts) */
  fanout: 'fanout',
  events: 'events',
  eventSignups: 'event_signups',
  eventDraws: 'event_draws',
  eventRatings: 'event_ratings',
  eventTasks: 'event_tasks',
  eventSeries: 'event_series',
  councils: 'councils',
  councilMembers: 'council_members',
  councilProposals: 'council_proposals',
  councilMeetings: 'council_meetings',
  councilVotes: 'council_votes',
  councilBallots: 'council_ballots',
  auditLog: 'audit_log',
  auditHeads: 'audit_heads',
  insightsDaily: 'insights_daily',
  /** one entry per notice, event and proposal: its community and the bigrams of its title and text (search) */
  search: 'search',
  /** short codes for posters of a notice or an event: the scene `s=<code>` names one object (types/share.ts) */
  shareCodes: 'share_codes',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]
