/**
 * What people are told, as pure data for the kernel's deliver(): an inbox entry, and a subscribe message whose values
 * respect the platform's field limits (thing ≤ 20 characters, phrase ≤ 5 Chinese characters, time `YYYY-MM-DD HH:mm`).
 */
import {
  EVENT_PAGES,
  STATUS_PHRASE,
  SUBSCRIBE_TEMPLATES,
  formatShanghai,
  thingValue,
  type EventDoc,
  type SignupDoc,
} from '../../../types/index'
import type { Delivery } from '../../_kernel/inbox'

const detailPage = (e: Pick<EventDoc, '_id'>) => `${EVENT_PAGES.detail}?eventId=${e._id}`
const when = (d: Date) => formatShanghai(d, 'YYYY-MM-DD HH:mm')

function result(e: EventDoc, phrase: string, note: string, kind: string, title: string, body: string): Delivery {
  return {
    kind,
    communityId: e.communityId,
    title,
    body,
    page: detailPage(e),
    subscribe: { templateId: SUBSCRIBE_TEMPLATES.result, data: { thing1: thingValue(e.title), phrase2: phrase, thing3: thingValue(note) } },
  }
}

/** The first on the waitlist got the freed place. */
export const promotedMessage = (e: EventDoc, s: SignupDoc): Delivery =>
  result(
    e,
    STATUS_PHRASE.promoted,
    `${s.displayName}已录取，请准时参加`,
    'event.promoted',
    `候补成功：${e.title}`,
    `有人取消了报名，${s.displayName}已从候补转为正式名额。活动时间 ${when(e.startAt)}，地点 ${e.place}。不能参加请及时取消，把名额让给下一位。`,
  )

/** The lottery result for one person (one message per owner, naming each participant). */
export function drawnMessage(e: EventDoc, mine: Array<{ name: string; won: boolean; position: number | null }>): Delivery {
  const anyWon = mine.some((m) => m.won)
  const lines = mine.map((m) => (m.won ? `${m.name}：已录取` : `${m.name}：候补第 ${m.position} 位`))
  return result(
    e,
    anyWon ? STATUS_PHRASE.confirmed : STATUS_PHRASE.waitlisted,
    anyWon ? '请按时参加，不能来请提前取消' : '有人取消时按抽签顺序递补',
    'event.drawn',
    `抽签结果：${e.title}`,
    `${lines.join('；')}。抽签种子和过程已公开，可在活动页查看。`,
  )
}

export const cancelledMessage = (e: EventDoc, reason: string | null): Delivery => ({
  kind: 'event.cancelled',
  communityId: e.communityId,
  title: `活动取消：${e.title}`,
  body: `原定 ${when(e.startAt)} 在 ${e.place} 的活动已取消${reason ? `，原因：${reason}` : ''}。给你带来不便，请谅解。`,
  page: detailPage(e),
  subscribe: {
    templateId: SUBSCRIBE_TEMPLATES.cancelled,
    data: { thing1: thingValue(e.title), time2: when(e.startAt), thing3: thingValue(reason || '社区工作安排调整') },
  },
})

export const reminderMessage = (e: EventDoc): Delivery => ({
  kind: 'event.reminder',
  communityId: e.communityId,
  title: `明天见：${e.title}`,
  body: `活动将于 ${when(e.startAt)} 在 ${e.place} 开始，到场后扫签到码或出示票码签到。不能参加请提前取消。`,
  page: detailPage(e),
  subscribe: {
    templateId: SUBSCRIBE_TEMPLATES.reminder,
    data: {
      thing1: thingValue(e.title),
      time2: when(e.startAt),
      thing3: thingValue(e.place),
      thing4: thingValue('到场后请签到，不能来请提前取消'),
    },
  },
})

/** To staff: 80 % / 100 % of the places are taken. Inbox only. */
export const fullnessMessage = (e: EventDoc, level: '80' | '100'): Delivery => ({
  kind: 'event.alert',
  communityId: e.communityId,
  title: level === '100' ? `已满员：${e.title}` : `名额已过八成：${e.title}`,
  body:
    level === '100'
      ? `${e.capacity} 个名额已全部报满，后来的报名进入候补。需要加开名额可以在活动管理里修改。`
      : `已报名 ${e.confirmedCount} / ${e.capacity}。`,
  page: `${EVENT_PAGES.staffSignups}?eventId=${e._id}`,
  subscribe: null,
})

/** To staff: the ratings ask for an adjustment. Inbox only. */
export const adjustmentMessage = (e: EventDoc, average: number, count: number): Delivery => ({
  kind: 'event.adjustment',
  communityId: e.communityId,
  title: `评价偏低，请改进：${e.title}`,
  body: `${count} 位参加者的平均评分 ${average.toFixed(1)} 分（低于 3.5）。请了解原因、做出改进，并写一句公开说明“我们改进了…”。`,
  page: `${EVENT_PAGES.staffSignups}?eventId=${e._id}`,
  subscribe: null,
})
