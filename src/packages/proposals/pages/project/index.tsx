import { useRef } from 'react'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import { PROJECT_STATUS_LABEL, PROPOSAL_STATUS_LABEL, type ProjectView } from 'types/proposals'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import SharedPreview from '@/components/shared-preview'
import { sharePath, useShare } from '@/lib/share'
import { useLoadState } from '@/lib/use-load-state'
import { ROUTES, proposalsApi } from '../../api'
import './index.scss'

/** A project: who is responsible, progress and its timeline, the proposals it answers, and the outcome. */
export default function ProjectPage() {
  const [state, run] = useLoadState<ProjectView>()
  const projectId = useRef('')
  const load = () => run(() => proposalsApi.project(projectId.current))
  useLoad((params) => {
    projectId.current = params.projectId ?? ''
  })
  useDidShow(() => {
    void load()
  })
  useShare(() =>
    state.kind === 'ready'
      ? {
          title: `社区项目：${state.data.title}（进度 ${state.data.progress}%）`,
          path: sharePath('/packages/proposals/pages/project/index', {
            projectId: state.data.projectId,
            communityId: state.data.communityId,
          }),
        }
      : null,
  )

  if (state.kind === 'loading')
    return (
      <PageShell className='proposal-project'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error' && state.error.code === 'AUTH.FORBIDDEN')
    return (
      <PageShell className='proposal-project'>
        <SharedPreview kind='project' id={projectId.current} onJoined={load} />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='proposal-project'>
        <ErrorView error={state.error} onRetry={load} />
      </PageShell>
    )
  const p = state.data
  return (
    <PageShell className='proposal-project'>
      <View className='yb-card'>
        <Text className='yb-tag'>{PROJECT_STATUS_LABEL[p.status]}</Text>
        <View className='yb-hero proposal-project__title'>{p.title}</View>
        <View className='yb-small'>负责人：{p.owner}</View>
        {p.dueDate && <View className='yb-small'>计划完成：{p.dueDate}</View>}
        {p.cost !== null && <View className='yb-small'>预算：{p.cost} 元</View>}
        {p.summary && <View className='proposal-project__summary'>{p.summary}</View>}
        <View className='proposal-project__bar'>
          <View className='proposal-project__fill' style={`width: ${p.progress}%`} />
        </View>
        <View>进度 {p.progress}%</View>
      </View>

      {p.outcome && (
        <View className='yb-card proposal-project__outcome'>
          <View className='yb-title'>成效</View>
          <View className='yb-notice-body'>{p.outcome}</View>
          {p.outcomePhotos.map((ph) => (
            <Image key={ph.fileId} className='proposal-project__photo' src={ph.url} mode='aspectFill' />
          ))}
        </View>
      )}

      <View className='yb-section-title'>来自这些建议</View>
      {p.proposals.map((s) => (
        <View
          key={s.proposalId}
          className='yb-card yb-row'
          onClick={() => Taro.navigateTo({ url: `${ROUTES.detail}?proposalId=${s.proposalId}` })}
        >
          <Text className='yb-tag yb-tag--muted'>{s.category}</Text>
          <Text className='proposal-project__source'>{s.title}</Text>
          <View className='yb-spacer' />
          <Text className='yb-small'>{PROPOSAL_STATUS_LABEL[s.status]}</Text>
        </View>
      ))}

      <View className='yb-section-title'>进展记录</View>
      <View className='yb-card'>
        {[...p.timeline].reverse().map((e, i) => (
          <View key={`${e.at}-${i}`} className='proposal-project__event'>
            <View className='yb-row'>
              <Text className='yb-tag'>{e.progress}%</Text>
              <View className='yb-spacer' />
              <Text className='yb-small'>{formatShanghai(e.at, 'YYYY-MM-DD')}</Text>
            </View>
            <View>{e.text}</View>
            {e.photoUrl && <Image className='proposal-project__photo' src={e.photoUrl} mode='aspectFill' />}
          </View>
        ))}
      </View>

      {p.viewer.canUpdate && (
        <Button
          className='yb-btn yb-btn--primary yb-btn--block'
          onClick={() => Taro.navigateTo({ url: `${ROUTES.staffProject}?projectId=${p.projectId}` })}
        >
          更新进展
        </Button>
      )}
    </PageShell>
  )
}
