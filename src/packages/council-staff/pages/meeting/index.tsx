import { useRef, useState, type ReactNode } from 'react'
import { useDidShow, useLoad } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { VOTE_CHOICE_LABEL } from 'types/index'
import type { ChildProposalView, MeetingView } from 'types/council'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useAction } from '@/lib/use-action'
import { useLoadState } from '@/lib/use-load-state'
import AgendaAdditions from '../../components/agenda-additions'
import AgendaItem from '../../components/agenda-item'
import AttendanceAndHands from '../../components/attendance-and-hands'
import MeetingHeading from '../../components/meeting-heading'
import MeetingMinutes from '../../components/meeting-minutes'
import MinutesForm from '../../components/minutes-form'
import type { VoteChoice } from '../../components/vote-recording'
import { NO_DRAFTS, type MeetingAct, type MeetingDrafts, type SetDraft, type SetItemDraft } from '../../lib/meeting-mode'
import { councilStaffApi } from '../../api'

type Data = { meeting: MeetingView; proposals: ChildProposalView[] }

async function load(meetingId: string): Promise<Result<Data>> {
  const meeting = await councilStaffApi.agenda(meetingId)
  if (!meeting.ok) return meeting
  const proposals = await councilStaffApi.proposals(meeting.data.communityId)
  return {
    ok: true,
    data: { meeting: meeting.data, proposals: proposals.ok ? proposals.data.public.filter((p) => p.stage === 'approved') : [] },
  }
}

/**
 * Meeting mode on a staff phone: agenda, attendance, 举手 queue with a timer, votes, decisions, minutes.
 * Votes are recorded on this shared phone member by member; a row says 已记录 once its vote is in (this phone's own
 * memory of what it sent — for a secret vote nobody can read back who voted what, and a second tap is refused anyway).
 */
export default function CouncilMeetingModePage() {
  const [state, run] = useLoadState<Data>()
  const meetingId = useRef('')
  const refresh = () => run(() => load(meetingId.current))
  const [drafts, setDrafts] = useState<MeetingDrafts>(NO_DRAFTS)
  const setDraft: SetDraft = (key, value) => setDrafts((d) => ({ ...d, [key]: value }))
  const setItemDraft: SetItemDraft = (key, itemId, value) => setDrafts((d) => ({ ...d, [key]: { ...d[key], [itemId]: value } }))
  /** `${itemId}_${memberId}` → the choice this phone recorded */
  const [recorded, setRecorded] = useState<Record<string, string>>({})
  const { busy, act: tap } = useAction(refresh)
  useLoad((params) => {
    meetingId.current = params.meetingId ?? ''
  })
  useDidShow(() => {
    void refresh()
  })
  const shell = (c: ReactNode) => <PageShell className='council-staff-meeting'>{c}</PageShell>
  if (state.kind === 'loading') return shell(<Loading />)
  if (state.kind === 'error') return shell(<ErrorView error={state.error} onRetry={refresh} />)
  const { meeting, proposals } = state.data
  const staff = meeting.staff
  if (!staff) return shell(<Forbidden />)
  const id = meeting.meetingId
  const act: MeetingAct = (work, done) =>
    tap(async () => {
      const res = await work()
      return res.ok ? null : res.error
    }, done)
  const vote = (itemId: string, memberId: string, choice: VoteChoice, alias: string) =>
    tap(async () => {
      const res = await councilStaffApi.castVote({ meetingId: id, itemId, memberId, choice })
      if (res.ok || res.error.code === 'COUNCIL.ALREADY_VOTED')
        setRecorded((r) => ({ ...r, [`${itemId}_${memberId}`]: VOTE_CHOICE_LABEL[choice] }))
      return res.ok ? null : res.error
    }, `${alias}已投`)
  const parts = { busy, act }
  const running = meeting.status === 'published'
  return shell(
    <View>
      <MeetingHeading meeting={meeting} memberCount={staff.members.length} {...parts} />
      <View className='yb-section-title'>议程</View>
      {meeting.items.map((i, n) => (
        <AgendaItem
          key={i.itemId}
          meeting={meeting}
          staff={staff}
          item={i}
          index={n}
          drafts={drafts}
          setItemDraft={setItemDraft}
          recorded={recorded}
          onVote={vote}
          {...parts}
        />
      ))}
      {meeting.status !== 'closed' && (
        <AgendaAdditions meetingId={id} proposals={proposals} drafts={drafts} setDraft={setDraft} tap={tap} {...parts} />
      )}
      {running && <AttendanceAndHands meetingId={id} staff={staff} {...parts} />}
      {running && <MinutesForm meetingId={id} drafts={drafts} setDraft={setDraft} {...parts} />}
      {meeting.minutes && <MeetingMinutes minutes={meeting.minutes} />}
    </View>,
  )
}
