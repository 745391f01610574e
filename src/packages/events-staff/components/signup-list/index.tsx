import { Button, Text, View } from '@tarojs/components'
import type { EventView, SignupStatus, StaffSignup } from 'types/events'
import { KIND_LABEL } from 'types/events-base'
import { Empty } from '@/components/status-view'

const TABS: { status: SignupStatus; label: string }[] = [
  { status: 'confirmed', label: '已报名' },
  { status: 'waitlisted', label: '候补' },
  { status: 'registered', label: '待抽签' },
  { status: 'cancelled', label: '已取消' },
]

/** 本人 / 孩子 / "代报名 · 张阿姨": who the place is for, and that staff signed it up (never "代报名 · 代报名"). */
export function kindLine(s: { kind: keyof typeof KIND_LABEL; source?: string; displayName: string }): string {
  if (s.kind === 'walk_in') return `${KIND_LABEL.walk_in} · ${s.displayName}`
  return `${KIND_LABEL[s.kind]}${s.source === 'proxy' ? ' · 代报名' : ''}`
}

/** 报名名单: 已报名 / 候补 (in order) / 待抽签 / 已取消, with check-in state; cancel a place for someone. */
export default function SignupList(props: {
  event: EventView
  tab: SignupStatus
  signups: StaffSignup[]
  busy: boolean
  onTab: (status: SignupStatus) => void
  onCancel: (s: StaffSignup) => void
}) {
  const { event: e, tab, signups, busy } = props
  return (
    <>
      <View className='yb-chips'>
        {TABS.map((t) => (
          <View key={t.status} className={`yb-chip${tab === t.status ? ' yb-chip--on' : ''}`} onClick={() => props.onTab(t.status)}>
            {t.label}
          </View>
        ))}
      </View>
      {signups.length === 0 && <Empty title='还没有人报名' hint='可以把活动转发到居民群，或在下面为不用手机的居民代报名。' />}
      {signups.map((s) => (
        <View key={s.signupId} className='yb-card yb-row staff-signups__row'>
          {s.position !== null && <Text className='yb-tag yb-tag--pin'>第 {s.position} 位</Text>}
          <Text className='yb-title'>{s.displayName}</Text>
          <Text className='yb-tag yb-tag--muted signup-kind'>{kindLine(s)}</Text>
          {s.birthYear && <Text className='yb-small'>{s.birthYear} 年生</Text>}
          {s.checkedIn && <Text className='yb-tag'>已签到</Text>}
          {s.noShow && <Text className='yb-tag yb-tag--muted'>未到</Text>}
          <View className='yb-spacer' />
          {s.status !== 'cancelled' && e.status === 'published' && (
            <Button className='yb-btn' disabled={busy} onClick={() => props.onCancel(s)}>
              取消
            </Button>
          )}
        </View>
      ))}
    </>
  )
}
