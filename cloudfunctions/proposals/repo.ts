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
import { findById, findByIds, getInTransaction, insertOnce, updateWhere, withTransaction } from '../_kernel/db'
import { SUPPORTABLE_STATUSES } from './domain/proposal-rules'

type Ctx = Pick<Context, 'db' | '_'>

export const supportId = (proposalId: string, openid: string) => `${proposalId}_${openid}`
export const reportId = (targetId: string, openid: string) => `${targetId}_${openid}`

// ---------- community, people, settings ----------

export const getCommunity = (ctx: Ctx, communityId: string) => findById<CommunityDoc>(ctx.db, COLLECTIONS.communities, communityId)
export const getPerson = (ctx: Ctx, openid: string) => findById<PersonDoc>(ctx.db, COLLECTIONS.people, openid)

/** The community's settings: the stored ones over the defaults. */
export async function getSettings(ctx: Ctx, communityId: string): Promise<ProposalSettings> {
  const doc = await findById<ProposalSettingsDoc>(ctx.db, COLLECTIONS.proposalSettings, communityId)
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
  await ctx.db.collection(COLLECTIONS.proposalSettings).doc(communityId).set({ data: doc })
}

// ---------- proposals ----------

export const getProposal = (ctx: Ctx, proposalId: string) => findById<ProposalDoc>(ctx.db, COLLECTIONS.proposals, proposalId)
export const getProposals = (ctx: Ctx, ids: string[]) => findByIds<ProposalDoc>(ctx.db, COLLECTIONS.proposals, ids)

export async function insertProposal(ctx: Ctx, doc: Omit<ProposalDoc, '_id'>): Promise<ProposalDoc> {
  const res = (await ctx.db.collection(COLLECTIONS.proposals).add({ data: doc })) as { _id: string }
  return { ...doc, _id: res._id }
}

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
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const data: Record<string, unknown> = { ...changes }
  if (entry) data.timeline = ctx._.push([entry])
  return (await updateWhere(ctx.db, COLLECTIONS.proposals, { _id: proposalId, status: from, ...extra }, data)) === 1
}

/** Fields that change without a status change (moderation, edits), guarded by `where`. */
export async function updateProposalWhere(ctx: Ctx, where: Record<string, unknown> & { _id: string }, data: Record<string, unknown>): Promise<boolean> {
  return (await updateWhere(ctx.db, COLLECTIONS.proposals, where, data)) === 1
}

/** A page of a community's listed proposals, newest publication first. Index proposals_list. */
export async function listPublic(
  ctx: Ctx,
  communityId: string,
  filter: { status?: ProposalStatus; category?: string; before?: Date },
  limit: number,
): Promise<ProposalDoc[]> {
  const where: Record<string, unknown> = { communityId, isPublic: true, hidden: false }
  if (filter.status) where.status = filter.status
  if (filter.category) where.category = filter.category
  if (filter.before) where.publishedAt = ctx._.lt(filter.before)
  const res = (await ctx.db.collection(COLLECTIONS.proposals).where(where).orderBy('publishedAt', 'desc').limit(limit).get()) as { data: ProposalDoc[] }
  return res.data
}

/** The caller's own proposals in a community, newest first, any state. Index proposals_author. */
export async function listByAuthor(ctx: Ctx, openid: string, communityId: string, limit: number): Promise<ProposalDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.proposals)
    .where({ createdBy: openid, communityId })
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .get()) as { data: ProposalDoc[] }
  return res.data
}

/** Proposals of a community in one status, oldest first (a queue). Index proposals_status. */
export async function listByStatus(ctx: Ctx, communityId: string, status: ProposalStatus, limit: number): Promise<ProposalDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.proposals)
    .where({ communityId, status })
    .orderBy('createdAt', 'asc')
    .limit(limit)
    .get()) as { data: ProposalDoc[] }
  return res.data
}

/** Listed proposals that reports hid, waiting for a staff decision. Index proposals_list. */
export async function listHiddenByReports(ctx: Ctx, communityId: string, limit: number): Promise<ProposalDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.proposals)
    .where({ communityId, isPublic: true, hidden: true, hiddenBy: 'reports' })
    .orderBy('publishedAt', 'desc')
    .limit(limit)
    .get()) as { data: ProposalDoc[] }
  return res.data
}

/** Every proposal that ever crossed its threshold, earliest deadline first. Index proposals_threshold. */
export async function listThresholdReached(ctx: Ctx, communityId: string, limit: number): Promise<ProposalDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.proposals)
    .where({ communityId, thresholdReachedAt: ctx._.neq(null) })
    .orderBy('answerDueAt', 'asc')
    .limit(limit)
    .get()) as { data: ProposalDoc[] }
  return res.data
}

