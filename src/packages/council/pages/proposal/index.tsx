import { useRef } from 'react'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { Button } from '@tarojs/components'
import type { ChildProposalView } from 'types/council'
import PageShell from '@/components/page-shell'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useLoadState } from '@/lib/use-load-state'
import { councilApi, getCurrentCommunity } from '../../api'
import { ProposalCard } from '../../components/proposal-card'
import '../index/index.scss'

async function load(proposalId: string, communityId: string): Promise<Result<ChildProposalView | null>> {
  const res = await councilApi.proposals(communityId)
  if (!res.ok) return res
  return { ok: true, data: [...res.data.mine, ...res.data.public].find((p) => p.proposalId === proposalId) ?? null }
}

/** One child proposal and the adult's answer (opened from the inbox or a subscribe message). */
export default function CouncilProposalPage() {
  const [state, run] = useLoadState<ChildProposalView | null>()
  const ids = useRef({ proposalId: '', communityId: '' })
  useLoad((params) => {
    ids.current = { proposalId: params.proposalId ?? '', communityId: params.communityId ?? getCurrentCommunity()?.communityId ?? '' }
  })
  useDidShow(() => {
    void run(() => load(ids.current.proposalId, ids.current.communityId))
  })
  if (state.kind === 'loading')
    return (
      <PageShell className='council'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='council'>
        <ErrorView error={state.error} />
      </PageShell>
    )
  return (
    <PageShell className='council'>
      {state.data ? <ProposalCard p={state.data} /> : <Empty title='没有找到这条建议' />}
      <Button className='yb-btn council__big' onClick={() => Taro.redirectTo({ url: '/packages/council/pages/index/index' })}>
        🧒 回到儿童议事会
      </Button>
    </PageShell>
  )
}
