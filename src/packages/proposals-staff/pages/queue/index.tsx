import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { CommunityView } from 'types/communities'
import type { ModerationQueueOutput, MustAnswerOutput, ProposalSummary, ReviewDecision } from 'types/proposals'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { ClientError, Result } from '@/lib/cloud'
import { errorCopy } from '@/lib/error-copy'
import { useCommunityPage } from '@/lib/use-community-page'
import MustAnswerTab from '../../components/must-answer-tab'
import ProjectsTab from '../../components/projects-tab'
import ReportsTab from '../../components/reports-tab'
import ReviewTab from '../../components/review-tab'
import { STAFF_ROUTES, staffProposalsApi } from '../../api'
import './index.scss'

type Data = { community: CommunityView; queue: ModerationQueueOutput; must: MustAnswerOutput; accepted: ProposalSummary[] }
type Tab = 'review' | 'answer' | 'reports' | 'projects'

async function load(communityId: string): Promise<Result<Data>> {
  const [community, queue, must, accepted] = await Promise.all([
    staffProposalsApi.community(communityId),
    staffProposalsApi.queue(communityId),
    staffProposalsApi.mustAnswer(communityId),
    staffProposalsApi.accepted(communityId),
  ])
  for (const r of [queue, must, community, accepted]) if (!r.ok) return r
  if (!community.ok || !queue.ok || !must.ok || !accepted.ok) throw new Error('unreachable')
  return { ok: true, data: { community: community.data, queue: queue.data, must: must.data, accepted: accepted.data.proposals } }
}

/** Staff: what waits — proposals to review, the must-answer list (with overdue), reports and comments, accepted proposals to build projects from. */
export default function ProposalQueuePage() {
  const [tab, setTab] = useState<Tab>('review')
  const [busy, setBusy] = useState(false)
  const { state, refresh } = useCommunityPage(load, (params) => {
    if (params.tab === 'answer' || params.tab === 'reports' || params.tab === 'projects') setTab(params.tab)
  })

  const act = async (work: () => Promise<Result<unknown>>, done: string) => {
    if (busy) return
    setBusy(true)
    try {
      const res = await work()
      if (!res.ok) return Taro.showToast({ title: errorCopy(res.error as ClientError), icon: 'none', duration: 3000 })
      void Taro.showToast({ title: done, icon: 'success' })
      await refresh()
    } finally {
      setBusy(false)
    }
  }
  const review = (p: ProposalSummary, decision: ReviewDecision, written: string) => {
    const reason = written.trim()
    if (decision !== 'publish' && !reason) return Taro.showToast({ title: '退回或不通过时请写明原因', icon: 'none' })
    void act(
      () => staffProposalsApi.review({ proposalId: p.proposalId, decision, ...(reason ? { reason } : {}) }),
      decision === 'publish' ? '已公示' : decision === 'return' ? '已退回' : '已处理',
    )
  }
  const go = (url: string) => Taro.navigateTo({ url })
  const open = (proposalId: string) => go(`${STAFF_ROUTES.detail}?proposalId=${proposalId}`)

  if (state.kind === 'loading')
    return (
      <PageShell className='pstaff-queue'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='pstaff-queue'>
        <ErrorView error={state.error} onRetry={refresh} />
      </PageShell>
    )
  const { community, queue, must, accepted } = state.data
  if (!community.viewer.canManage)
    return (
      <PageShell className='pstaff-queue'>
        <Forbidden />
      </PageShell>
    )
  const reports = queue.hidden.length + queue.comments.length
  const tabs: { key: Tab; label: string; count: number }[] = [
    { key: 'review', label: '待审核', count: queue.pending.length },
    { key: 'answer', label: '必答清单', count: must.counts.open },
    { key: 'reports', label: '举报与留言', count: reports },
    { key: 'projects', label: '待立项', count: accepted.length },
  ]

  return (
    <PageShell className='pstaff-queue'>
      <View className='yb-card'>
        <View className='yb-hero'>{community.name}</View>
        <View className='yb-small'>居民议事管理{must.counts.overdue > 0 ? ` · ${must.counts.overdue} 条答复已逾期` : ''}</View>
        <View className='yb-row yb-actions'>
          <Button className='yb-btn' onClick={() => go(`${STAFF_ROUTES.lists}?communityId=${community.communityId}`)}>
            三张清单
          </Button>
          <Button className='yb-btn' onClick={() => go(`${STAFF_ROUTES.settings}?communityId=${community.communityId}`)}>
            议事设置
          </Button>
        </View>
      </View>

      <View className='yb-chips pstaff-queue__tabs'>
        {tabs.map((t) => (
          <View key={t.key} className={`yb-chip${tab === t.key ? ' yb-chip--on' : ''}`} onClick={() => setTab(t.key)}>
            {t.label} {t.count}
          </View>
        ))}
      </View>

      {tab === 'review' && <ReviewTab queue={queue} busy={busy} onOpen={open} onReview={review} />}
      {tab === 'answer' && <MustAnswerTab must={must} onAnswer={(id) => go(`${STAFF_ROUTES.answer}?proposalId=${id}`)} />}
      {tab === 'reports' && <ReportsTab queue={queue} busy={busy} onOpen={open} act={act} />}
      {tab === 'projects' && (
        <ProjectsTab
          accepted={accepted}
          onBuild={(ids) => go(`${STAFF_ROUTES.project}?communityId=${community.communityId}&proposalIds=${ids.join(',')}`)}
        />
      )}
    </PageShell>
  )
}
