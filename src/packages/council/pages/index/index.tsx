import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { MEMBER_STATUS_LABEL } from 'types/council-base'
import type { CouncilMemberView, CouncilView, ProposalsOutput } from 'types/council'
import type { ProfileView } from 'types/communities'
import { formatShanghai } from 'types/time-format'
import type { ActionOutput } from 'types/contract'
import PageShell from '@/components/page-shell'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useCommunityPage } from '@/lib/use-community-page'
import { councilApi } from '../../api'
import CouncilApply from '../../components/council-apply'
import CouncilPropose from '../../components/council-propose'
import GuardianRights from '../../components/guardian-rights'
import { ProposalCard } from '../../components/proposal-card'
import './index.scss'

type Data = {
  council: CouncilView | null
  mine: CouncilMemberView[]
  proposals: ProposalsOutput
  meetings: ActionOutput<'council', 'meetings'>['meetings']
  /** null while the community has no council (nothing to apply for, so the profile is not read) */
  profile: ProfileView | null
}

async function load(communityId: string): Promise<Result<Data>> {
  const council = await councilApi.council(communityId)
  if (!council.ok) return council
  if (!council.data)
    return { ok: true, data: { council: null, mine: [], proposals: { public: [], mine: [] }, meetings: [], profile: null } }
  const [members, proposals, meetings, profile] = await Promise.all([
    councilApi.members(communityId),
    councilApi.proposals(communityId),
    councilApi.meetings(communityId),
    councilApi.profile(),
  ])
  if (!members.ok) return members
  if (!proposals.ok) return proposals
  if (!meetings.ok) return meetings
  if (!profile.ok) return profile
  return {
    ok: true,
    data: {
      council: council.data,
      mine: members.data.mine,
      proposals: proposals.data,
      meetings: meetings.data.meetings,
      profile: profile.data,
    },
  }
}

/** 儿童议事会: apply with consent, act as my child (以小明的身份), my child's proposals and answers, meetings. */
export default function CouncilPage() {
  const { state, refresh } = useCommunityPage(load)
  const [mode, setMode] = useState<'home' | 'apply' | 'propose'>('home')
  const [actingAs, setActingAs] = useState<string>('')
  const shell = (children: ReactNode) => <PageShell className='council'>{children}</PageShell>
  if (state.kind === 'loading') return shell(<Loading />)
  if (state.kind === 'error') return shell(<ErrorView error={state.error} onRetry={refresh} />)
  const { council, mine, proposals, meetings, profile } = state.data
  if (!council) return shell(<Empty title='这个社区还没有儿童议事会' hint='社区工作者开设后，这里就能报名了。' />)

  const approved = mine.filter((m) => m.status === 'approved')
  const acting = approved.find((m) => m.memberId === actingAs) ?? approved[0] ?? null
  const linkedChildren = (profile?.children ?? []).filter(
    (c) => c.communityId === council.communityId && !mine.some((m) => m.childId === c.childId),
  )

  const home = () => {
    setMode('home')
    void refresh()
  }
  if (mode === 'apply')
    return shell(<CouncilApply council={council} linkedChildren={linkedChildren} onApplied={home} onBack={() => setMode('home')} />)
  if (mode === 'propose' && acting) return shell(<CouncilPropose acting={acting} onSent={home} onBack={() => setMode('home')} />)

  return shell(
    <View>
      <View className='yb-card'>
        <View className='yb-hero'>🧒 {council.name}</View>
        <View className='yb-small'>
          任期 {council.termStart} ~ {council.termEnd} · {council.memberCount} 位成员 · 每个建议 {council.answerDays} 天内都会收到大人的回信
        </View>
      </View>
      {mine.map((m) => (
        <View
          key={m.memberId}
          className={`yb-card council-member${acting?.memberId === m.memberId ? ' council__cat--on' : ''}`}
          onClick={() => setActingAs(m.memberId)}
        >
          <Text className='council__kid'>{m.label}</Text> <Text className='yb-small'>{MEMBER_STATUS_LABEL[m.status]}</Text>
        </View>
      ))}
      {acting && (
        <Button className='yb-btn yb-btn--primary council__big council-propose-btn' onClick={() => setMode('propose')}>
          {acting.viewer.isChild ? '💡 我有主意' : `💡 我有主意（以${acting.alias}的身份）`}
        </Button>
      )}
      {council.viewer.canApply && (
        <Button className='yb-btn council__big council-apply-btn' onClick={() => setMode('apply')}>
          ✋ 为孩子报名
        </Button>
      )}
      {proposals.mine.length > 0 && (
        <View className='yb-section-title'>{mine.every((m) => m.viewer.isChild) ? '我的建议' : '我家孩子的建议'}</View>
      )}
      {proposals.mine.map((p) => (
        <ProposalCard key={p.proposalId} p={p} />
      ))}
      <View className='yb-section-title'>📅 议事会</View>
      {meetings.length === 0 && <Empty title='还没有会议' hint='社区安排议事会后，会议时间和议程会在这里。' />}
      {meetings.map((m) => (
        <View
          key={m.meetingId}
          className='yb-card council-meeting-row'
          onClick={() => Taro.navigateTo({ url: `/packages/council/pages/meeting/index?meetingId=${m.meetingId}` })}
        >
          <View className='yb-title'>{m.title}</View>
          <View className='yb-small'>
            {formatShanghai(m.startsAt, 'M月D日 HH:mm')} · {m.place} · {m.status === 'closed' ? '已发布纪要' : '看议程'}
          </View>
        </View>
      ))}
      <View className='yb-section-title'>大家的建议</View>
      {proposals.public.length === 0 && <Empty title='还没有建议' hint='点“💡 我有主意”，说说你发现了什么。' />}
      {proposals.public.map((p) => (
        <ProposalCard key={p.proposalId} p={p} />
      ))}
      {mine.some((m) => m.viewer.isGuardian) && <GuardianRights members={mine.filter((m) => m.viewer.isGuardian)} onDeleted={refresh} />}
    </View>,
  )
}