/** Listed proposals counted by status and category (one aggregate). Index proposals_list. */
export async function countListed(ctx: Ctx, communityId: string): Promise<{ status: ProposalStatus; category: string; count: number }[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.proposals)
    .aggregate()
    .match({ communityId, isPublic: true, hidden: false })
    .group({ _id: { status: '$status', category: '$category' }, count: { $sum: 1 } })
    .limit(1000)
    .end()) as { list: { _id: { status: ProposalStatus; category: string }; count: number }[] }
  return res.list.map((row) => ({ status: row._id.status, category: row._id.category, count: row.count }))
}

// ---------- supports ----------

export async function hasSupported(ctx: Ctx, proposalId: string, openid: string): Promise<boolean> {
  return (await findById<ProposalSupportDoc>(ctx.db, COLLECTIONS.proposalSupports, supportId(proposalId, openid))) !== null
}

/**
 * One support: the record first (deterministic _id — a second one fails), then the counter, only while supports are
 * open (status, not hidden, window). If the counter refused, the record is taken back; if an unsupport took it back
 * first (and decremented), the counter is restored. Either way: counter = number of records.
 * Returns 'added' | 'already' | 'closed'.
 */
export async function addSupport(ctx: Ctx, p: Pick<ProposalDoc, '_id' | 'communityId'>, openid: string, now: Date): Promise<'added' | 'already' | 'closed'> {
  const _ = ctx._
  const id = supportId(p._id, openid)
  const created = await insertOnce(ctx.db, COLLECTIONS.proposalSupports, { _id: id, proposalId: p._id, communityId: p.communityId, openid, createdAt: now })
  if (!created) return 'already'
  const counted = await updateWhere(
    ctx.db,
    COLLECTIONS.proposals,
    { _id: p._id, status: _.in([...SUPPORTABLE_STATUSES]), hidden: false, supportUntil: _.gte(now) },
    { supportCount: _.inc(1), updatedAt: now },
  )
  if (counted === 1) return 'added'
  const removed = (await ctx.db.collection(COLLECTIONS.proposalSupports).where({ _id: id }).remove()) as { stats?: { removed?: number } }
  if ((removed.stats?.removed ?? 0) === 0) await updateWhere(ctx.db, COLLECTIONS.proposals, { _id: p._id }, { supportCount: _.inc(1) })
  return 'closed'
}

/** Take a support back: remove the record; only the call that removed it decrements. */
export async function removeSupport(ctx: Ctx, proposalId: string, openid: string, now: Date): Promise<boolean> {
  const removed = (await ctx.db.collection(COLLECTIONS.proposalSupports).where({ _id: supportId(proposalId, openid) }).remove()) as {
    stats?: { removed?: number }
  }
  if ((removed.stats?.removed ?? 0) !== 1) return false
  await updateWhere(ctx.db, COLLECTIONS.proposals, { _id: proposalId }, { supportCount: ctx._.inc(-1), updatedAt: now })
  return true
}

/**
 * Crossing the threshold, exactly once: only the update that finds `thresholdReachedAt: null` with enough supports
 * sets it (with the answer deadline and the timeline entry). True for the one caller that did.
 */
export async function markThresholdReached(ctx: Ctx, proposalId: string, threshold: number, now: Date, answerDueAt: Date): Promise<boolean> {
  const _ = ctx._
  const entry: ProposalTimelineDoc = { at: now, kind: 'threshold', text: `附议达到 ${threshold} 人，进入必答清单`, audience: 'public' }
  return (
    (await updateWhere(
      ctx.db,
      COLLECTIONS.proposals,
      { _id: proposalId, thresholdReachedAt: null, supportCount: _.gte(threshold), status: _.in([...SUPPORTABLE_STATUSES]) },
      { thresholdReachedAt: now, answerDueAt, timeline: _.push([entry]) },
    )) === 1
  )
}

/** Every supporter's openid (paged by 100), for telling them an answer or an outcome. Index proposal_supports_proposal. */
export async function supporterOpenids(ctx: Ctx, proposalId: string, max = 5000): Promise<string[]> {
  const out: string[] = []
  for (let skip = 0; skip < max; skip += 100) {
    const res = (await ctx.db
      .collection(COLLECTIONS.proposalSupports)
      .where({ proposalId })
      .orderBy('createdAt', 'asc')
      .skip(skip)
      .limit(100)
      .get()) as { data: ProposalSupportDoc[] }
    out.push(...res.data.map((s) => s.openid))
    if (res.data.length < 100) break
  }
  return out
}

