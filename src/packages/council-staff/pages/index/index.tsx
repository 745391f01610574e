import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import { ANSWER_KINDS, ANSWER_KIND_LABEL, MEETING_STATUS_LABEL, formatShanghai, type AnswerKind } from 'types/index'
import { fromWallClock, toWallClock, type WallClock } from 'types/time'
import type { ChildProposalView, StaffBoardOutput } from 'types/council'
import type { ActionOutput } from 'types/contract'
import DateTimeField from '@/components/date-time-field'
import PageShell from '@/components/page-shell'
import { issuesByField } from '@/lib/form-issues'
import { Empty, ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { errorCopy } from '@/lib/error-copy'
import { useCommunityPage } from '@/lib/use-community-page'
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

function AnswerForm({ p, onDone }: { p: ChildProposalView; onDone: () => void }) {
  const [kind, setKind] = useState<AnswerKind>('yes')
  const [text, setText] = useState('')
  return (
    <View className='council-staff-answer'>
      <View className='yb-row'>
        {ANSWER_KINDS.map((k) => (
          <View key={k} className={`yb-chip${kind === k ? ' yb-chip--on' : ''}`} onClick={() => setKind(k)}>
            {ANSWER_KIND_LABEL[k]}
          </View>
        ))}
      </View>
      <Textarea
        className='yb-input council-staff-answer-text'
        maxlength={300}
        placeholder='用孩子能懂的话回信：会做什么、什么时候，或者为什么暂时不行'
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      <Button
        className='yb-btn yb-btn--primary'
        onClick={async () => {
          const res = await councilStaffApi.respond({ proposalId: p.proposalId, kind, text })
          if (!res.ok) return toast(errorCopy(res.error))
          void toast('回信已发给孩子和家长')
          onDone()
        }}
      >
        发送回信
      </Button>
    </View>
  )
}

/** Staff: review child proposals (with their photo, seen by staff first), answer every reviewed one (overdue counted), approve applications, meetings. */
export default function CouncilStaffPage() {
  const { state, refresh, communityId } = useCommunityPage(load)
  const [title, setTitle] = useState('')
  /** the next full hour, in Chengdu; staff change it with the date and time pickers */
  const [when, setWhen] = useState<WallClock>(() => toWallClock(new Date(Math.ceil((Date.now() + 60_000) / 3600_000) * 3600_000)))
  const [meetingErrors, setMeetingErrors] = useState<Record<string, string>>({})
  const [place, setPlace] = useState('')
  const shell = (c: any) => <PageShell className='council-staff'>{c}</PageShell>
  if (state.kind === 'loading') return shell(<Loading />)
  if (state.kind === 'error')
    return state.error.code === 'AUTH.FORBIDDEN' ? shell(<Forbidden />) : shell(<ErrorView error={state.error} onRetry={refresh} />)
  const { board, meetings, council, members } = state.data
  const approved = (members ?? []).filter((m) => m.status === 'approved')
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
      <View className='yb-section-title'>报名</View>
      {board.pendingMembers.length === 0 && (
        <Empty title='没有待批准的报名' hint='家长为孩子报名后会出现在这里。可以把议事会的二维码发到家长群。' />
      )}
      {board.pendingMembers.map((m) => (
        <View key={m.memberId} className='yb-card yb-row council-staff-member'>
          <Text>{m.label}</Text>
          <View className='yb-spacer' />
          <Button className='yb-btn yb-btn--primary' onClick={() => act(councilStaffApi.approveMember(m.memberId), '已批准')}>
            批准
          </Button>
        </View>
      ))}
      {council && (
        <View>
          <View className='yb-section-title'>成员与主席</View>
          <View className='yb-small'>
            {council.chair
              ? `主席：${council.chair.label}（可以和大家一起建会议、排议程）`
              : '还没有主席：可以请一位成员当主席，和大家一起建会议、排议程'}
            {council.termEnded ? ` · 任期已于 ${council.termEnd} 结束` : ` · 任期至 ${council.termEnd}`}
          </View>
          {approved.length === 0 && <Empty title='还没有成员' hint='批准上面的报名后，孩子就成为议事会成员。' />}
          {approved.map((m) => (
            <View key={m.memberId} className='yb-card yb-row council-staff-chair'>
              <Text>{m.isChair ? `👑 ${m.label}` : m.label}</Text>
              <View className='yb-spacer' />
              {m.isChair ? (
                <Button className='yb-btn' onClick={() => act(councilStaffApi.setChair(council.councilId, null), '已取消主席')}>
                  取消主席
                </Button>
              ) : (
                m.viewer.canSetChair && (
                  <Button className='yb-btn' onClick={() => act(councilStaffApi.setChair(council.councilId, m.memberId), '已设为主席')}>
                    设为主席
                  </Button>
                )
              )}
            </View>
          ))}
        </View>
      )}
      <View className='yb-section-title'>待审核的建议</View>
      {board.pendingReview.length === 0 && <Empty title='没有待审核的建议' hint='孩子交上来的主意会先在这里给你看。' />}
      {board.pendingReview.map((p) => (
        <View key={p.proposalId} className='yb-card council-staff-review'>
          <View className='yb-title'>{p.label}</View>
          <View>👀 {p.noticed}</View>
          <View>💡 {p.idea}</View>
          {p.photoUrl && (
            <View className='council-staff-photo'>
              <Image
                className='council-staff__photo'
                src={p.photoUrl}
                mode='aspectFill'
                onClick={() => Taro.previewImage({ urls: [p.photoUrl!], current: p.photoUrl! })}
              />
              <View className='yb-small'>通过后，社区里的大家都能看到这张照片；照片里有人脸或隐私时请不要通过。</View>
            </View>
          )}
          <View className='yb-row yb-actions'>
            <Button
              className='yb-btn yb-btn--primary'
              onClick={() => act(councilStaffApi.review({ proposalId: p.proposalId, decision: 'approve' }), '已通过')}
            >
              通过
            </Button>
            <Button
              className='yb-btn'
              onClick={() => act(councilStaffApi.review({ proposalId: p.proposalId, decision: 'reject' }), '已标记不通过，请给孩子回信')}
            >
              不通过
            </Button>
          </View>
        </View>
      ))}
      <View className='yb-section-title'>等大人回信</View>
      {board.awaitingAnswer.length === 0 && <Empty title='每个孩子都收到回信了' hint='新的建议审核通过后，记得在期限内回信。' />}
      {board.awaitingAnswer.map((p) => (
        <View key={p.proposalId} className='yb-card council-staff-awaiting'>
          <View className='yb-title'>
            {p.label} {p.private?.overdue ? '⏰ 已超期' : ''}
          </View>
          <View>💡 {p.idea}</View>
          <View className='yb-small'>回信期限 {p.private?.answerDueAt ? formatShanghai(p.private.answerDueAt, 'YYYY-MM-DD') : '—'}</View>
          <AnswerForm p={p} onDone={refresh} />
        </View>
      ))}
      <View className='yb-section-title'>会议</View>
      <View className='yb-card council-staff-new-meeting'>
        <Input className='yb-input' placeholder='会议名称' value={title} onInput={(e) => setTitle(e.detail.value)} />
        {meetingErrors.title && <View className='yb-field-error'>{meetingErrors.title}</View>}
        <DateTimeField label='时间' value={when} onChange={setWhen} error={meetingErrors.startsAt} className='council-staff-meeting-when' />
        <Input className='yb-input' placeholder='地点' value={place} onInput={(e) => setPlace(e.detail.value)} />
        {meetingErrors.place && <View className='yb-field-error'>{meetingErrors.place}</View>}
        <Button
          className='yb-btn yb-btn--primary'
          onClick={async () => {
            const res = await councilStaffApi.createMeeting({
              communityId: communityId.current,
              title,
              startsAt: fromWallClock(when),
              place,
            })
            if (!res.ok) {
              const found = issuesByField(res.error.issues)
              setMeetingErrors(found)
              return Object.keys(found).length ? undefined : toast(errorCopy(res.error))
            }
            setMeetingErrors({})
            void openMeeting(res.data.meetingId)
          }}
        >
          新建会议
        </Button>
      </View>
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
