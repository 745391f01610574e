import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PROJECT_STATUS_LABEL, PROPOSAL_STATUS_LABEL, type ThreeListsOutput } from 'types/proposals'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import ProposalCard from '@/components/proposal-card'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import { useCommunityPage } from '@/lib/use-community-page'
import { ROUTES, proposalsApi } from '../../api'
import './index.scss'

type Tab = 'problems' | 'projects' | 'outcomes'

/** 三张清单: 问题清单 (needs raised) → 项目清单 (what is being done) → 成效清单 (what came of it), with counts. */
export default function ThreeListsPage() {
  const [tab, setTab] = useState<Tab>('problems')
  const { state, refresh: load } = useCommunityPage(
    (communityId) => proposalsApi.threeLists(communityId),
    (params) => {
      if (params.tab === 'projects' || params.tab === 'outcomes') setTab(params.tab)
    },
  )
  const go = (url: string) => Taro.navigateTo({ url })

  if (state.kind === 'loading')
    return (
      <PageShell className='proposal-lists'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='proposal-lists'>
        <ErrorView error={state.error} onRetry={load} />
      </PageShell>
    )
  const d = state.data
  const tabs: { key: Tab; label: string; count: number }[] = [
    { key: 'problems', label: '问题清单', count: d.problems.total },
    { key: 'projects', label: '项目清单', count: d.projects.total },
    { key: 'outcomes', label: '成效清单', count: d.outcomes.total },
  ]

  return (
    <PageShell className='proposal-lists'>
      <View className='proposal-lists__tabs'>
        {tabs.map((t, i) => (
          <View key={t.key} className='proposal-lists__tab-wrap'>
            <View className={`proposal-lists__tab${tab === t.key ? ' proposal-lists__tab--on' : ''}`} onClick={() => setTab(t.key)}>
              <Text className='yb-hero'>{t.count}</Text>
              <Text>{t.label}</Text>
            </View>
            {i < tabs.length - 1 && <Text className='proposal-lists__arrow'>→</Text>}
          </View>
        ))}
      </View>

      {tab === 'problems' && (
        <View>
          <View className='yb-card'>
            <View className='yb-label'>按分类</View>
            {d.problems.byCategory.length === 0 && <View className='yb-small'>还没有</View>}
            {d.problems.byCategory.map((c) => (
              <View
                key={c.category}
                className='yb-row proposal-lists__row'
                onClick={() => go(`${ROUTES.list}?communityId=${d.communityId}&category=${encodeURIComponent(c.category)}`)}
              >
                <Text>{c.category}</Text>
                <View className='yb-spacer' />
                <Text className='proposal-lists__num'>{c.count} 条</Text>
              </View>
            ))}
            <View className='yb-row yb-small proposal-lists__statuses'>
              {d.problems.byStatus.map((s) => (
                <Text key={s.status} className='yb-tag yb-tag--muted'>
                  {PROPOSAL_STATUS_LABEL[s.status]} {s.count}
                </Text>
              ))}
            </View>
          </View>
          {d.problems.items.map((p) => (
            <ProposalCard key={p.proposalId} proposal={p} onOpen={() => go(`${ROUTES.detail}?proposalId=${p.proposalId}`)} />
          ))}
        </View>
      )}

      {tab === 'projects' && (
        <View>
          {d.projects.items.length === 0 && <Empty title='还没有项目' hint='采纳的建议会在这里立项实施。' />}
          <View className='yb-small proposal-lists__summary'>
            实施中 {d.projects.active} 个 · 已完成 {d.projects.completed} 个
          </View>
          {d.projects.items.map((p) => (
            <View
              key={p.projectId}
              className='yb-card proposal-lists__project'
              onClick={() => go(`${ROUTES.project}?projectId=${p.projectId}`)}
            >
              <View className='yb-row'>
                <Text className='yb-tag'>{PROJECT_STATUS_LABEL[p.status]}</Text>
                <Text className='yb-small'>来自 {p.proposalCount} 条建议</Text>
              </View>
              <View className='yb-title'>{p.title}</View>
              <View className='yb-small'>
                负责人：{p.owner}
                {p.dueDate ? ` · 计划 ${p.dueDate} 完成` : ''}
              </View>
              <View className='proposal-lists__bar'>
                <View className='proposal-lists__fill' style={`width: ${p.progress}%`} />
              </View>
              <View className='yb-small'>进度 {p.progress}%</View>
            </View>
          ))}
        </View>
      )}

      {tab === 'outcomes' && (
        <View>
          {d.outcomes.items.length === 0 && <Empty title='还没有成效' hint='项目完成后，成效会记录在这里。' />}
          {d.outcomes.items.map((o) => (
            <View
              key={o.projectId}
              className='yb-card proposal-lists__outcome'
              onClick={() => go(`${ROUTES.project}?projectId=${o.projectId}`)}
            >
              <View className='yb-title'>{o.title}</View>
              <View className='yb-small'>{o.completedAt ? `完成于 ${formatShanghai(o.completedAt, 'YYYY-MM-DD')}` : ''}</View>
              <View className='proposal-lists__outcome-text'>{o.outcome}</View>
              {o.proposals.map((s) => (
                <View key={s.proposalId} className='yb-small'>
                  源自建议：{s.title}
                </View>
              ))}
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}
