import { View } from '@tarojs/components'
import DateTimeField from '@/components/date-time-field'
import FormField from '@/components/form-field'
import type { FieldErrors } from '@/lib/form'
import type { EventForm } from '../../lib/event-form'

type Set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => void

/** 时间: when it starts and ends, when sign-up opens and closes, and until when a sign-up can be cancelled. */
export default function EventTimes({ values, errors, set, fixed }: { values: EventForm; errors: FieldErrors; set: Set; fixed: boolean }) {
  return (
    <>
      <DateTimeField label='开始' value={values.start} onChange={(w) => set('start', w)} />
      <DateTimeField label='结束' value={values.end} onChange={(w) => set('end', w)} />
      {!fixed && <DateTimeField label='开始报名' value={values.opens} onChange={(w) => set('opens', w)} />}
      <DateTimeField label='报名截止' value={values.closes} onChange={(w) => set('closes', w)} />
      <FormField>
        <View className='yb-chips'>
          <View className={`yb-chip${!values.deadline ? ' yb-chip--on' : ''}`} onClick={() => set('deadline', false)}>
            开始前都能取消
          </View>
          <View className={`yb-chip${values.deadline ? ' yb-chip--on' : ''}`} onClick={() => set('deadline', true)}>
            设取消截止时间
          </View>
        </View>
      </FormField>
      {values.deadline && <DateTimeField label='取消截止' value={values.cancelBefore} onChange={(w) => set('cancelBefore', w)} />}
      {errors.startAt && <View className='yb-field-error'>{errors.startAt}</View>}
    </>
  )
}
