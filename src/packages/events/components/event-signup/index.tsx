import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { ChildView } from 'types/communities'
import type { EventView } from 'types/events'
import { ageBandLabel } from 'types/events-base'

/**
 * 报名 / 登记抽签: for myself, or for each of my children not yet signed up. An event whose whole age band is under 18
 * (`forChildren`) is signed up for a child only, with 添加孩子 when there is none. 排队中 while the sign-up retries.
 */
export default function EventSignup(props: {
  event: EventView
  freeChildren: ChildView[]
  forChildren: boolean
  selfAllowed: boolean
  queued: boolean
  busy: boolean
  onSignUp: (participantId?: string) => void
}) {
  const { event: e, freeChildren, forChildren, selfAllowed, busy } = props
  return (
    <View className='yb-card event-detail__signup'>
      <View className='yb-title'>{e.allocation === 'lottery' ? '登记抽签' : '报名'}</View>
      <Text className='yb-small'>
        {e.allocation === 'lottery'
          ? '报名截止后公开抽签，没抽中的按抽签顺序候补。'
          : e.counts.remaining > 0
            ? `还剩 ${e.counts.remaining} 个名额，先到先得。`
            : '名额已满，报名后进入候补，有人取消时按顺序递补。'}
      </Text>
      {props.queued && (
        <View className='event-detail__queued' role='status' aria-live='polite'>
          <Text>排队中……报名的人很多，正在为你自动重试，请不要离开本页。</Text>
        </View>
      )}
      {forChildren && (
        <View className='event-detail__for-children event-for-children'>
          <Text>这是儿童活动，请为孩子报名（{ageBandLabel(e.ageMin, e.ageMax)}）。</Text>
          {freeChildren.length === 0 && (
            <Button
              className='yb-btn yb-btn--block event-add-child'
              onClick={() => Taro.navigateTo({ url: '/packages/profile/pages/children/index' })}
            >
              ＋ 添加孩子（称呼和出生年份）
            </Button>
          )}
        </View>
      )}
      {selfAllowed && (
        <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={() => props.onSignUp()}>
          为自己报名
        </Button>
      )}
      {e.viewer.canSignUpChild &&
        freeChildren.map((c) => (
          <Button
            key={c.childId}
            className='yb-btn yb-btn--primary yb-btn--block'
            disabled={busy}
            onClick={() => props.onSignUp(c.childId)}
          >
            为 {c.alias} 报名（{c.age} 岁）
          </Button>
        ))}
    </View>
  )
}
