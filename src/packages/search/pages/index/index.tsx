import { useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { searchInput, type SearchResult } from 'types/search'
import { formatShanghai } from 'types/time-format'
import FormField from '@/components/form-field'
import PageShell from '@/components/page-shell'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import { callCloud, type ClientError } from '@/lib/cloud'
import { getCurrentCommunity } from '@/lib/current-community'
import { issuesByField } from '@/lib/form-issues'

const KIND_LABEL: Record<SearchResult['kind'], string> = { notice: '通知', event: '活动', proposal: '建议' }
const PAGE: Record<SearchResult['kind'], (id: string) => string> = {
  notice: (id) => `/packages/notices/pages/detail/index?noticeId=${id}`,
  event: (id) => `/packages/events/pages/detail/index?eventId=${id}`,
  proposal: (id) => `/packages/proposals/pages/detail/index?proposalId=${id}`,
}

type State =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; error: ClientError } | { kind: 'ready'; q: string; results: SearchResult[] }

/** 搜索 in the current community: notices, events and proposals by any two characters or more of their title and text. */
export default function SearchPage() {
  const communityId = useRef('')
  const [name, setName] = useState('')
  const [q, setQ] = useState('')
  const [error, setError] = useState('')
  const [state, setState] = useState<State>({ kind: 'idle' })
  useLoad((params) => {
    const current = getCurrentCommunity()
    communityId.current = params.communityId ?? current?.communityId ?? ''
    setName(current?.communityId === communityId.current ? current.name : '')
  })

  const run = async (text: string) => {
    const input = { communityId: communityId.current, q: text }
    const checked = searchInput.safeParse(input)
    if (!checked.success) return setError(issuesByField(checked.error.issues).q ?? '请输入至少两个字')
    setError('')
    setState({ kind: 'loading' })
    const res = await callCloud('search', 'search', checked.data)
    if (!res.ok) return setState({ kind: 'error', error: res.error })
    setState({ kind: 'ready', q: checked.data.q, results: res.data.results })
  }

  return (
    <PageShell className='search'>
      <View className='yb-card'>
        <FormField label={name ? `在${name}里搜索` : '搜索'} error={error}>
          <Input
            className='yb-input search-input'
            confirmType='search'
            focus
            placeholder='通知、活动、建议，输入两个字以上'
            value={q}
            onInput={(e) => setQ(e.detail.value)}
            onConfirm={(e) => run(e.detail.value)}
          />
        </FormField>
        <Button className='yb-btn yb-btn--primary yb-btn--block search-submit' onClick={() => run(q)}>
          搜索
        </Button>
      </View>
      {state.kind === 'loading' && <Loading text='正在搜索…' />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={() => run(q)} />}
      {state.kind === 'ready' && state.results.length === 0 && (
        <Empty title={`没有找到“${state.q}”`} hint='换个说法试试，比如只输入两个字：停水、路灯、长椅。' />
      )}
      {state.kind === 'ready' &&
        state.results.map((r) => (
          <View key={`${r.kind}-${r.id}`} className='yb-card search-result' onClick={() => Taro.navigateTo({ url: PAGE[r.kind](r.id) })}>
            <View className='yb-row'>
              <Text className='yb-tag'>{KIND_LABEL[r.kind]}</Text>
              {r.at && <Text className='yb-small'>{formatShanghai(r.at, 'M月D日')}</Text>}
            </View>
            <View className='yb-title'>{r.title}</View>
            <View className='yb-small'>{r.snippet}</View>
          </View>
        ))}
    </PageShell>
  )
}
