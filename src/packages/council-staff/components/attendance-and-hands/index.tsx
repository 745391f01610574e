import { Button, Text, View } from '@tarojs/components'
import type { MeetingView } from 'types/council'
import { councilStaffApi } from '../../api'
import type { MeetingAct } from '../../lib/meeting-mode'
import SpeakerTimer from '../speaker-timer'

/**
 * 签到 · 举手 while the meeting runs: who speaks now (with the timer), 下一位发言, the 举手 queue; every member with
 * 签到 / 取消 and, once present, 举手; 全部签到.
 */
export default function AttendanceAndHands(props: {
  meetingId: string
  staff: NonNullable<MeetingView['staff']>
  busy: boolean
  act: MeetingAct
}) {
  const { meetingId: id, staff, busy, act } = props
  const present = new Set(staff.present.map((m) => m.memberId))
  const speaking = staff.speaking
  return (
    <View className='yb-card council-attendance'>
      <View className='yb-section-title'>签到 · 举手</View>
      {speaking.current && (
        <View className='council-speaking'>
          🎤 {speaking.current.label} <SpeakerTimer since={speaking.current.since} seconds={speaking.seconds} />
        </View>
      )}
      <Button
        className='yb-btn yb-btn--primary council-next'
        disabled={busy}
        onClick={() => act(() => councilStaffApi.nextSpeaker(id), '下一位')}
      >
        下一位发言
      </Button>
      {speaking.queue.map((q) => (
        <View key={q.memberId} className='yb-small'>
          ✋ {q.label}（已发言 {q.turns} 次）
        </View>
      ))}
      {staff.members.map((m) => (
        <View key={m.memberId!} className='yb-row council-attend-row'>
          <Text>
            {present.has(m.memberId) ? '✅' : '⬜'} {m.label}
          </Text>
          <View className='yb-spacer' />
          <Button
            size='mini'
            className='yb-btn council-attend'
            disabled={busy}
            onClick={() =>
              act(
                () => councilStaffApi.attendance({ meetingId: id, memberIds: [m.memberId!], present: !present.has(m.memberId) }),
                present.has(m.memberId) ? '已取消签到' : '已签到',
              )
            }
          >
            {present.has(m.memberId) ? '取消' : '签到'}
          </Button>
          {present.has(m.memberId) && (
            <Button
              size='mini'
              className='yb-btn council-raise-hand'
              disabled={busy}
              onClick={() => act(() => councilStaffApi.raiseHand(id, m.memberId!), '已举手')}
            >
              举手
            </Button>
          )}
        </View>
      ))}
      <Button
        className='yb-btn council-attend-all'
        disabled={busy}
        onClick={() =>
          act(
            () => councilStaffApi.attendance({ meetingId: id, memberIds: staff.members.map((m) => m.memberId!), present: true }),
            '全部签到',
          )
        }
      >
        全部签到
      </Button>
    </View>
  )
}
