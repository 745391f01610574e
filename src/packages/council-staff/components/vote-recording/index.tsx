import { Button, Text, View } from '@tarojs/components'
import { VOTE_CHOICES, VOTE_CHOICE_LABEL } from 'types/index'
import type { AgendaItemView, MeetingView } from 'types/council'
import { councilStaffApi } from '../../api'
import type { MeetingAct } from '../../lib/meeting-mode'

export type VoteChoice = (typeof VOTE_CHOICES)[number]

/**
 * 投票中: the vote of one item recorded on the shared staff phone, member by member among those present; a row says
 * 已记录 once this phone has sent its vote (with the choice unless the vote is secret). 结束投票 closes it.
 */
export default function VoteRecording(props: {
  meetingId: string
  item: AgendaItemView
  vote: NonNullable<AgendaItemView['vote']>
  present: NonNullable<MeetingView['staff']>['present']
  /** `${itemId}_${memberId}` → the choice this phone recorded */
  recorded: Record<string, string>
  busy: boolean
  act: MeetingAct
  onVote: (itemId: string, memberId: string, choice: VoteChoice, alias: string) => Promise<void>
}) {
  const { item: i, vote, present, busy } = props
  return (
    <View>
      <View className='yb-small'>
        投票中{vote.secret ? '（不记名）' : ''} · 已投 {vote.votedCount ?? 0} 人
      </View>
      {present.length === 0 && <View className='yb-small'>还没有人签到：先在下面「签到 · 举手」里签到</View>}
      {present.map((m) => {
        const done = props.recorded[`${i.itemId}_${m.memberId}`]
        return (
          <View key={m.memberId!} className='yb-row council-vote-row'>
            <Text>{m.label}</Text>
            <View className='yb-spacer' />
            {done ? (
              <Text className='yb-tag council-vote-recorded'>✓ 已记录{vote.secret ? '' : `：${done}`}</Text>
            ) : (
              VOTE_CHOICES.map((c) => (
                <Button
                  key={c}
                  size='mini'
                  className={`yb-btn council-vote-${c}`}
                  disabled={busy}
                  onClick={() => props.onVote(i.itemId, m.memberId!, c, m.alias)}
                >
                  {VOTE_CHOICE_LABEL[c]}
                </Button>
              ))
            )}
          </View>
        )
      })}
      <Button
        className='yb-btn yb-btn--primary council-close-vote'
        disabled={busy}
        onClick={() => props.act(() => councilStaffApi.closeVote(props.meetingId, i.itemId), '投票结束')}
      >
        结束投票
      </Button>
    </View>
  )
}
