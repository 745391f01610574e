import { useRef } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { MEETING_STATUS_LABEL, VOTE_CHOICES, VOTE_CHOICE_LABEL, formatShanghai, type VoteChoice } from 'types/index'
import type { CouncilMemberView, MeetingView } from 'types/council'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { errorCopy } from '@/lib/error-copy'
import { useLoadState } from '@/lib/use-load-state'
import { councilApi } from '../../api'
import '../index/index.scss'

type Data = { meeting: MeetingView; mine: CouncilMemberView[] }

async function load(meetingId: string): Promise<Result<Data>> {
  const meeting = await councilApi.agenda(meetingId)
  if (!meeting.ok) return meeting
  const members = await councilApi.members(meeting.data.communityId)
  return { ok: true, data: { meeting: meeting.data, mine: members.ok ? members.data.mine.filter((m) => m.status === 'approved') : [] } }
}

const EMOJI: Record<VoteChoice, string> = { yes: '👍', no: '👎', abstain: '🤐' }

/** A meeting's public agenda, results and minutes; members (through a guardian or their own account) raise a hand and vote. */
export default function CouncilMeetingPage() {
  const [state, run] = useLoadState<Data>()
  const meetingId = useRef('')
  const refresh = () => run(() => load(meetingId.current))
  useLoad((params) => {
    meetingId.current = params.meetingId ?? ''
  })
  useDidShow(() => {
    void refresh()
  })
  usePullDownRefresh(async () => {
    await refresh()
    Taro.stopPullDownRefresh()
  })
  if (state.kind === 'loading')
    return (
      <PageShell className='council council-meeting'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='council council-meeting'>
        <ErrorView error={state.error} onRetry={refresh} />
      </PageShell>
    )
  const { meeting, mine } = state.data
  const member = mine[0]
  const say = async (p: Promise<Result<unknown>>, done: string) => {
    const res = await p
    void Taro.showToast({ title: res.ok ? done : errorCopy(res.error), icon: 'none' })
    void refresh()
  }
  return (
    <PageShell className='council council-meeting'>
      <View className='yb-card'>
        <View className='yb-hero'>📅 {meeting.title}</View>
        <View className='yb-small'>
          {formatShanghai(meeting.startsAt, 'M月D日 HH:mm')} · {meeting.place} · {MEETING_STATUS_LABEL[meeting.status]}
        </View>
        {member && meeting.status === 'published' && (
          <Button
            className='yb-btn council__big'
            onClick={() => say(councilApi.raiseHand(meeting.meetingId, member.memberId), '举手啦，等主持人叫你')}
          >
            ✋ 举手（{member.alias}）
          </Button>
        )}
      </View>
      {meeting.items.map((i, n) => (
        <View key={i.itemId} className='yb-card council-item'>
          <View className='yb-title'>
            {n + 1}. {i.title}
          </View>
          <View className='yb-small'>
            {i.presenter ? `${i.presenter} 来讲 · ` : ''}
            {i.durationMinutes} 分钟
          </View>
          {i.vote?.status === 'open' && member && (
            <View className='yb-row yb-actions'>
              {VOTE_CHOICES.map((c) => (
                <Button
                  key={c}
                  className='yb-btn council__big'
                  onClick={() =>
                    say(councilApi.vote({ meetingId: meeting.meetingId, itemId: i.itemId, memberId: member.memberId, choice: c }), '投好啦')
                  }
                >
                  {EMOJI[c]} {VOTE_CHOICE_LABEL[c]}
                </Button>
              ))}
            </View>
          )}
          {i.vote?.status === 'closed' && i.vote.tally && (
            <View className='council-result'>
              {i.vote.secret ? '🔒 不记名投票' : '投票'}：👍 {i.vote.tally.yes} · 👎 {i.vote.tally.no} · 🤐 {i.vote.tally.abstain} ·{' '}
              {i.vote.quorumMet ? (i.vote.passed ? '✅ 通过' : '❌ 没通过') : '人数不够，不算数'}
            </View>
          )}
          {i.decision && (
            <View className='council__answer'>
              📌 决定：{i.decision.text}
              {i.decision.nextStep ? `；下一步：${i.decision.nextStep}` : ''}
            </View>
          )}
        </View>
      ))}
      {meeting.minutes && (
        <View className='yb-card council-minutes'>
          <View className='yb-title'>📝 会议纪要</View>
          <View>到会 {meeting.minutes.attendanceCount} 人</View>
          <Text>{meeting.minutes.summary}</Text>
          <View>接下来：{meeting.minutes.nextSteps}</View>
        </View>
      )}
    </PageShell>
  )
}
