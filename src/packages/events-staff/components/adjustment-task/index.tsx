import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { EventView } from 'types/events'
import { ADJUSTMENT_NOTE_MAX } from 'types/events-base'

/** 评价偏低: the ratings were low — after finding out why and changing something, say so publicly (我们改进了). */
export default function AdjustmentTask(props: { event: EventView; busy: boolean; onClose: (note: string) => Promise<boolean> }) {
  const { event: e } = props
  const [note, setNote] = useState('')
  return (
    <View className='yb-card'>
      <View className='yb-title'>
        评价偏低（平均 {e.rating.average} 分，{e.rating.count} 人）
      </View>
      <Text className='yb-small'>了解原因、做出改进后，写一句公开说明，会显示在活动{e.seriesTitle ? '和系列' : ''}页上。</Text>
      <Textarea
        className='yb-textarea'
        value={note}
        maxlength={ADJUSTMENT_NOTE_MAX}
        placeholder='我们改进了：…'
        onInput={(ev) => setNote(ev.detail.value)}
      />
      <Button
        className='yb-btn yb-btn--primary yb-btn--block'
        disabled={props.busy}
        onClick={async () => {
          if (await props.onClose(note.trim())) setNote('')
        }}
      >
        公开改进说明
      </Button>
    </View>
  )
}
