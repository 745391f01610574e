import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, ScrollView, Text, View } from '@tarojs/components'
import type { CommunityView } from 'types/communities'
import type { ProposalSettingsView, ProposalSummary } from 'types/proposals'
import type { PublicProposalStatus } from 'types/proposals-base'
import ProposalCard from '../proposal-card'
import { Empty, ErrorView, Loading } from '../status-view'
import type { ClientError } from '../../lib/cloud'
import { PROPOSAL_ROUTES, proposalsHomeApi } from '../../lib/proposals-api'
import './index.scss'

/** The status filters residents use most; the full list page has them all. */
const STATUS_CHIPS: { label: string; status: PublicProposalStatus | undefined }[] = [
  { label: '全部', status: undefined },
  { label: '征集附议', status: 'published' },
  { label: '评估中', status: 'evaluating' },
  { label: '已采纳', status: 'accepted' },
  { label: '实施中', status: 'implementing' },
  { label: '已完成', status: 'completed' },
]
const SHOWN = 5

type State = { kind: 'loading' } | { kind: 'error'; error: ClientError } | { kind: 'ready'; proposals: ProposalSummary[]; more: boolean }

/**
 * 居民议事 on 首页: the community's proposals by status and category, the way in to submit one, the three lists
 * (问题 → 项目 → 成效) and, for staff, the review queue. Loads itself and reloads whenever the page shows again.
 */
export default function ProposalSection({ community }: { community: CommunityView }) {
  const communityId = community.communityId
  const [status, setStatus] = useState<PublicProposalStatus | undefined>(undefined)
  const [category, setCategory] = useState<string | undefined>(undefined)
  const [settings, setSettings] = useState<ProposalSettingsView | null>(null)
  const [state, setState] = useState<State>({ kind: 'loading' })
  const seq = useRef(0)

  const load = async () => {
    const mine = ++seq.current
    const [list, conf] = await Promise.all([
      proposalsHomeApi.list({ communityId, limit: SHOWN + 1, ...(status ? { status } : {}), ...(category ? { category } : {}) }),
      settings && settings.communityId === communityId ? Promise.resolve(null) : proposalsHomeApi.settings(communityId),
    ])
    if (mine !== seq.current) return
    if (conf?.ok) setSettings(conf.data)
    if (!list.ok) return setState({ kind: 'error', error: list.error })
    setState({ kind: 'ready', proposals: list.data.proposals.slice(0, SHOWN), more: list.data.proposals.length > SHOWN })
  }

  useEffect(() => {
    void load()
  }, [communityId, status, category])
  useDidShow(() => {
    void load()
  })

  const go = (url: string) => Taro.navigateTo({ url })
  const query = `communityId=${communityId}${status ? `&status=${status}` : ''}${category ? `&category=${encodeURIComponent(category)}` : ''}`

  return (
    <View className='yb-proposal-section'>
      <View className='yb-row yb-proposal-section__head'>
        <View className='yb-section-title yb-proposal-section__title'>居民议事</View>
        <View className='yb-spacer' />
        <View className='yb-link' onClick={() => go(`${PROPOSAL_ROUTES.lists}?communityId=${communityId}`)}>
          三张清单
        </View>
      </View>
      <View className='yb-row yb-proposal-section__actions'>
        {settings?.viewer.canSubmit !== false && (
          <Button className='yb-btn yb-btn--primary' onClick={() => go(`${PROPOSAL_ROUTES.submit}?communityId=${communityId}`)}>
            我要提建议
          </Button>
        )}
        {community.viewer.canManage && (
          <Button className='yb-btn' onClick={() => go(`${PROPOSAL_ROUTES.staffQueue}?communityId=${communityId}`)}>
            议事管理
          </Button>
        )}
      </View>

      <ScrollView scrollX className='yb-proposal-section__scroll'>
        <View className='yb-proposal-section__chips'>
          {STATUS_CHIPS.map((c) => (
            <View key={c.label} className={`yb-chip${status === c.status ? ' yb-chip--on' : ''}`} onClick={() => setStatus(c.status)}>
              {c.label}
            </View>
          ))}
        </View>
      </ScrollView>
      {settings && (
        <ScrollView scrollX className='yb-proposal-section__scroll'>
          <View className='yb-proposal-section__chips'>
            <View className={`yb-chip${category === undefined ? ' yb-chip--on' : ''}`} onClick={() => setCategory(undefined)}>
              全部分类
            </View>
            {settings.categories.map((c) => (
              <View key={c} className={`yb-chip${category === c ? ' yb-chip--on' : ''}`} onClick={() => setCategory(c)}>
                {c}
              </View>
            ))}
          </View>
        </ScrollView>
      )}

      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && state.proposals.length === 0 && (
        <Empty title='这里还没有建议' hint='身边有什么需要改进的？点“我要提建议”说一说。' />
      )}
      {state.kind === 'ready' &&
        state.proposals.map((p) => (
          <ProposalCard key={p.proposalId} proposal={p} onOpen={() => go(`${PROPOSAL_ROUTES.detail}?proposalId=${p.proposalId}`)} />
        ))}
      {state.kind === 'ready' && state.proposals.length > 0 && (
        <Button className='yb-btn yb-btn--block' onClick={() => go(`${PROPOSAL_ROUTES.list}?${query}`)}>
          {state.more ? '查看全部建议' : '到议事列表'}
        </Button>
      )}
      <Text className='yb-small yb-proposal-section__hint'>
        {settings ? `附议满 ${settings.supportThreshold} 人，社区 ${settings.answerDays} 天内必须答复。` : ''}
      </Text>
    </View>
  )
}
