import type { Result } from '@/lib/cloud'

/** Meeting mode's one tap → one write → toast → reload (taps during a write are ignored, the buttons show it). */
export type MeetingAct = (work: () => Promise<Result<unknown>>, done: string) => Promise<void>

/**
 * What staff have typed or switched on the meeting phone. The page holds it, so a reload that fails (the error view
 * replaces the page's parts) loses none of it. Each agenda item has its own 不记名 switch and its own 决定 draft, by
 * item id; a recorded decision clears its item's draft.
 */
export type MeetingDrafts = {
  /** agenda item id → its 不记名 switch (off when missing) */
  secret: Record<string, boolean>
  /** agenda item id → its 决定 as typed so far (empty when missing) */
  decision: Record<string, string>
  freeTitle: string
  /** the server's words for the free topic ("请填写议题"), shown at its field */
  freeError: string
  summary: string
  nextSteps: string
}

export const NO_DRAFTS: MeetingDrafts = { secret: {}, decision: {}, freeTitle: '', freeError: '', summary: '', nextSteps: '' }

export type SetDraft = <K extends keyof MeetingDrafts>(key: K, value: MeetingDrafts[K]) => void

/** The drafts kept per agenda item. */
export type ItemDraftKey = 'secret' | 'decision'

/** Set one agenda item's draft, leaving every other item's as it is. */
export type SetItemDraft = <K extends ItemDraftKey>(key: K, itemId: string, value: MeetingDrafts[K][string]) => void
