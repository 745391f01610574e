import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { TODO_LABEL, sendQueueLine, type TodoItem } from 'types/insights'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useCommunityPage } from '@/lib/use-community-page'
import { ROUTES, workbenchApi } from '../../api'
import './index.scss'

type Data = { items: TodoItem[]; isDistrictAdmin: boolean; queue: string | null }

async function load(communityId: string): Promise<Result<Data>> {
  const [todo, profile, queue] = await Promise.all([
    workbenchApi.todo(communityId),
    workbenchApi.profile(),
    workbenchApi.queue(communityId),
  ])
  if (!todo.ok) return todo
  return {
    ok: true,
    data: {
      items: todo.data.items,
      isDistrictAdmin: profile.ok && profile.data.isDistrictAdmin,
      queue: queue.ok ? sendQueueLine(queue.data) : null,
    },
  }
}

const due = (item: TodoItem) => (item.dueAt ? `${item.overdue ? '已逾期 · ' : ''}${formatShanghai(item.dueAt, 'M月D日 HH:mm')} 前` : '')

/** 工作台: every to-do across the features, nearest deadline first, each one tap from where it is done. */
export default function WorkbenchPage() {
  const { state, refresh, communityId } = useCommunityPage(load)
  const go = (url: string) => Taro.navigateTo({ url })
  return (
    <PageShell className='workbench'>
      <View className='yb-row yb-actions'>
        <Button className='yb-btn yb-btn--primary' onClick={() => go(`${ROUTES.insights}?communityId=${communityId.current}`)}>
          数据看板
        </Button>
        {state.kind === 'ready' && state.data.isDistrictAdmin && (
          <Button className='yb-btn' onClick={() => go(`${ROUTES.insights}?district=1`)}>
            全区对比
          </Button>
        )}
      </View>
      {state.kind === 'ready' && state.data.queue && (
        <View className='yb-small workbench__queue' aria-label={state.data.queue}>
          {state.data.queue}
        </View>
      )}
      <View className='yb-section-title'>待办{state.kind === 'ready' ? `（${state.data.items.length}）` : ''}</View>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={refresh} />}
      {state.kind === 'ready' && state.data.items.length === 0 && (
        <Empty title='没有待办' hint='新的建议、答复期限、报名和举报都会出现在这里。' />
      )}
      {state.kind === 'ready' &&
        state.data.items.map((item) => (
          <View
            key={`${item.kind}-${item.id}`}
            className={`yb-card workbench__todo${item.overdue ? ' workbench__todo--overdue' : ''}`}
            role='button'
            aria-label={`${TODO_LABEL[item.kind]}：${item.title}${item.dueAt ? `，${due(item)}` : ''}`}
            onClick={() => go(item.page)}
          >
            <View className='yb-row'>
              <Text className={`yb-tag${item.overdue ? ' yb-tag--pin' : ''}`}>{TODO_LABEL[item.kind]}</Text>
              <View className='yb-spacer' />
              {item.dueAt && <Text className={`yb-small${item.overdue ? ' workbench__overdue' : ''}`}>{due(item)}</Text>}
            </View>
            <View className='workbench__title'>{item.title}</View>
          </View>
        ))}
    </PageShell>
  )
}