// ---------- comments ----------

export const getComment = (ctx: Ctx, commentId: string) => findById<ProposalCommentDoc>(ctx.db, COLLECTIONS.proposalComments, commentId)

export async function insertComment(ctx: Ctx, doc: Omit<ProposalCommentDoc, '_id'>): Promise<ProposalCommentDoc> {
  const res = (await ctx.db.collection(COLLECTIONS.proposalComments).add({ data: doc })) as { _id: string }
  return { ...doc, _id: res._id }
}

/** A proposal's comments, oldest first (at most 100). Index proposal_comments_proposal. */
export async function listComments(ctx: Ctx, proposalId: string): Promise<ProposalCommentDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.proposalComments)
    .where({ proposalId })
    .orderBy('createdAt', 'asc')
    .limit(100)
    .get()) as { data: ProposalCommentDoc[] }
  return res.data
}

/** Comments waiting for staff: content check said review, or reports hid them. */
export async function listCommentsForModeration(ctx: Ctx, communityId: string, limit: number): Promise<ProposalCommentDoc[]> {
  const [review, reported] = (await Promise.all([
    ctx.db.collection(COLLECTIONS.proposalComments).where({ communityId, moderation: 'review' }).orderBy('createdAt', 'asc').limit(limit).get(),
    ctx.db.collection(COLLECTIONS.proposalComments).where({ communityId, hiddenBy: 'reports' }).orderBy('createdAt', 'asc').limit(limit).get(),
  ])) as { data: ProposalCommentDoc[] }[]
  const seen = new Set<string>()
  return [...review.data, ...reported.data].filter((c) => !seen.has(c._id) && (seen.add(c._id), true))
}

/** A comment's moderation fields, guarded by `where`; true if this call changed it. */
export async function updateCommentWhere(ctx: Ctx, where: Record<string, unknown> & { _id: string }, data: Record<string, unknown>): Promise<boolean> {
  return (await updateWhere(ctx.db, COLLECTIONS.proposalComments, where, data)) === 1
}

export async function bumpCommentCount(ctx: Ctx, proposalId: string, by: 1 | -1): Promise<void> {
  await updateWhere(ctx.db, COLLECTIONS.proposals, { _id: proposalId }, { commentCount: ctx._.inc(by) })
}

// ---------- reports ----------

/** One report per resident and target; true if this one is new (and counted on the target). */
export async function addReport(ctx: Ctx, report: ProposalReportDoc): Promise<boolean> {
  const created = await insertOnce(ctx.db, COLLECTIONS.proposalReports, { ...report })
  if (!created) return false
  const collection = report.targetKind === 'proposal' ? COLLECTIONS.proposals : COLLECTIONS.proposalComments
  await updateWhere(ctx.db, collection, { _id: report.targetId }, { reportCount: ctx._.inc(1) })
  return true
}

/** Hide by reports, exactly once: only while not hidden and with enough reports. */
export async function hideByReports(ctx: Ctx, kind: 'proposal' | 'comment', targetId: string, reportsToHide: number, now: Date): Promise<boolean> {
  const collection = kind === 'proposal' ? COLLECTIONS.proposals : COLLECTIONS.proposalComments
  return (
    (await updateWhere(
      ctx.db,
      collection,
      { _id: targetId, hidden: false, reportCount: ctx._.gte(reportsToHide) },
      { hidden: true, hiddenBy: 'reports', updatedAt: now },
    )) === 1
  )
}

// ---------- projects ----------

export const getProject = (ctx: Ctx, projectId: string) => findById<ProjectDoc>(ctx.db, COLLECTIONS.projects, projectId)
export const getProjects = (ctx: Ctx, ids: string[]) => findByIds<ProjectDoc>(ctx.db, COLLECTIONS.projects, ids)

/** A community's projects in one status, most recently changed first. Index projects_community. */
export async function listProjects(ctx: Ctx, communityId: string, status: ProjectDoc['status'], limit: number): Promise<ProjectDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.projects)
    .where({ communityId, status })
    .orderBy('updatedAt', 'desc')
    .limit(limit)
    .get()) as { data: ProjectDoc[] }
  return res.data
}

export async function countProjects(ctx: Ctx, communityId: string, status: ProjectDoc['status']): Promise<number> {
  const res = (await ctx.db.collection(COLLECTIONS.projects).where({ communityId, status }).count()) as { total: number }
  return res.total
}

