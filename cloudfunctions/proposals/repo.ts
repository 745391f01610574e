/**
 * Reads and writes of the proposals function: the only place that knows its collections and query shapes.
 * Counters change only with `_.inc` in conditional updates; state changes are conditional updates on the status the
 * rule decided from (`where({_id, status: from})`), so two concurrent transitions never both apply.
 */
import {
  COLLECTIONS,
  DEFAULT_PROPOSAL_SETTINGS,
  type CommunityDoc,
  type ErrorCode,
  type InboxDoc,
  type PersonDoc,
  type ProjectDoc,
  type ProposalCommentDoc,
  type ProposalDoc,
  type ProposalReportDoc,
  type ProposalSettings,
  type ProposalSettingsDoc,
  type ProposalStatus,
  type ProposalSupportDoc,
  type ProposalTimelineDoc,
} from '../../types/index'
import type { Context } from '../_kernel/context'
import { collection, withTransaction, type Filter, type Update } from '../_kernel/data'
import { SUPPORTABLE_STATUSES } from './domain/proposal-rules'

type Ctx = Pick<Context, 'db' | '_' | 'audit'>

const proposals = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.proposals)
const supports = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.proposalSupports)
const comments = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.proposalComments)
const projects = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.projects)
const inbox = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.inbox)

export const supportId = (proposalId: string, openid: string) => `${proposalId}_${openid}`
export const reportId = (targetId: string, openid: string) => `${targetId}_${openid}`

// ---------- community, people, settings ----------

export const getCommunity = (ctx: Ctx, communityId: string): Promise<CommunityDoc | null> =>
  collection(ctx.db, COLLECTIONS.communities).byId(communityId)
export const getPerson = (ctx: Ctx, openid: string): Promise<PersonDoc | null> => collection(ctx.db, COLLECTIONS.people).byId(openid)

/** The community's settings: the stored ones over the defaults. */
export async function getSettings(ctx: Ctx, communityId: string): Promise<ProposalSettings> {
  const doc = await collection(ctx.db, COLLECTIONS.proposalSettings).byId(communityId)
  if (!doc) return { ...DEFAULT_PROPOSAL_SETTINGS, categories: [...DEFAULT_PROPOSAL_SETTINGS.categories] }
  return {
    categories: doc.categories ?? [...DEFAULT_PROPOSAL_SETTINGS.categories],
    review: doc.review ?? DEFAULT_PROPOSAL_SETTINGS.review,
    supportThreshold: doc.supportThreshold ?? DEFAULT_PROPOSAL_SETTINGS.supportThreshold,
    supportWindowDays: doc.supportWindowDays ?? DEFAULT_PROPOSAL_SETTINGS.supportWindowDays,
    answerDays: doc.answerDays ?? DEFAULT_PROPOSAL_SETTINGS.answerDays,
  }
}

export async function saveSettings(ctx: Ctx, communityId: string, settings: ProposalSettings, by: string, now: Date): Promise<void> {
  const doc: Omit<ProposalSettingsDoc, '_id'> = { communityId, ...settings, updatedBy: by, updatedAt: now }
  await collection(ctx.db, COLLECTIONS.proposalSettings).set(communityId, doc)
}

// ---------- proposals ----------

export const getProposal = (ctx: Ctx, proposalId: string): Promise<ProposalDoc | null> => proposals(ctx).byId(proposalId)
export const getProposals = (ctx: Ctx, ids: string[]): Promise<ProposalDoc[]> => proposals(ctx).byIds(ids)

export const insertProposal = (ctx: Ctx, doc: Omit<ProposalDoc, '_id'>): Promise<ProposalDoc> => proposals(ctx).insert(doc)

/**
 * A state change, applied only if the proposal is still in `from` (and matches `extra`): true if this call made it.
 * The timeline entry is appended in the same update.
 */
export async function transition(
  ctx: Ctx,
  proposalId: string,
  from: ProposalStatus,
  changes: Partial<Omit<ProposalDoc, '_id' | 'timeline'>>,
  entry: ProposalTimelineDoc | null,
  extra: Filter<ProposalDoc> = {},
): Promise<boolean> {
  const data: Update<ProposalDoc> = { ...changes, ...(entry ? { timeline: ctx._.push([entry]) } : {}) }
  return proposals(ctx).updateById(proposalId, data, { ...extra, status: from })
}

/** Fields that change without a status change (moderation, edits), guarded by `where`. */
export async function updateProposalWhere(
  ctx: Ctx,
  where: Filter<ProposalDoc> & { _id: string },
  data: Update<ProposalDoc>,
): Promise<boolean> {
  return (await proposals(ctx).update(where, data)) === 1
}

