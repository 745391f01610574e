import { Button, Input, Text, View } from '@tarojs/components'
import type { ChildProposalView } from 'types/council'
import FormField from '@/components/form-field'
import { issuesByField } from '@/lib/form-issues'
import type { useAction } from '@/lib/use-action'
import { councilStaffApi } from '../../api'
import type { MeetingAct, MeetingDrafts, SetDraft } from '../../lib/meeting-mode'

/** 加入议程 before the meeting closes: an approved child's proposal (加入), or a 自由议题 typed by staff. */
export default function AgendaAdditions(props: {
  meetingId: string
  /** the children's approved proposals */
  proposals: ChildProposalView[]
  drafts: MeetingDrafts
  setDraft: SetDraft
  busy: boolean
  act: MeetingAct
  /** the page's useAction `act`, for the free topic's refusal shown at its field */
  tap: ReturnType<typeof useAction>['act']
}) {
  const { meetingId: id, drafts, setDraft, busy, act } = props
  const addFree = () =>
    props.tap(async () => {
      const res = await councilStaffApi.addItem({ meetingId: id, title: drafts.freeTitle, durationMinutes: 10 })
      if (!res.ok) {
        // the schema's words at the field ("请填写议题"); anything else as a toast
        const said = issuesByField(res.error.issues).title
        if (said) {
          setDraft('freeError', said)
          return false
        }
        return res.error
      }
      setDraft('freeTitle', '')
      setDraft('freeError', '')
      return null
    }, '已加入议程')
  return (
    <View className='yb-card'>
      <View className='yb-small'>从孩子的建议加入议程</View>
      {props.proposals.map((p) => (
        <View key={p.proposalId} className='yb-row council-add-proposal'>
          <Text>
            {p.label}：{p.idea}
          </Text>
          <View className='yb-spacer' />
          <Button
            size='mini'
            className='yb-btn council-add-item'
            disabled={busy}
            onClick={() =>
              act(() => councilStaffApi.addItem({ meetingId: id, proposalId: p.proposalId, durationMinutes: 10 }), '已加入议程')
            }
          >
            加入
          </Button>
        </View>
      ))}
      <FormField error={drafts.freeError}>
        <Input
          className='yb-input council-free-title'
          placeholder='自由议题'
          value={drafts.freeTitle}
          onInput={(e) => {
            setDraft('freeTitle', e.detail.value)
            setDraft('freeError', '')
          }}
        />
      </FormField>
      <Button className='yb-btn council-add-free' disabled={busy} onClick={addFree}>
        加入自由议题
      </Button>
    </View>
  )
}
