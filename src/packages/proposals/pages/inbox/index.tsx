import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { InboxItem, InboxOutput } from 'types/proposals'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import { errorCopy } from '@/lib/error-copy'
import { showUnreadBadge } from '@/lib/unread'
import { useLoadState } from '@/lib/use-load-state'
import { proposalsApi } from '../../api'
import './index.scss'

/** The in-app inbox: review results, answers and outcomes of the proposals one wrote or supported. */
export default function InboxPage() {
  const [state, run, setState] = useLoadState<InboxOutput>()
  const load = () => run(() => proposalsApi.inbox())
  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })

  const open = async (m: InboxItem) => {
    if (!m.read && state.kind === 'ready') {
      const res = await proposalsApi.markRead(m.inboxId)
      if (res.ok) {
        showUnreadBadge(res.data.unread)
        setState({
          kind: 'ready',
          data: { unread: res.data.unread, items: state.data.items.map((x) => (x.inboxId === m.inboxId ? { ...x, read: true } : x)) },
        })
      }
    }
    void Taro.navigateTo({ url: `/${m.page}` })
  }

  const readAll = async () => {
    if (state.kind !== 'ready') return
    const res = await proposalsApi.markAllRead()
    if (!res.ok) return Taro.showToast({ title: errorCopy(res.error), icon: 'none' })
    showUnreadBadge(res.data.unread)
    await load()
  }

  return (
    <PageShell className='proposal-inbox'>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && (
        <View>
          <View className='yb-row'>
            <View className='yb-small proposal-inbox__unread'>
              {state.data.unread > 0 ? `${state.data.unread} 条未读` : '没有未读消息'}
            </View>
            <View className='yb-spacer' />
            {state.data.unread > 0 && (
              <Button className='yb-btn proposal-inbox-read-all' onClick={readAll}>
                全部已读
              </Button>
            )}
          </View>
          {state.data.items.length === 0 && (
            <Empty title='还没有消息' hint='报名结果、候补递补、建议的答复和办结、议事会的回信，都会在这里告诉你。' />
          )}
          {state.data.items.map((m) => (
            <View
              key={m.inboxId}
              className={`yb-card proposal-inbox__item${m.read ? '' : ' proposal-inbox__item--unread'}`}
              onClick={() => open(m)}
            >
              <View className='yb-row'>
                {!m.read && <Text className='yb-tag yb-tag--pin'>未读</Text>}
                <Text className='yb-title'>{m.title}</Text>
              </View>
              <View className='proposal-inbox__body'>{m.body}</View>
              <View className='yb-small'>{formatShanghai(m.createdAt)}</View>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}