/** A page of a community's listed proposals, newest publication first. Index proposals_list. */
export async function listPublic(
  ctx: Ctx,
  communityId: string,
  filter: { status?: ProposalStatus; category?: string; before?: Date },
  limit: number,
): Promise<ProposalDoc[]> {
  const where: Filter<ProposalDoc> = { communityId, isPublic: true, hidden: false }
  if (filter.status) where.status = filter.status
  if (filter.category) where.category = filter.category
  if (filter.before) where.publishedAt = ctx._.lt(filter.before)
  return proposals(ctx).find(where, { orderBy: [['publishedAt', 'desc']], limit })
}

/** The caller's own proposals in a community, newest first, any state. Index proposals_author. */
export async function listByAuthor(ctx: Ctx, openid: string, communityId: string, limit: number): Promise<ProposalDoc[]> {
  return proposals(ctx).find({ createdBy: openid, communityId }, { orderBy: [['createdAt', 'desc']], limit: limit })
}

/** Proposals of a community in one status, oldest first (a queue). Index proposals_status. */
export async function listByStatus(ctx: Ctx, communityId: string, status: ProposalStatus, limit: number): Promise<ProposalDoc[]> {
  return proposals(ctx).find({ communityId, status }, { orderBy: [['createdAt', 'asc']], limit: limit })
}

/** Listed proposals that reports hid, waiting for a staff decision. Index proposals_list. */
export async function listHiddenByReports(ctx: Ctx, communityId: string, limit: number): Promise<ProposalDoc[]> {
  return proposals(ctx).find(
    { communityId, isPublic: true, hidden: true, hiddenBy: 'reports' },
    { orderBy: [['publishedAt', 'desc']], limit: limit },
  )
}

/** Every proposal that ever crossed its threshold, earliest deadline first. Index proposals_threshold. */
export async function listThresholdReached(ctx: Ctx, communityId: string, limit: number): Promise<ProposalDoc[]> {
  return proposals(ctx).find({ communityId, thresholdReachedAt: ctx._.neq(null) }, { orderBy: [['answerDueAt', 'asc']], limit: limit })
}

/** Listed proposals counted by status and category (one aggregate). Index proposals_list. */
export async function countListed(ctx: Ctx, communityId: string): Promise<{ status: ProposalStatus; category: string; count: number }[]> {
  return proposals(ctx).countBy({ communityId, isPublic: true, hidden: false }, ['status', 'category'])
}

// ---------- supports ----------

export async function hasSupported(ctx: Ctx, proposalId: string, openid: string): Promise<boolean> {
  return (await supports(ctx).byId(supportId(proposalId, openid))) !== null
}

/**
 * One support: the record first (deterministic _id — a second one fails), then the counter, only while supports are
 * open (status, not hidden, window). If the counter refused, the record is taken back; if an unsupport took it back
 * first (and decremented), the counter is restored. Either way: counter = number of records.
 * Returns 'added' | 'already' | 'closed'.
 */
export async function addSupport(
  ctx: Ctx,
  p: Pick<ProposalDoc, '_id' | 'communityId'>,
  openid: string,
  now: Date,
): Promise<'added' | 'already' | 'closed'> {
  const _ = ctx._
  const id = supportId(p._id, openid)
  const created = await supports(ctx).insertOnce({ _id: id, proposalId: p._id, communityId: p.communityId, openid, createdAt: now })
  if (!created) return 'already'
  const counted = await proposals(ctx).updateById(
    p._id,
    { supportCount: _.inc(1), updatedAt: now },
    { status: _.in([...SUPPORTABLE_STATUSES]), hidden: false, supportUntil: _.gte(now) },
  )
  if (counted) return 'added'
  if (!(await supports(ctx).removeById(id))) await proposals(ctx).updateById(p._id, { supportCount: _.inc(1) })
  return 'closed'
}

/** Take a support back: remove the record; only the call that removed it decrements. */
export async function removeSupport(ctx: Ctx, proposalId: string, openid: string, now: Date): Promise<boolean> {
  if (!(await supports(ctx).removeById(supportId(proposalId, openid)))) return false
  await proposals(ctx).updateById(proposalId, { supportCount: ctx._.inc(-1), updatedAt: now })
  return true
}

/**
 * Crossing the threshold, exactly once: only the update that finds `thresholdReachedAt: null` with enough supports
 * sets it (with the answer deadline and the timeline entry). True for the one caller that did.
 */
