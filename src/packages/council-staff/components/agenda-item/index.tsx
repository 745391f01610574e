import { Button, Switch, Text, View } from '@tarojs/components'
import type { AgendaItemView, MeetingView } from 'types/council'
import { councilStaffApi } from '../../api'
import type { MeetingAct, MeetingDrafts, SetItemDraft } from '../../lib/meeting-mode'
import ItemDecision from '../item-decision'
import VoteRecording, { type VoteChoice } from '../vote-recording'
import VoteTally from '../vote-tally'

/**
 * One item of the agenda in meeting mode: its number, title, presenter and time, 上移 (until the meeting is closed);
 * then its vote — 不记名 and 开始投票, the vote being recorded, or the tally — and its decision.
 * The 不记名 switch and the 决定 field show this item's drafts, which the page keeps by item id.
 */
export default function AgendaItem(props: {
  meeting: MeetingView
  staff: NonNullable<MeetingView['staff']>
  item: AgendaItemView
  index: number
  drafts: MeetingDrafts
  setItemDraft: SetItemDraft
  /** `${itemId}_${memberId}` → the choice this phone recorded */
  recorded: Record<string, string>
  onVote: (itemId: string, memberId: string, choice: VoteChoice, alias: string) => Promise<void>
  busy: boolean
  act: MeetingAct
}) {
  const { meeting, item: i, index: n, setItemDraft, busy, act } = props
  const id = meeting.meetingId
  const secret = props.drafts.secret[i.itemId] ?? false
  const moveUp = () => {
    const ids = meeting.items.map((x) => x.itemId)
    ;[ids[n - 1], ids[n]] = [ids[n], ids[n - 1]]
    void act(() => councilStaffApi.reorder(id, ids), '已调整顺序')
  }
  return (
    <View className='yb-card council-staff-item'>
      <View className='yb-row'>
        <Text className='yb-title'>
          {n + 1}. {i.title}
        </Text>
        <View className='yb-spacer' />
        {n > 0 && meeting.status !== 'closed' && (
          <View className='yb-link' onClick={moveUp}>
            上移
          </View>
        )}
      </View>
      <View className='yb-small'>
        {i.presenter ?? '自由议题'} · {i.durationMinutes} 分钟
      </View>
      {meeting.status === 'published' && !i.vote && (
        <View className='yb-row yb-actions'>
          <Text className='yb-small'>不记名</Text>
          <Switch className='council-secret' checked={secret} onChange={(e) => setItemDraft('secret', i.itemId, e.detail.value)} />
          <Button
            className='yb-btn council-open-vote'
            disabled={busy}
            onClick={() => act(() => councilStaffApi.openVote({ meetingId: id, itemId: i.itemId, secret }), '开始投票')}
          >
            开始投票
          </Button>
        </View>
      )}
      {i.vote?.status === 'open' && (
        <VoteRecording
          meetingId={id}
          item={i}
          vote={i.vote}
          present={props.staff.present}
          recorded={props.recorded}
          busy={busy}
          act={act}
          onVote={props.onVote}
        />
      )}
      {i.vote?.status === 'closed' && i.vote.tally && (
        <VoteTally tally={i.vote.tally} quorumMet={i.vote.quorumMet} passed={i.vote.passed} />
      )}
      <ItemDecision
        meeting={meeting}
        item={i}
        decision={props.drafts.decision[i.itemId] ?? ''}
        onDecisionInput={(text) => setItemDraft('decision', i.itemId, text)}
        onDecided={() => setItemDraft('decision', i.itemId, '')}
        busy={busy}
        act={act}
      />
    </View>
  )
}
