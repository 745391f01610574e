import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { MEETING_STATUS_LABEL, formatShanghai } from 'types/index'
import type { StaffBoardOutput } from 'types/council'
import type { ActionOutput } from 'types/contract'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { errorCopy } from '@/lib/error-copy'
import { useCommunityPage } from '@/lib/use-community-page'
import AwaitingAnswers from '../../components/awaiting-answers'
import MembersAndChair from '../../components/members-and-chair'
import NewMeeting from '../../components/new-meeting'
import ReviewIdeas from '../../components/review-ideas'
import { councilStaffApi } from '../../api'
import './index.scss'

type Data = {
  board: StaffBoardOutput
  meetings: ActionOutput<'council', 'meetings'>['meetings']
  council: ActionOutput<'council', 'get'>
  members: ActionOutput<'council', 'members'>['all']
}

async function load(communityId: string): Promise<Result<Data>> {
  const [board, meetings, council, members] = await Promise.all([
    councilStaffApi.board(communityId),
    councilStaffApi.meetings(communityId),
    councilStaffApi.council(communityId),
    councilStaffApi.members(communityId),
  ])
  if (!board.ok) return board
  if (!meetings.ok) return meetings
  if (!council.ok) return council
  if (!members.ok) return members
  return { ok: true, data: { board: board.data, meetings: meetings.data.meetings, council: council.data, members: members.data.all } }
}

const toast = (title: string) => Taro.showToast({ title, icon: 'none' })

/** Staff: review child proposals (with their photo, seen by staff first), answer every reviewed one (overdue counted), approve applications, meetings. */
export default function CouncilStaffPage() {
  const { state, refresh, communityId } = useCommunityPage(load)
  const shell = (c: ReactNode) => <PageShell className='council-staff'>{c}</PageShell>
  if (state.kind === 'loading') return shell(<Loading />)
  if (state.kind === 'error')
    return state.error.code === 'AUTH.FORBIDDEN' ? shell(<Forbidden />) : shell(<ErrorView error={state.error} onRetry={refresh} />)
  const { board, meetings, council, members } = state.data
  const act = async (p: Promise<Result<unknown>>, done: string) => {
    const res = await p
    void toast(res.ok ? done : errorCopy(res.error))
    void refresh()
  }
  const openMeeting = (meetingId: string) => Taro.navigateTo({ url: `/packages/council-staff/pages/meeting/index?meetingId=${meetingId}` })
  return shell(
    <View>
      <View className='yb-card'>
        <View className='yb-hero'>儿童议事会管理</View>
        <View className='yb-small council-staff-counts'>
          待审核 {board.counts.pendingReview} · 待回信 {board.counts.awaitingAnswer} · 已超期 {board.counts.overdue} · 已回信{' '}
          {board.counts.answered} · 待批准报名 {board.counts.pendingMembers}
        </View>
      </View>
      <MembersAndChair board={board} council={council} members={members} act={act} />
      <ReviewIdeas board={board} act={act} />
      <AwaitingAnswers board={board} onAnswered={refresh} />
      <View className='yb-section-title'>会议</View>
      <NewMeeting communityId={communityId.current} onCreated={(id) => void openMeeting(id)} />
      {meetings.map((m) => (
        <View key={m.meetingId} className='yb-card council-staff-meeting-row' onClick={() => openMeeting(m.meetingId)}>
          <View className='yb-title'>{m.title}</View>
          <View className='yb-small'>
            {formatShanghai(m.startsAt)} · {m.place} · {MEETING_STATUS_LABEL[m.status]}
          </View>
        </View>
      ))}
    </View>,
  )
}
