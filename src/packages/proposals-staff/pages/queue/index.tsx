import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { CommunityView } from 'types/communities'
import {
  PROPOSAL_REASON_MAX,
  type ModerationQueueOutput,
  type MustAnswerOutput,
  type ProposalSummary,
  type ReviewDecision,
} from 'types/proposals'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import ProposalCard from '@/components/proposal-card'
import { Empty, ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { ClientError, Result } from '@/lib/cloud'
import { errorCopy } from '@/lib/error-copy'
import { useCommunityPage } from '@/lib/use-community-page'
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

const day = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD')

/** Staff: what waits — proposals to review, the must-answer list (with overdue), reports and comments, accepted proposals to build projects from. */
export default function ProposalQueuePage() {
  const [tab, setTab] = useState<Tab>('review')
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [picked, setPicked] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const { state, refresh, communityId } = useCommunityPage(load, (params) => {
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
  const review = (p: ProposalSummary, decision: ReviewDecision) => {
    const reason = (reasons[p.proposalId] ?? '').trim()
    if (decision !== 'publish' && !reason) return Taro.showToast({ title: '退回或不通过时请写明原因', icon: 'none' })
    void act(
      () => staffProposalsApi.review({ proposalId: p.proposalId, decision, ...(reason ? { reason } : {}) }),
      decision === 'publish' ? '已公示' : decision === 'return' ? '已退回' : '已处理',
    )
  }
  const go = (url: string) => Taro.navigateTo({ url })

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

      {tab === 'review' && (
        <View>
          {queue.pending.length === 0 && <Empty title='没有待审核的建议' hint='居民提交新建议后会出现在这里，审核通过才会公示。' />}
          {queue.pending.map((p) => (
            <View key={p.proposalId} className='yb-card pstaff-queue__review'>
              <View className='yb-row'>
                <Text className='yb-tag yb-tag--muted'>{p.category}</Text>
                {p.moderation === 'review' && <Text className='yb-tag yb-tag--pin'>内容安全：需人工判断</Text>}
                {p.photoCount > 0 && <Text className='yb-tag'>{p.photoCount} 张照片</Text>}
                <View className='yb-spacer' />
                <Text className='yb-small'>{day(p.createdAt)}</Text>
              </View>
              <View className='yb-title pstaff-queue__title' onClick={() => go(`${STAFF_ROUTES.detail}?proposalId=${p.proposalId}`)}>
                {p.title}
              </View>
              <View className='pstaff-queue__excerpt'>{p.excerpt}</View>
              <View className='yb-small'>{p.authorName}</View>
              <Textarea
                className='yb-textarea pstaff-queue__reason'
                value={reasons[p.proposalId] ?? ''}
                maxlength={PROPOSAL_REASON_MAX}
                placeholder='退回或不通过时，写给居民的原因'
                onInput={(e) => setReasons((r) => ({ ...r, [p.proposalId]: e.detail.value }))}
              />
              <View className='yb-row'>
                <Button className='yb-btn yb-btn--primary' disabled={busy} onClick={() => review(p, 'publish')}>
                  公示
                </Button>
                <Button className='yb-btn' disabled={busy} onClick={() => review(p, 'return')}>
                  退回修改
                </Button>
                <Button className='yb-btn' disabled={busy} onClick={() => review(p, 'reject')}>
                  不通过
                </Button>
              </View>
            </View>
          ))}
        </View>
      )}

      {tab === 'answer' && (
        <View>
          <View className='yb-card yb-row pstaff-queue__counts'>
            <Text>待答复 {must.counts.open}</Text>
            <Text className={must.counts.overdue > 0 ? 'pstaff-queue__overdue' : ''}>已逾期 {must.counts.overdue}</Text>
            <Text>按时答复 {must.counts.answeredOnTime}</Text>
            <Text>逾期答复 {must.counts.answeredLate}</Text>
          </View>
          {must.items.length === 0 && <Empty title='必答清单是空的' hint='附议达到门槛的建议会出现在这里，须在期限内答复。' />}
          {must.items.map((p) => (
            <View key={p.proposalId}>
              <ProposalCard proposal={p} onOpen={() => go(`${STAFF_ROUTES.answer}?proposalId=${p.proposalId}`)} />
              <View className={`yb-small pstaff-queue__due${p.overdue ? ' pstaff-queue__overdue' : ''}`}>
                {p.answerDueAt ? `${p.overdue ? '已逾期：应于' : '请于'} ${day(p.answerDueAt)} 前答复` : ''}
              </View>
            </View>
          ))}
        </View>
      )}

      {tab === 'reports' && (
        <View>
          {reports === 0 && <Empty title='没有待处理的举报和留言' hint='3 位居民举报的内容会先隐藏，出现在这里等你处理。' />}
          {queue.hidden.map((p) => (
            <View key={p.proposalId} className='yb-card'>
              <Text className='yb-tag yb-tag--pin'>被 3 位以上居民举报，已自动隐藏</Text>
              <View className='yb-title pstaff-queue__title' onClick={() => go(`${STAFF_ROUTES.detail}?proposalId=${p.proposalId}`)}>
                {p.title}
              </View>
              <View className='pstaff-queue__excerpt'>{p.excerpt}</View>
              <View className='yb-row'>
                <Button
                  className='yb-btn'
                  disabled={busy}
                  onClick={() => act(() => staffProposalsApi.unhide({ proposalId: p.proposalId }), '已恢复显示')}
                >
                  恢复显示
                </Button>
                <Button
                  className='yb-btn yb-btn--primary'
                  disabled={busy}
                  onClick={() => act(() => staffProposalsApi.hide({ proposalId: p.proposalId }), '已保持隐藏')}
                >
                  保持隐藏
                </Button>
              </View>
            </View>
          ))}
          {queue.comments.map((c) => (
            <View key={c.commentId} className='yb-card'>
              <Text className='yb-tag yb-tag--pin'>{c.moderation === 'review' ? '留言待审核' : '留言被举报隐藏'}</Text>
              <View className='yb-small pstaff-queue__title'>建议：{c.proposalTitle}</View>
              <View>{c.body}</View>
              <View className='yb-small'>{c.authorName}</View>
              <View className='yb-row'>
                <Button
                  className='yb-btn'
                  disabled={busy}
                  onClick={() => act(() => staffProposalsApi.unhide({ commentId: c.commentId }), '已通过')}
                >
                  通过显示
                </Button>
                <Button
                  className='yb-btn yb-btn--primary'
                  disabled={busy}
                  onClick={() => act(() => staffProposalsApi.hide({ commentId: c.commentId }), '已隐藏')}
                >
                  隐藏
                </Button>
              </View>
            </View>
          ))}
        </View>
      )}

      {tab === 'projects' && (
        <View>
          {accepted.length === 0 && <Empty title='没有待立项的建议' hint='采纳的建议会出现在这里，可以一条或几条合并立项。' />}
          {accepted.map((p) => {
            const on = picked.includes(p.proposalId)
            return (
              <View
                key={p.proposalId}
                className={`yb-card pstaff-queue__pick${on ? ' pstaff-queue__pick--on' : ''}`}
                onClick={() => setPicked((list) => (on ? list.filter((x) => x !== p.proposalId) : [...list, p.proposalId]))}
              >
                <View className='yb-row'>
                  <Text className='yb-tag'>{on ? '已选' : '选择'}</Text>
                  <Text className='yb-tag yb-tag--muted'>{p.category}</Text>
                </View>
                <View className='yb-title pstaff-queue__title'>{p.title}</View>
              </View>
            )
          })}
          {accepted.length > 0 && (
            <Button
              className='yb-btn yb-btn--primary yb-btn--block'
              disabled={picked.length === 0}
              onClick={() => go(`${STAFF_ROUTES.project}?communityId=${community.communityId}&proposalIds=${picked.join(',')}`)}
            >
              用选中的 {picked.length} 条建议立项
            </Button>
          )}
        </View>
      )}
    </PageShell>
  )
}