export async function markThresholdReached(
  ctx: Ctx,
  proposalId: string,
  threshold: number,
  now: Date,
  answerDueAt: Date,
): Promise<boolean> {
  const _ = ctx._
  const entry: ProposalTimelineDoc = { at: now, kind: 'threshold', text: `附议达到 ${threshold} 人，进入必答清单`, audience: 'public' }
  return proposals(ctx).updateById(
    proposalId,
    { thresholdReachedAt: now, answerDueAt, timeline: _.push([entry]) },
    { thresholdReachedAt: null, supportCount: _.gte(threshold), status: _.in([...SUPPORTABLE_STATUSES]) },
  )
}

/** Every supporter's openid (every page), for telling them an answer or an outcome. Index proposal_supports_proposal. */
export async function supporterOpenids(ctx: Ctx, proposalId: string): Promise<string[]> {
  const all: ProposalSupportDoc[] = await supports(ctx).all({ proposalId }, { orderBy: [['createdAt', 'asc']] })
  return all.map((s) => s.openid)
}

// ---------- comments ----------

export const getComment = (ctx: Ctx, commentId: string): Promise<ProposalCommentDoc | null> => comments(ctx).byId(commentId)

export const insertComment = (ctx: Ctx, doc: Omit<ProposalCommentDoc, '_id'>): Promise<ProposalCommentDoc> => comments(ctx).insert(doc)

/** A proposal's comments, oldest first (at most 100). Index proposal_comments_proposal. */
export async function listComments(ctx: Ctx, proposalId: string): Promise<ProposalCommentDoc[]> {
  return comments(ctx).find({ proposalId }, { orderBy: [['createdAt', 'asc']], limit: 100 })
}

/** Comments waiting for staff: content check said review, or reports hid them. */
export async function listCommentsForModeration(ctx: Ctx, communityId: string, limit: number): Promise<ProposalCommentDoc[]> {
  const [review, reported] = await Promise.all([
    comments(ctx).find({ communityId, moderation: 'review' }, { orderBy: [['createdAt', 'asc']], limit }),
    comments(ctx).find({ communityId, hiddenBy: 'reports' }, { orderBy: [['createdAt', 'asc']], limit }),
  ])
  const seen = new Set<string>()
  return [...review, ...reported].filter((c) => !seen.has(c._id) && (seen.add(c._id), true))
}

/** A comment's moderation fields, guarded by `where`; true if this call changed it. */
export async function updateCommentWhere(
  ctx: Ctx,
  where: Filter<ProposalCommentDoc> & { _id: string },
  data: Update<ProposalCommentDoc>,
): Promise<boolean> {
  return (await comments(ctx).update(where, data)) === 1
}

export async function bumpCommentCount(ctx: Ctx, proposalId: string, by: 1 | -1): Promise<void> {
  await proposals(ctx).updateById(proposalId, { commentCount: ctx._.inc(by) })
}

// ---------- reports ----------

/** One report per resident and target; true if this one is new (and counted on the target). */
export async function addReport(ctx: Ctx, report: ProposalReportDoc): Promise<boolean> {
  const created = await collection(ctx.db, COLLECTIONS.proposalReports).insertOnce(report)
  if (!created) return false
  const counted = { reportCount: ctx._.inc(1) }
  if (report.targetKind === 'proposal') await proposals(ctx).updateById(report.targetId, counted)
  else await comments(ctx).updateById(report.targetId, counted)
  return true
}

/** Hide by reports, exactly once: only while not hidden and with enough reports. */
export async function hideByReports(
  ctx: Ctx,
  kind: 'proposal' | 'comment',
  targetId: string,
  reportsToHide: number,
  now: Date,
): Promise<boolean> {
  const hide = { hidden: true, hiddenBy: 'reports', updatedAt: now } as const
  const when = { hidden: false, reportCount: ctx._.gte(reportsToHide) }
  return kind === 'proposal' ? proposals(ctx).updateById(targetId, hide, when) : comments(ctx).updateById(targetId, hide, when)
}

// ---------- projects ----------

export const getProject = (ctx: Ctx, projectId: string): Promise<ProjectDoc | null> => projects(ctx).byId(projectId)
export const getProjects = (ctx: Ctx, ids: string[]): Promise<ProjectDoc[]> => projects(ctx).byIds(ids)

/** A community's projects in one status, most recently changed first. Index projects_community. */
export async function listProjects(ctx: Ctx, communityId: string, status: ProjectDoc['status'], limit: number): Promise<ProjectDoc[]> {
  return projects(ctx).find({ communityId, status }, { orderBy: [['updatedAt', 'desc']], limit: limit })
}

export async function countProjects(ctx: Ctx, communityId: string, status: ProjectDoc['status']): Promise<number> {
  return projects(ctx).count({ communityId, status })
}

