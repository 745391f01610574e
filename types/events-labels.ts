/**
 * Events as people read them (labels, 已报名 / 候补第 N 位, age bands) and the venue check-in scene. Split from
 * events-base.ts, which re-exports all of it, so that the weapp main package (the 活动 section on 首页, the scene
 * handling of 首页) carries these few lines and not every constant of the feature (docs/decisions/0007).
 */
import type { EventPhase, ParticipantKind, SignupStatus } from './events-base'
import { parseScene, sceneOf } from './scene'

/** The venue check-in scene `a=<code>` (wxacode scenes: ≤ 32 characters, no Chinese), read and made by types/scene.ts. */
export { VENUE_CODE_PATTERN } from './patterns'
export const venueScene = (code: string): string => sceneOf('venue', code)
/** `a=<code>` (raw or URI-encoded) → the venue code; null for anything else. */
export function parseVenueScene(raw: string | null | undefined): string | null {
  const scene = parseScene(raw)
  return scene?.kind === 'venue' ? scene.code : null
}

export const SIGNUP_STATUS_LABEL: Record<SignupStatus, string> = {
  registered: '已登记，待抽签',
  confirmed: '已报名',
  waitlisted: '候补',
  cancelled: '已取消',
}

export const PHASE_LABEL: Record<EventPhase, string> = {
  draft: '草稿',
  upcoming: '未开始报名',
  open: '报名中',
  closed: '报名已截止',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
}

export const KIND_LABEL: Record<ParticipantKind, string> = { self: '本人', child: '孩子', walk_in: '代报名' }

/** 已报名 / 候补第 N 位 / 已签到 / 待抽签 / 已取消 — one person's status on an event, as people read it. */
export function myStatusLabel(s: { status: SignupStatus; position: number | null; checkedIn: boolean }): string {
  if (s.status === 'confirmed' && s.checkedIn) return '已签到'
  if (s.status === 'waitlisted') return s.position ? `候补第 ${s.position} 位` : '候补中'
  return SIGNUP_STATUS_LABEL[s.status]
}

/** `1–12 岁` / `5 岁以上` / `不限年龄`. */
export function ageBandLabel(ageMin: number | null, ageMax: number | null): string {
  if (ageMin === null && ageMax === null) return '不限年龄'
  if (ageMin !== null && ageMax !== null) return `${ageMin}–${ageMax} 岁`
  if (ageMin !== null) return `${ageMin} 岁以上`
  return `${ageMax} 岁以下`
}
