import { useEffect, useRef, useState, type ReactNode } from 'react'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import { MEETING_STATUS_LABEL, VOTE_CHOICES, VOTE_CHOICE_LABEL, formatShanghai } from 'types/index'
import type { ChildProposalView, MeetingView } from 'types/council'
import FormField from '@/components/form-field'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { issuesByField } from '@/lib/form-issues'
import { useAction } from '@/lib/use-action'
import { useLoadState } from '@/lib/use-load-state'
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

/** The speaker's countdown, from the server's `since` (every speaker gets the same time). */
function Timer({ since, seconds }: { since: string; seconds: number }) {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [since])
  const left = Math.max(0, seconds - Math.floor((now - Date.parse(since)) / 1000))
  return (
    <Text className={`council-timer${left === 0 ? ' council-timer--over' : ''}`}>
      ⏱ {Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')}
    </Text>
  )
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
  const [freeTitle, setFreeTitle] = useState('')
  const [freeError, setFreeError] = useState('')
  const [secret, setSecret] = useState(false)
  const [decision, setDecision] = useState('')
  const [summary, setSummary] = useState('')
  const [nextSteps, setNextSteps] = useState('')
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
  if (!meeting.staff) return shell(<Forbidden />)
  const id = meeting.meetingId
  /** one tap → one write → toast → reload (taps during a write are ignored, the buttons show it) */
  const act = (work: () => Promise<Result<unknown>>, done: string) =>
    tap(async () => {
      const res = await work()
      return res.ok ? null : res.error
    }, done)
  const vote = (itemId: string, memberId: string, choice: (typeof VOTE_CHOICES)[number], alias: string) =>
    tap(async () => {
      const res = await councilStaffApi.castVote({ meetingId: id, itemId, memberId, choice })
      if (res.ok || res.error.code === 'COUNCIL.ALREADY_VOTED')
        setRecorded((r) => ({ ...r, [`${itemId}_${memberId}`]: VOTE_CHOICE_LABEL[choice] }))
      return res.ok ? null : res.error
    }, `${alias}已投`)
  const present = new Set(meeting.staff.present.map((m) => m.memberId))
  const speaking = meeting.staff.speaking
  return shell(
    <View>
      <View className='yb-card'>
        <View className='yb-hero'>{meeting.title}</View>
        <View className='yb-small'>
          {formatShanghai(meeting.startsAt)} · {meeting.place} · {MEETING_STATUS_LABEL[meeting.status]} · 到会 {meeting.attendanceCount}/
          {meeting.staff.members.length}
        </View>
        {meeting.status === 'draft' && (
          <Button
            className='yb-btn yb-btn--primary council-publish'
            disabled={busy}
            onClick={() => act(() => councilStaffApi.publish(id), '议程已公布')}
          >
            公布议程
          </Button>
        )}
      </View>

      <View className='yb-section-title'>议程</View>
      {meeting.items.map((i, n) => (
        <View key={i.itemId} className='yb-card council-staff-item'>
          <View className='yb-row'>
            <Text className='yb-title'>
              {n + 1}. {i.title}
            </Text>
            <View className='yb-spacer' />
            {n > 0 && meeting.status !== 'closed' && (
              <View
                className='yb-link'
                onClick={() => {
                  const ids = meeting.items.map((x) => x.itemId)
                  ;[ids[n - 1], ids[n]] = [ids[n], ids[n - 1]]
                  void act(() => councilStaffApi.reorder(id, ids), '已调整顺序')
                }}
              >
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
              <Switch className='council-secret' checked={secret} onChange={(e) => setSecret(e.detail.value)} />
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
            <View>
              <View className='yb-small'>
                投票中{i.vote.secret ? '（不记名）' : ''} · 已投 {i.vote.votedCount ?? 0} 人
              </View>
              {meeting.staff!.present.length === 0 && <View className='yb-small'>还没有人签到：先在下面「签到 · 举手」里签到</View>}
              {meeting.staff!.present.map((m) => {
                const done = recorded[`${i.itemId}_${m.memberId}`]
                return (
                  <View key={m.memberId!} className='yb-row council-vote-row'>
                    <Text>{m.label}</Text>
                    <View className='yb-spacer' />
                    {done ? (
                      <Text className='yb-tag council-vote-recorded'>✓ 已记录{i.vote!.secret ? '' : `：${done}`}</Text>
                    ) : (
                      VOTE_CHOICES.map((c) => (
                        <Button
                          key={c}
                          size='mini'
                          className={`yb-btn council-vote-${c}`}
                          disabled={busy}
                          onClick={() => vote(i.itemId, m.memberId!, c, m.alias)}
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
                onClick={() => act(() => councilStaffApi.closeVote(id, i.itemId), '投票结束')}
              >
                结束投票
              </Button>
            </View>
          )}
          {i.vote?.status === 'closed' && i.vote.tally && (
            <View className='council-result'>
              赞成 {i.vote.tally.yes} · 反对 {i.vote.tally.no} · 弃权 {i.vote.tally.abstain} ·{' '}
              {i.vote.quorumMet ? (i.vote.passed ? '通过' : '未通过') : '未达法定人数'}
            </View>
          )}
          {i.decision ? (
            <View className='yb-small'>
              📌 {i.decision.text}
              {i.decision.handedOff ? ' · 已转入居民议事' : ''}
            </View>
          ) : (
            meeting.status === 'published' &&
            i.vote?.status !== 'open' && (
              <View>
                <Input
                  className='yb-input council-decision-input'
                  placeholder='决定'
                  value={decision}
                  onInput={(e) => setDecision(e.detail.value)}
                />
                <View className='yb-row yb-actions'>
                  <Button
                    className='yb-btn council-decide'
                    disabled={busy}
                    onClick={() => act(() => councilStaffApi.decide({ meetingId: id, itemId: i.itemId, text: decision }), '已记录')}
                  >
                    记录决定
                  </Button>
                  <Button
                    className='yb-btn council-decide-handoff'
                    disabled={busy}
                    onClick={() =>
                      act(
                        () => councilStaffApi.decide({ meetingId: id, itemId: i.itemId, text: decision, handOff: true }),
                        '已转入居民议事',
                      )
                    }
                  >
                    记录并转入居民议事
                  </Button>
                </View>
              </View>
            )
          )}
        </View>
      ))}
      {meeting.status !== 'closed' && (
        <View className='yb-card'>
          <View className='yb-small'>从孩子的建议加入议程</View>
          {proposals.map((p) => (
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
          <FormField error={freeError}>
            <Input
              className='yb-input council-free-title'
              placeholder='自由议题'
              value={freeTitle}
              onInput={(e) => {
                setFreeTitle(e.detail.value)
                setFreeError('')
              }}
            />
          </FormField>
          <Button
            className='yb-btn council-add-free'
            disabled={busy}
            onClick={() =>
              tap(async () => {
                const res = await councilStaffApi.addItem({ meetingId: id, title: freeTitle, durationMinutes: 10 })
                if (!res.ok) {
                  // the schema's words at the field ("请填写议题"); anything else as a toast
                  const said = issuesByField(res.error.issues).title
                  if (said) {
                    setFreeError(said)
                    return false
                  }
                  return res.error
                }
                setFreeTitle('')
                setFreeError('')
                return null
              }, '已加入议程')
            }
          >
            加入自由议题
          </Button>
        </View>
      )}

      {meeting.status === 'published' && (
        <View className='yb-card council-attendance'>
          <View className='yb-section-title'>签到 · 举手</View>
          {speaking.current && (
            <View className='council-speaking'>
              🎤 {speaking.current.label} <Timer since={speaking.current.since} seconds={speaking.seconds} />
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
          {meeting.staff.members.map((m) => (
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
                () =>
                  councilStaffApi.attendance({ meetingId: id, memberIds: meeting.staff!.members.map((m) => m.memberId!), present: true }),
                '全部签到',
              )
            }
          >
            全部签到
          </Button>
        </View>
      )}

      {meeting.status === 'published' && (
        <View className='yb-card council-minutes-form'>
          <View className='yb-section-title'>会议纪要（审核后发布）</View>
          <Textarea className='yb-input' placeholder='会议经过和决定' value={summary} onInput={(e) => setSummary(e.detail.value)} />
          <Textarea className='yb-input' placeholder='接下来做什么' value={nextSteps} onInput={(e) => setNextSteps(e.detail.value)} />
          <Button
            className='yb-btn yb-btn--primary council-publish-minutes'
            disabled={busy}
            onClick={() => act(() => councilStaffApi.minutes({ meetingId: id, summary, nextSteps }), '纪要已发布')}
          >
            发布纪要
          </Button>
        </View>
      )}
      {meeting.minutes && (
        <View className='yb-card'>
          <View className='yb-title'>📝 纪要 · 到会 {meeting.minutes.attendanceCount} 人</View>
          <Text>{meeting.minutes.summary}</Text>
          <View>接下来：{meeting.minutes.nextSteps}</View>
        </View>
      )}
    </View>,
  )
}
