import type { Result } from '@/lib/cloud'

/** Meeting mode's one tap → one write → toast → reload (taps during a write are ignored, the buttons show it). */
export type MeetingAct = (work: () => Promise<Result<unknown>>, done: string) => Promise<void>

/**
 * What staff have typed or switched on the meeting phone. The page holds it, so a reload that fails (the error view
 * replaces the page's parts) loses none of it. One 不记名 switch and one 决定 field for the whole agenda.
 */
export type MeetingDrafts = {
  secret: boolean
  decision: string
  freeTitle: string
  /** the server's words for the free topic ("请填写议题"), shown at its field */
  freeError: string
  summary: string
  nextSteps: string
}

export const NO_DRAFTS: MeetingDrafts = { secret: false, decision: '', freeTitle: '', freeError: '', summary: '', nextSteps: '' }

export type SetDraft = <K extends keyof MeetingDrafts>(key: K, value: MeetingDrafts[K]) => void