type TxnRefusal = { refused: ErrorCode; proposalId?: string }

/**
 * A project from accepted proposals, in one transaction: every proposal must still be accepted, in this community
 * and in no project; the project is created and each proposal moves to implementing. Retried on conflict.
 */
export async function createProjectTxn(ctx: Ctx, project: ProjectDoc, entry: ProposalTimelineDoc): Promise<{ ok: true } | TxnRefusal> {
  return withTransaction(ctx.db, async (tx): Promise<{ ok: true } | TxnRefusal> => {
    for (const id of project.proposalIds) {
      const p = await tx.collection(COLLECTIONS.proposals).get(id)
      if (!p || p.communityId !== project.communityId) return { refused: 'PROPOSAL.NOT_FOUND', proposalId: id }
      if (p.status !== 'accepted' || p.projectId) return { refused: 'PROPOSAL.INVALID_STATE', proposalId: id }
    }
    await tx.collection(COLLECTIONS.projects).insert(project)
    for (const id of project.proposalIds) {
      await tx.collection(COLLECTIONS.proposals).update(id, {
        status: 'implementing',
        projectId: project._id,
        updatedAt: project.createdAt,
        updatedBy: project.createdBy,
        timeline: ctx._.push([entry]),
      })
    }
    await ctx.audit?.inTx(tx, { objectId: project._id })
    return { ok: true as const }
  })
}

/** Progress on an active project: the percentage and a timeline entry, appended (never read-then-overwrite). */
export async function addProgress(ctx: Ctx, projectId: string, entry: ProjectDoc['timeline'][number], by: string): Promise<boolean> {
  return projects(ctx).updateById(
    projectId,
    { progress: entry.progress, timeline: ctx._.push([entry]), updatedAt: entry.at, updatedBy: by },
    { status: 'active' },
  )
}

/** Completing: the project (with its outcome) and each of its proposals, in one transaction. */
export async function completeProjectTxn(
  ctx: Ctx,
  projectId: string,
  outcome: NonNullable<ProjectDoc['outcome']>,
  by: string,
  proposalEntry: ProposalTimelineDoc,
): Promise<{ ok: true } | TxnRefusal> {
  const at = outcome.completedAt
  return withTransaction(ctx.db, async (tx): Promise<{ ok: true } | TxnRefusal> => {
    const project = await tx.collection(COLLECTIONS.projects).get(projectId)
    if (!project) return { refused: 'PROJECT.NOT_FOUND' }
    if (project.status !== 'active') return { refused: 'PROJECT.INVALID_STATE' }
    await tx.collection(COLLECTIONS.projects).update(projectId, {
      status: 'completed',
      progress: 100,
      outcome,
      completedAt: at,
      updatedAt: at,
      updatedBy: by,
      timeline: ctx._.push([{ at, text: `项目完成：${outcome.text}`, progress: 100, photo: outcome.photos[0] ?? null }]),
    })
    for (const id of project.proposalIds) {
      const p = await tx.collection(COLLECTIONS.proposals).get(id)
      if (!p || p.status !== 'implementing' || p.projectId !== projectId) continue
      await tx
        .collection(COLLECTIONS.proposals)
        .update(id, { status: 'completed', updatedAt: at, updatedBy: by, timeline: ctx._.push([proposalEntry]) })
    }
    await ctx.audit?.inTx(tx)
    return { ok: true as const }
  })
}

// ---------- inbox ----------

/** The person's newest inbox entries. Index inbox_openid. */
export async function listInbox(ctx: Ctx, openid: string, limit: number): Promise<InboxDoc[]> {
  return inbox(ctx).find({ openid }, { orderBy: [['createdAt', 'desc']], limit })
}

export async function countUnread(ctx: Ctx, openid: string): Promise<number> {
  return inbox(ctx).count({ openid, read: false })
}

export const getInboxItem = (ctx: Ctx, inboxId: string): Promise<InboxDoc | null> => inbox(ctx).byId(inboxId)

export async function markInboxRead(ctx: Ctx, inboxId: string, openid: string, now: Date): Promise<void> {
  await inbox(ctx).updateById(inboxId, { read: true, readAt: now }, { openid, read: false })
}

/** Which of these accounts are children's (person records with isChild), 100 at a time. */
export async function childAccountsAmong(ctx: Ctx, openids: string[]): Promise<Set<string>> {
  const ids = [...new Set(openids)]
  const out = new Set<string>()
  for (let i = 0; i < ids.length; i += 100) {
    for (const p of await collection(ctx.db, COLLECTIONS.people).byIds(ids.slice(i, i + 100))) if (p.isChild) out.add(p._id)
  }
  return out
}
