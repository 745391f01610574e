import { useState } from 'react'
import { Button, Input, View } from '@tarojs/components'
import { WALK_IN_NAME_MAX } from 'types/events-base'

/** 代报名: a resident at the community's window, by name (and birth year for an age band). */
export default function WalkInSignup(props: { busy: boolean; onSignUp: (name: string, birthYear: string) => Promise<boolean> }) {
  const [walkIn, setWalkIn] = useState({ name: '', birthYear: '' })
  return (
    <View className='yb-card'>
      <View className='yb-title'>代报名（到社区窗口的居民）</View>
      <View className='yb-row'>
        <Input
          className='yb-input staff-signups__name'
          value={walkIn.name}
          maxlength={WALK_IN_NAME_MAX}
          placeholder='姓名或称呼'
          onInput={(ev) => setWalkIn({ ...walkIn, name: ev.detail.value })}
        />
        <Input
          className='yb-input staff-signups__year'
          type='number'
          value={walkIn.birthYear}
          placeholder='出生年（选填）'
          onInput={(ev) => setWalkIn({ ...walkIn, birthYear: ev.detail.value })}
        />
      </View>
      <Button
        className='yb-btn yb-btn--block'
        disabled={props.busy}
        onClick={async () => {
          if (await props.onSignUp(walkIn.name, walkIn.birthYear)) setWalkIn({ name: '', birthYear: '' })
        }}
      >
        代报名
      </Button>
    </View>
  )
}
