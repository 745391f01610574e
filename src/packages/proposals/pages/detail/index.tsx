import { useRef, useState } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Button, Image, Text, Textarea, View } from '@tarojs/components'
import {
  ANSWER_DECISION_LABEL,
  PROPOSAL_COMMENT_MAX,
  PROPOSAL_STATUS_LABEL,
  PROPOSAL_TEMPLATES,
  PROJECT_STATUS_LABEL,
  type ProposalView,
} from 'types/proposals'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useAction } from '@/lib/use-action'
import SharedPreview from '@/components/shared-preview'
import { sharePath, useShare } from '@/lib/share'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import { proposalShareTitle } from 'types/share'

const PROPOSAL_DETAIL = '/packages/proposals/pages/detail/index'
import { askToBeTold } from '../../lib/subscribe'
import { ROUTES, proposalsApi } from '../../api'
import './index.scss'

const day = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD')

/** One proposal: support (附议), the answer, its project, the timeline and comments; the author's and staff's actions. */
export default function ProposalDetailPage() {
  const [state, run, setState] = useLoadState<ProposalView>()
  const proposalId = useRef('')
  const { busy, act, fail } = useAction(() => load())
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
  const progress = Math.min(100, Math.round((p.supportCount / Math.max(1, p.threshold)) * 100))

  return (
    <PageShell className='proposal-detail'>
      <View className='yb-card'>
        <View className='yb-row'>
          <Text className='yb-tag proposal-detail__status'>{PROPOSAL_STATUS_LABEL[p.status]}</Text>
          <Text className='yb-tag yb-tag--muted'>{p.category}</Text>
          {p.hidden && <Text className='yb-tag yb-tag--muted'>已隐藏，等待工作人员处理</Text>}
          {p.moderation === 'review' && <Text className='yb-tag yb-tag--muted'>内容待人工审核</Text>}
        </View>
        <View className='yb-hero proposal-detail__title'>{p.title}</View>
        <View className='yb-small'>
          {p.authorName ?? '作者已撤回'} · {p.publishedAt ? `公示于 ${day(p.publishedAt)}` : `提交于 ${day(p.createdAt)}`}
        </View>
        {p.place && <View className='yb-small'>地点：{p.place}</View>}
        <View className='yb-notice-body proposal-detail__body'>{p.description}</View>
        {p.photos.length > 0 && (
          <View className='proposal-detail__photos'>
            {p.photos.map((ph) => (
              <Image
                key={ph.fileId}
                className='proposal-detail__photo'
                src={ph.url}
                mode='aspectFill'
                aria-label='照片，点按放大'
                onClick={() => Taro.previewImage({ urls: p.photos.map((x) => x.url), current: ph.url })}
              />
            ))}
          </View>
        )}
      </View>

      {p.review && (p.status === 'returned' || p.status === 'refused') && (
        <View className='yb-card proposal-detail__review'>
          <Text className='yb-label'>{p.status === 'returned' ? '工作人员请你补充修改' : '未通过审核的原因'}</Text>
          <Text>{p.review.reason}</Text>
        </View>
      )}

      {(p.publishedAt || v.supported) && (
        <View className='yb-card proposal-detail__support'>
          <View className='yb-row'>
            <Text className='yb-hero proposal-detail__count'>{p.supportCount}</Text>
            <Text>位邻居附议</Text>
            <View className='yb-spacer' />
            <Text className='yb-small'>满 {p.threshold} 人社区必答</Text>
          </View>
          <View className='proposal-detail__bar'>
            <View className='proposal-detail__fill' style={`width: ${progress}%`} />
          </View>
          {p.thresholdReached && p.answerDueAt && !p.answer?.decision.match(/accepted|rejected/) && (
            <View className={p.overdue ? 'proposal-detail__overdue' : 'yb-small'}>
              {p.overdue ? `社区答复已逾期（应于 ${day(p.answerDueAt)} 前答复）` : `已达附议人数，社区将于 ${day(p.answerDueAt)} 前答复`}
            </View>
          )}
          {p.supportOpen && p.supportUntil && <View className='yb-small'>附议截止 {day(p.supportUntil)}</View>}
          {v.canSupport && (
            <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={() => support(p)}>
              附议（我也支持）
            </Button>
          )}
          {v.canUnsupport && (
            <Button className='yb-btn yb-btn--block' disabled={busy} onClick={() => unsupport(p)}>
              已附议 · 取消附议
            </Button>
          )}
          {v.isAuthor && p.supportOpen && <View className='yb-small'>这是你的建议：请邻居们来附议吧。</View>}
        </View>
      )}

      {p.answer && (
        <View className='yb-card proposal-detail__answer'>
          <View className='yb-row'>
            <Text className='yb-title'>社区答复</Text>
            <Text className='yb-tag yb-tag--pin'>{ANSWER_DECISION_LABEL[p.answer.decision]}</Text>
            <View className='yb-spacer' />
            <Text className='yb-small'>{day(p.answer.answeredAt)}</Text>
          </View>
          <View className='yb-notice-body'>{p.answer.explanation}</View>
          {p.answer.cost !== null && <View className='yb-small'>预算：{p.answer.cost} 元</View>}
          {p.answer.dueDate && <View className='yb-small'>预计完成：{p.answer.dueDate}</View>}
        </View>
      )}

      {p.project && (
        <View className='yb-card proposal-detail__project' onClick={() => go(`${ROUTES.project}?projectId=${p.project!.projectId}`)}>
          <View className='yb-row'>
            <Text className='yb-title'>项目：{p.project.title}</Text>
            <Text className='yb-tag'>{PROJECT_STATUS_LABEL[p.project.status]}</Text>
          </View>
          <View className='yb-small'>
            负责人：{p.project.owner} · 进度 {p.project.progress}%
          </View>
          <View className='proposal-detail__bar'>
            <View className='proposal-detail__fill' style={`width: ${p.project.progress}%`} />
          </View>
          {p.project.outcome && <View className='proposal-detail__outcome'>成效：{p.project.outcome}</View>}
        </View>
      )}

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

      <View className='yb-section-title'>进展</View>
      <View className='yb-card proposal-detail__timeline'>
        {p.timeline.map((e, i) => (
          <View key={`${e.at}-${i}`} className='proposal-detail__event'>
            <View className='yb-row'>
              <Text className='proposal-detail__event-title'>{e.title}</Text>
              {e.progress !== null && <Text className='yb-tag'>{e.progress}%</Text>}
              <View className='yb-spacer' />
              <Text className='yb-small'>{formatShanghai(e.at, 'MM-DD HH:mm')}</Text>
            </View>
            {e.text && <View className='proposal-detail__event-text'>{e.text}</View>}
            {e.photoUrl && <Image className='proposal-detail__photo' src={e.photoUrl} mode='aspectFill' />}
          </View>
        ))}
      </View>

      <View className='yb-section-title'>留言 {p.commentCount > 0 ? `(${p.commentCount})` : ''}</View>
      {p.comments.length === 0 && <View className='yb-small proposal-detail__none'>还没有留言</View>}
      {p.comments.map((c) => (
        <View key={c.commentId} className='yb-card proposal-detail__comment'>
          <View className='yb-row yb-small'>
            <Text>{c.authorName}</Text>
            <Text>{formatShanghai(c.createdAt, 'MM-DD HH:mm')}</Text>
            {c.moderation === 'review' && <Text className='yb-tag yb-tag--muted'>待审核</Text>}
            {c.hidden && <Text className='yb-tag yb-tag--muted'>已隐藏</Text>}
            <View className='yb-spacer' />
            {c.viewer.canReport && (
              <Text className='yb-link' onClick={() => report({ commentId: c.commentId })}>
                举报
              </Text>
            )}
          </View>
          <View>{c.body}</View>
        </View>
      ))}
      {v.canComment && (
        <View className='yb-card'>
          <Textarea
            className='yb-textarea proposal-detail__input'
            value={comment}
            maxlength={PROPOSAL_COMMENT_MAX}
            placeholder='说说你的看法或补充情况'
            onInput={(e) => setComment(e.detail.value)}
          />
          <Button className='yb-btn yb-btn--block' disabled={busy || !comment.trim()} onClick={() => sendComment(p)}>
            发表留言
          </Button>
        </View>
      )}
      {v.canReport && (
        <View className='yb-link proposal-detail__report' onClick={() => report({ proposalId: p.proposalId })}>
          举报这条建议
        </View>
      )}
    </PageShell>
  )
}