type TxnRefusal = { refused: ErrorCode; proposalId?: string }

/**
 * A project from accepted proposals, in one transaction: every proposal must still be accepted, in this community
 * and in no project; the project is created and each proposal moves to implementing. Retried on conflict.
 */
export async function createProjectTxn(
  ctx: Ctx,
  project: ProjectDoc,
  entry: ProposalTimelineDoc,
): Promise<{ ok: true } | TxnRefusal> {
  return withTransaction(ctx.db, async (t: any) => {
    for (const id of project.proposalIds) {
      const p = await getInTransaction<ProposalDoc>(t, COLLECTIONS.proposals, id)
      if (!p || p.communityId !== project.communityId) return { refused: 'PROPOSAL.NOT_FOUND', proposalId: id }
      if (p.status !== 'accepted' || p.projectId) return { refused: 'PROPOSAL.INVALID_STATE', proposalId: id }
    }
    const { _id, ...data } = project
    await t.collection(COLLECTIONS.projects).add({ data: { _id, ...data } })
    for (const id of project.proposalIds) {
      await t.collection(COLLECTIONS.proposals).doc(id).update({
        data: { status: 'implementing', projectId: project._id, updatedAt: project.createdAt, updatedBy: project.createdBy, timeline: ctx._.push([entry]) },
      })
    }
    return { ok: true as const }
  })
}

/** Progress on an active project: the percentage and a timeline entry, appended (never read-then-overwrite). */
export async function addProgress(ctx: Ctx, projectId: string, entry: ProjectDoc['timeline'][number], by: string): Promise<boolean> {
  return (
    (await updateWhere(
      ctx.db,
      COLLECTIONS.projects,
      { _id: projectId, status: 'active' },
      { progress: entry.progress, timeline: ctx._.push([entry]), updatedAt: entry.at, updatedBy: by },
    )) === 1
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
  return withTransaction(ctx.db, async (t: any) => {
    const project = await getInTransaction<ProjectDoc>(t, COLLECTIONS.projects, projectId)
    if (!project) return { refused: 'PROJECT.NOT_FOUND' }
    if (project.status !== 'active') return { refused: 'PROJECT.INVALID_STATE' }
    await t.collection(COLLECTIONS.projects).doc(projectId).update({
      data: {
        status: 'completed',
        progress: 100,
        outcome,
        completedAt: at,
        updatedAt: at,
        updatedBy: by,
        timeline: ctx._.push([{ at, text: `项目完成：${outcome.text}`, progress: 100, photo: outcome.photos[0] ?? null }]),
      },
    })
    for (const id of project.proposalIds) {
      const p = await getInTransaction<ProposalDoc>(t, COLLECTIONS.proposals, id)
      if (!p || p.status !== 'implementing' || p.projectId !== projectId) continue
      await t.collection(COLLECTIONS.proposals).doc(id).update({
        data: { status: 'completed', updatedAt: at, updatedBy: by, timeline: ctx._.push([proposalEntry]) },
      })
    }
    return { ok: true as const }
  })
}

// ---------- inbox ----------

/** The person's newest inbox entries. Index inbox_openid. */
export async function listInbox(ctx: Ctx, openid: string, limit: number): Promise<InboxDoc[]> {
  const res = (await ctx.db.collection(COLLECTIONS.inbox).where({ openid }).orderBy('createdAt', 'desc').limit(limit).get()) as { data: InboxDoc[] }
  return res.data
}

export async function countUnread(ctx: Ctx, openid: string): Promise<number> {
  const res = (await ctx.db.collection(COLLECTIONS.inbox).where({ openid, read: false }).count()) as { total: number }
  return res.total
}

export const getInboxItem = (ctx: Ctx, inboxId: string) => findById<InboxDoc>(ctx.db, COLLECTIONS.inbox, inboxId)

export async function markInboxRead(ctx: Ctx, inboxId: string, openid: string, now: Date): Promise<void> {
  await updateWhere(ctx.db, COLLECTIONS.inbox, { _id: inboxId, openid, read: false }, { read: true, readAt: now })
}

/** Which of these accounts are children's (person records with isChild), 100 at a time. */
export async function childAccountsAmong(ctx: Ctx, openids: string[]): Promise<Set<string>> {
  const ids = [...new Set(openids)]
  const out = new Set<string>()
  for (let i = 0; i < ids.length; i += 100) {
    for (const p of await findByIds<PersonDoc>(ctx.db, COLLECTIONS.people, ids.slice(i, i + 100))) if (p.isChild) out.add(p._id)
  }
  return out
}
