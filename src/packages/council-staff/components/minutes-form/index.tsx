import { Button, Textarea, View } from '@tarojs/components'
import { councilStaffApi } from '../../api'
import type { MeetingAct, MeetingDrafts, SetDraft } from '../../lib/meeting-mode'

/** 会议纪要 while the meeting runs: what happened and was decided, what comes next; 发布纪要 (reviewed before it shows). */
export default function MinutesForm(props: {
  meetingId: string
  drafts: MeetingDrafts
  setDraft: SetDraft
  busy: boolean
  act: MeetingAct
}) {
  const { meetingId, drafts, setDraft } = props
  const { summary, nextSteps } = drafts
  return (
    <View className='yb-card council-minutes-form'>
      <View className='yb-section-title'>会议纪要（审核后发布）</View>
      <Textarea className='yb-input' placeholder='会议经过和决定' value={summary} onInput={(e) => setDraft('summary', e.detail.value)} />
      <Textarea className='yb-input' placeholder='接下来做什么' value={nextSteps} onInput={(e) => setDraft('nextSteps', e.detail.value)} />
      <Button
        className='yb-btn yb-btn--primary council-publish-minutes'
        disabled={props.busy}
        onClick={() => props.act(() => councilStaffApi.minutes({ meetingId, summary, nextSteps }), '纪要已发布')}
      >
        发布纪要
      </Button>
    </View>
  )
}
