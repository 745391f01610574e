import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'

/** 取消活动: a reason (told to everyone signed up) and the button that cancels and tells them. */
export default function EventCancel({ busy, onCancel }: { busy: boolean; onCancel: (reason: string | undefined) => void }) {
  const [reason, setReason] = useState('')
  return (
    <View className='yb-card'>
      <Text className='yb-label'>取消活动</Text>
      <Input
        className='yb-input'
        value={reason}
        maxlength={100}
        placeholder='原因（会告诉报名的人）'
        onInput={(ev) => setReason(ev.detail.value)}
      />
      <Button className='yb-btn yb-btn--block' disabled={busy} onClick={() => onCancel(reason.trim() || undefined)}>
        取消活动并通知报名的人
      </Button>
    </View>
  )
}
