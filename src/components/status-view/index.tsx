import { Button, Text, View } from '@tarojs/components'
import type { ClientError } from '../../lib/cloud'
import { errorCopy } from '../../lib/error-copy'
import './index.scss'

/** Loading, empty, error and 无权限 states, the same on every page. */
export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='yb-status'>
      <Text className='yb-small'>{text}</Text>
    </View>
  )
}

export function Empty({ title, hint }: { title: string; hint?: string }) {
  return (
    <View className='yb-status yb-card'>
      <Text className='yb-title'>{title}</Text>
      {hint && <Text className='yb-small yb-status__hint'>{hint}</Text>}
    </View>
  )
}

/** What a person sees when the function answered AUTH.FORBIDDEN (or a read model says they may not manage). */
export function Forbidden() {
  return (
    <View className='yb-status yb-card yb-status--forbidden'>
      <Text className='yb-hero'>无权限</Text>
      <Text className='yb-status__hint'>只有本社区的工作人员可以查看和管理这里的内容。</Text>
    </View>
  )
}

export function ErrorView({ error, onRetry }: { error: ClientError; onRetry?: () => void }) {
  if (error.code === 'AUTH.FORBIDDEN') return <Forbidden />
  return (
    <View className='yb-status yb-card'>
      <Text className='yb-title'>{errorCopy(error)}</Text>
      {onRetry && (
        <Button className='yb-btn yb-btn--block' onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}
