import { useRef, useState } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { PROPOSAL_TEMPLATES, type ProposalView } from 'types/proposals'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useAction } from '@/lib/use-action'
import SharedPreview from '@/components/shared-preview'
import { sharePath, useShare } from '@/lib/share'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import { proposalShareTitle } from 'types/share'

const PROPOSAL_DETAIL = '/packages/proposals/pages/detail/index'
import AnswerAndProject from '../../components/answer-and-project'
import ProposalBody from '../../components/proposal-body'
import ProposalComments from '../../components/proposal-comments'
import ProposalTimeline from '../../components/proposal-timeline'
import SupportCard from '../../components/support-card'
import { askToBeTold } from '../../lib/subscribe'
import { ROUTES, proposalsApi } from '../../api'
import './index.scss'

/** One proposal: support (附议), the answer, its project, the timeline and comments; the author's and staff's actions. */
export default function ProposalDetailPage() {
  const [state, run, setState] = useLoadState<ProposalView>()
  const proposalId = useRef('')
  const { busy, act } = useAction(() => load())
  const [comment, setComment] = useState('')
  const load = () => run(() => proposalsApi.get(proposalId.current))

  useLoad((params) => {
    proposalId.current = params.proposalId ?? ''
  })
  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })
  /** the card says how many supports it still needs while it collects them */
  useShare(() => {
    if (state.kind !== 'ready') return null
    const p = state.data
    const needed = p.supportOpen && !p.thresholdReached ? Math.max(0, p.threshold - p.supportCount) : null
    return {
      title: proposalShareTitle(p.title, needed),
      path: sharePath(PROPOSAL_DETAIL, { proposalId: p.proposalId, communityId: p.communityId }),
    }
  })

  const support = (p: ProposalView) =>
    act(async () => {
      await askToBeTold([PROPOSAL_TEMPLATES.answer, PROPOSAL_TEMPLATES.outcome])
      const res = await proposalsApi.support(p.proposalId)
      if (res.ok) setState({ kind: 'ready', data: { ...p, supportCount: res.data.supportCount, viewer: { ...p.viewer, supported: true } } })
      return res.ok ? null : res.error
    }, '已附议')
  const unsupport = (p: ProposalView) =>
    act(async () => ((r) => (r.ok ? null : r.error))(await proposalsApi.unsupport(p.proposalId)), '已取消附议')
  const withdraw = async (p: ProposalView) => {
    const confirm = await confirmAction({
      title: '撤回建议',
      content: '撤回后不能恢复。已公示的建议会显示为“已撤回”，不再显示你的名字。',
      confirmText: '撤回',
    })
    if (confirm) void act(async () => ((r) => (r.ok ? null : r.error))(await proposalsApi.withdraw(p.proposalId)), '已撤回')
  }
  const report = async (input: { proposalId: string } | { commentId: string }) => {
    const confirm = await confirmAction({
      title: '举报',
      content: '内容不当（广告、攻击他人、不实信息）？3 位居民举报后会先隐藏，由工作人员处理。',
      confirmText: '举报',
    })
    if (confirm) void act(async () => ((r) => (r.ok ? null : r.error))(await proposalsApi.report(input)), '已举报')
  }
  const sendComment = (p: ProposalView) =>
    act(async () => {
      const body = comment.trim()
      if (!body) return { code: 'INPUT.INVALID', message: 'empty' }
      const res = await proposalsApi.comment(p.proposalId, body)
      if (!res.ok) return res.error
      setComment('')
      if (res.data.moderation === 'review') void Taro.showToast({ title: '留言需审核，通过后其他人可见', icon: 'none', duration: 3000 })
      return null
    })
  const go = (url: string) => Taro.navigateTo({ url })

  if (state.kind === 'loading')
    return (
      <PageShell className='proposal-detail'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error' && state.error.code === 'AUTH.FORBIDDEN')
    return (
      <PageShell className='proposal-detail'>
        <SharedPreview kind='proposal' id={proposalId.current} onJoined={load} />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='proposal-detail'>
        <ErrorView error={state.error} onRetry={load} />
      </PageShell>
    )
  const p = state.data
  const v = p.viewer

  return (
    <PageShell className='proposal-detail'>
      <ProposalBody proposal={p} />

      {(p.publishedAt || v.supported) && (
        <SupportCard proposal={p} busy={busy} onSupport={() => support(p)} onUnsupport={() => unsupport(p)} />
      )}

      <AnswerAndProject proposal={p} onOpenProject={(projectId) => go(`${ROUTES.project}?projectId=${projectId}`)} />

      {(v.canUpdate || v.canWithdraw || v.canReview || v.canAnswer || v.canCreateProject || v.canUnhide) && (
        <View className='yb-card'>
          {v.canUpdate && (
            <Button className='yb-btn yb-btn--block' onClick={() => go(`${ROUTES.submit}?proposalId=${p.proposalId}`)}>
              修改建议
            </Button>
          )}
          {v.canWithdraw && (
            <Button className='yb-btn yb-btn--block' disabled={busy} onClick={() => withdraw(p)}>
              撤回建议
            </Button>
          )}
          {(v.canReview || v.canUnhide) && (
            <Button
              className='yb-btn yb-btn--primary yb-btn--block'
              onClick={() => go(`${ROUTES.staffQueue}?communityId=${p.communityId}`)}
            >
              去审核
            </Button>
          )}
          {v.canAnswer && (
            <Button className='yb-btn yb-btn--primary yb-btn--block' onClick={() => go(`${ROUTES.staffAnswer}?proposalId=${p.proposalId}`)}>
              答复这条建议
            </Button>
          )}
          {v.canCreateProject && (
            <Button
              className='yb-btn yb-btn--primary yb-btn--block'
              onClick={() => go(`${ROUTES.staffProject}?communityId=${p.communityId}&proposalIds=${p.proposalId}`)}
            >
              立项实施
            </Button>
          )}
        </View>
      )}

      <ProposalTimeline proposal={p} />
      <ProposalComments
        proposal={p}
        comment={comment}
        busy={busy}
        onComment={setComment}
        onSend={() => sendComment(p)}
        onReport={(commentId) => report({ commentId })}
      />
      {v.canReport && (
        <View className='yb-link proposal-detail__report' onClick={() => report({ proposalId: p.proposalId })}>
          举报这条建议
        </View>
      )}
    </PageShell>
  )
}
