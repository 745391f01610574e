/**
 * Walk one community's chain, in seq order as stored, against the head document. Pure.
 * The first entry that breaks the chain is named:
 *  - `removed`: a seq is missing (a gap, or the head is ahead of the last entry);
 *  - `reordered`: an entry's seq is out of order (or repeated), or it links to an entry stored after it;
 *  - `edited`: its fields no longer give its hash — or its hash was recomputed, so the next entry no longer links
 *    to it (or the head disagrees, for the last one).
 */
import { AUDIT_GENESIS, type AuditEntryDoc, type AuditHeadDoc, type VerifyAuditOutput } from '../../../types/index'
import { auditEntryId, entryHash } from '../../_kernel/audit'

type Bad = NonNullable<VerifyAuditOutput['firstBad']>

export function verifyChain(
  communityId: string,
  entries: AuditEntryDoc[],
  head: Pick<AuditHeadDoc, 'seq' | 'hash'> | null,
): VerifyAuditOutput {
  let prevHash = AUDIT_GENESIS
  let expected = 1
  const result = (firstBad: Bad | null, checked: number): VerifyAuditOutput => ({ communityId, checked, ok: firstBad === null, firstBad })
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]
    const selfOk = entryHash(e) === e.hash && e._id === auditEntryId(e.communityId, e.seq) && e.communityId === communityId
    if (e.seq > expected) {
      // a later entry sits where `expected` should be: removed, unless `expected` shows up further on (moved)
      const later = entries.slice(i + 1).find((x) => x.seq === expected)
      return result({ seq: expected, id: later?._id ?? null, problem: later ? 'reordered' : 'removed' }, i)
    }
    if (e.seq < expected) return result({ seq: e.seq, id: e._id, problem: 'reordered' }, i)
    // links to an entry stored after it: it was moved
    const movedUp = e.prevHash !== prevHash && entries.slice(i + 1).some((x) => x.hash === e.prevHash)
    if (movedUp) return result({ seq: e.seq, id: e._id, problem: 'reordered' }, i)
    if (!selfOk) return result({ seq: e.seq, id: e._id, problem: 'edited' }, i)
    if (e.prevHash !== prevHash) {
      // self-consistent but not linked to its predecessor: the predecessor was edited and its hash recomputed
      const prev = entries[i - 1]
      return result(prev ? { seq: prev.seq, id: prev._id, problem: 'edited' } : { seq: e.seq, id: e._id, problem: 'edited' }, i)
    }
    prevHash = e.hash
    expected++
  }
  const last = expected - 1
  if (head && head.seq > last) return result({ seq: last + 1, id: null, problem: 'removed' }, entries.length)
  if (head && head.seq === last && last > 0 && head.hash !== prevHash) {
    return result({ seq: last, id: entries[entries.length - 1]._id, problem: 'edited' }, entries.length)
  }
  if (!head && last > 0) return result({ seq: 1, id: entries[0]._id, problem: 'edited' }, entries.length)
  return result(null, entries.length)
}
