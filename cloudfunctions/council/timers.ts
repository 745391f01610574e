/**
 * The daily timer (config.json `daily`): delete former members' council data once their retention period has
 * passed, and tell children whose handed-off proposal the community has completed. Runs without a caller.
 */
import { COLLECTIONS } from '../../types/index'
import { makeLog, type Context } from '../_kernel/context'
import { collection } from '../_kernel/data'
import type { Platform } from '../_kernel/platform'
import { doneMessage } from './domain/messages'
import { eraseFormerMember } from './erase'
import { notify } from './notify'
import { getMember, listDueForPurge, listOpenHandoffs, recipientsOf } from './repo'

export async function runDaily(ctx: Context): Promise<{ purged: number; told: number }> {
  let purged = 0
  // page after page: each purged member leaves the due list (a run that cannot finish a page stops, and tomorrow's goes on)
  for (let page = 0; page < 50; page++) {
    const due = await listDueForPurge(ctx, ctx.now)
    for (const member of due) {
      await eraseFormerMember(ctx, member)
      purged++
    }
    if (due.length < 100) break
  }
  let told = 0
  const open = await listOpenHandoffs(ctx)
  const done = new Set(
    (await collection(ctx.db, COLLECTIONS.proposals).byIds(open.map((p) => p.handoff!.proposalId)))
      .filter((p) => p.status === 'completed')
      .map((p) => p._id),
  )
  for (const p of open) {
    if (!done.has(p.handoff!.proposalId)) continue
    const member = await getMember(ctx, p.memberId)
    if (member) await notify(ctx, await recipientsOf(ctx, [member]), `council.done:${p._id}`, doneMessage(p))
    await collection(ctx.db, COLLECTIONS.councilProposals).update(
      { _id: p._id, handoffOpen: true },
      { handoffOpen: false, 'handoff.doneNotifiedAt': ctx.now },
    )
    told++
  }
  return { purged, told }
}

export function timerContext(cloud: Platform, now = new Date()): Context {
  const db = cloud.database()
  return { openid: '', now, db, _: db.command, log: makeLog('council.timer'), platform: cloud, where: 'council.timer' }
}
