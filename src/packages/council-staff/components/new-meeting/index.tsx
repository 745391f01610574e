import Taro from '@tarojs/taro'
import { Button, Input, View } from '@tarojs/components'
import { createMeetingInput } from 'types/council'
import { fromWallClock, toWallClock, type WallClock } from 'types/time'
import DateTimeField from '@/components/date-time-field'
import { useForm } from '@/lib/use-form'
import { councilStaffApi } from '../../api'

type Meeting = { title: string; when: WallClock; place: string }

/** the next full hour, in Chengdu; staff change it with the date and time pickers */
const nextHour = () => toWallClock(new Date(Math.ceil((Date.now() + 60_000) / 3600_000) * 3600_000))

/** 新建会议: name, time (date + time pickers), place; opens meeting mode for it. */
export default function NewMeeting({ communityId, onCreated }: { communityId: string; onCreated: (meetingId: string) => void }) {
  const form = useForm<Meeting>(() => ({ title: '', when: nextHour(), place: '' }))
  const { values, errors, busy, set } = form
  const create = () =>
    form.submit(async () => {
      const input = { communityId, title: values.title, startsAt: fromWallClock(values.when), place: values.place }
      if (!form.check(createMeetingInput, input)) return
      const res = await councilStaffApi.createMeeting(input)
      if (!res.ok) {
        // field problems at their field; anything else as a toast
        const copy = form.refuse(res.error)
        if (!res.error.issues?.length) void Taro.showToast({ title: copy, icon: 'none' })
        return
      }
      onCreated(res.data.meetingId)
    })
  return (
    <View className='yb-card council-staff-new-meeting'>
      <Input className='yb-input' placeholder='会议名称' value={values.title} onInput={(e) => set('title', e.detail.value)} />
      {errors.title && <View className='yb-field-error'>{errors.title}</View>}
      <DateTimeField
        label='时间'
        value={values.when}
        onChange={(w) => set('when', w)}
        error={errors.startsAt}
        className='council-staff-meeting-when'
      />
      <Input className='yb-input' placeholder='地点' value={values.place} onInput={(e) => set('place', e.detail.value)} />
      {errors.place && <View className='yb-field-error'>{errors.place}</View>}
      <Button className='yb-btn yb-btn--primary' disabled={busy} onClick={create}>
        新建会议
      </Button>
    </View>
  )
}
