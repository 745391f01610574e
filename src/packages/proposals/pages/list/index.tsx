import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Button, ScrollView, View } from '@tarojs/components'
import { PROPOSAL_STATUS_LABEL, PUBLIC_PROPOSAL_STATUSES, type ProposalSummary, type PublicProposalStatus } from 'types/proposals'
import PageShell from '@/components/page-shell'
import ProposalCard from '@/components/proposal-card'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import type { ClientError } from '@/lib/cloud'
import { getCurrentCommunity } from '@/lib/current-community'
import { ROUTES, proposalsApi } from '../../api'
import './index.scss'

type State = { kind: 'loading' } | { kind: 'error'; error: ClientError } | { kind: 'ready'; items: ProposalSummary[]; next: string | null }
const PAGE = 20

/** Every listed proposal of the community, by status and category, newest first; plus "my proposals" in any state. */
export default function ProposalListPage() {
  const communityId = useRef('')
  const [status, setStatus] = useState<PublicProposalStatus | 'mine' | undefined>(undefined)
  const [category, setCategory] = useState<string | undefined>(undefined)
  const [categories, setCategories] = useState<string[]>([])
  // 我要提建议 only for whom the server says may submit (not a child's own account: children go to 儿童议事会)
  const [canSubmit, setCanSubmit] = useState(false)
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [ready, setReady] = useState(false)
  const seq = useRef(0)

  const load = async (before?: string) => {
    const mine = ++seq.current
    if (status === 'mine') {
      const res = await proposalsApi.mine(communityId.current)
      if (mine !== seq.current) return
      return setState(res.ok ? { kind: 'ready', items: res.data.proposals, next: null } : { kind: 'error', error: res.error })
    }
    const res = await proposalsApi.list({
      communityId: communityId.current,
      limit: PAGE,
      ...(status ? { status } : {}),
      ...(category ? { category } : {}),
      ...(before ? { before } : {}),
    })
    if (mine !== seq.current) return
    if (!res.ok) return setState({ kind: 'error', error: res.error })
    setState((s) => ({
      kind: 'ready',
      items: before && s.kind === 'ready' ? [...s.items, ...res.data.proposals] : res.data.proposals,
      next: res.data.next,
    }))
  }

  useLoad((params) => {
    communityId.current = params.communityId ?? getCurrentCommunity()?.communityId ?? ''
    if (params.status && (PUBLIC_PROPOSAL_STATUSES as readonly string[]).includes(params.status))
      setStatus(params.status as PublicProposalStatus)
    if (params.category) setCategory(decodeURIComponent(params.category))
    void proposalsApi.settings(communityId.current).then((r) => {
      if (!r.ok) return
      setCategories(r.data.categories)
      setCanSubmit(r.data.viewer.canSubmit)
    })
    setReady(true)
  })
  useEffect(() => {
    if (ready) void load()
  }, [ready, status, category])
  useDidShow(() => {
    if (ready) void load()
  })
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })

  const chip = (on: boolean, label: string, onClick: () => void) => (
    <View key={label} className={`yb-chip${on ? ' yb-chip--on' : ''}`} onClick={onClick}>
      {label}
    </View>
  )

  return (
    <PageShell className='proposal-list'>
      {canSubmit && (
        <Button
          className='yb-btn yb-btn--primary yb-btn--block proposal-list__submit'
          onClick={() => Taro.navigateTo({ url: `${ROUTES.submit}?communityId=${communityId.current}` })}
        >
          我要提建议
        </Button>
      )}
      <ScrollView scrollX className='proposal-list__scroll'>
        <View className='proposal-list__chips'>
          {chip(status === undefined, '全部', () => setStatus(undefined))}
          {PUBLIC_PROPOSAL_STATUSES.map((s) => chip(status === s, PROPOSAL_STATUS_LABEL[s], () => setStatus(s)))}
          {chip(status === 'mine', '我提的', () => setStatus('mine'))}
        </View>
      </ScrollView>
      {status !== 'mine' && categories.length > 0 && (
        <ScrollView scrollX className='proposal-list__scroll'>
          <View className='proposal-list__chips'>
            {chip(category === undefined, '全部分类', () => setCategory(undefined))}
            {categories.map((c) => chip(category === c, c, () => setCategory(c)))}
          </View>
        </ScrollView>
      )}
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={() => load()} />}
      {state.kind === 'ready' && state.items.length === 0 && (
        <Empty title='没有符合条件的建议' hint='换一个状态或分类看看，或者点“我要提建议”说一说。' />
      )}
      {state.kind === 'ready' &&
        state.items.map((p) => (
          <ProposalCard
            key={p.proposalId}
            proposal={p}
            onOpen={() => Taro.navigateTo({ url: `${ROUTES.detail}?proposalId=${p.proposalId}` })}
          />
        ))}
      {state.kind === 'ready' && state.next && (
        <Button className='yb-btn yb-btn--block' onClick={() => load(state.next!)}>
          加载更多
        </Button>
      )}
    </PageShell>
  )
}
