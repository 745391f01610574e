import { Button, Input, View } from '@tarojs/components'
import type { AgendaItemView, MeetingView } from 'types/council'
import { councilStaffApi } from '../../api'
import type { MeetingAct } from '../../lib/meeting-mode'

/**
 * An item's 决定: once recorded, the decision (and whether it went on to 居民议事); before that, while the meeting
 * runs and no vote is open, the field and 记录决定 / 记录并转入居民议事. The draft text is this item's, kept by the page;
 * once the decision is recorded, `onDecided` clears it.
 */
export default function ItemDecision(props: {
  meeting: MeetingView
  item: AgendaItemView
  decision: string
  onDecisionInput: (text: string) => void
  /** the decision was recorded: its draft is done with */
  onDecided: () => void
  busy: boolean
  act: MeetingAct
}) {
  const { meeting, item: i, decision, busy, act } = props
  if (i.decision)
    return (
      <View className='yb-small'>
        📌 {i.decision.text}
        {i.decision.handedOff ? ' · 已转入居民议事' : ''}
      </View>
    )
  if (meeting.status !== 'published' || i.vote?.status === 'open') return null
  const decide = (handOff: boolean, done: string) =>
    act(async () => {
      const res = await councilStaffApi.decide(
        handOff
          ? { meetingId: meeting.meetingId, itemId: i.itemId, text: decision, handOff: true }
          : { meetingId: meeting.meetingId, itemId: i.itemId, text: decision },
      )
      if (res.ok) props.onDecided()
      return res
    }, done)
  return (
    <View>
      <Input
        className='yb-input council-decision-input'
        placeholder='决定'
        value={decision}
        onInput={(e) => props.onDecisionInput(e.detail.value)}
      />
      <View className='yb-row yb-actions'>
        <Button className='yb-btn council-decide' disabled={busy} onClick={() => decide(false, '已记录')}>
          记录决定
        </Button>
        <Button className='yb-btn council-decide-handoff' disabled={busy} onClick={() => decide(true, '已转入居民议事')}>
          记录并转入居民议事
        </Button>
      </View>
    </View>
  )
}
