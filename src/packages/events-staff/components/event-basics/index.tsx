import { Input, Textarea, View } from '@tarojs/components'
import { EVENT_CATEGORIES, EVENT_DESCRIPTION_MAX, EVENT_PLACE_MAX, EVENT_TITLE_MAX } from 'types/events'
import FormField from '@/components/form-field'
import type { FieldErrors } from '@/lib/form'
import type { EventForm } from '../../lib/event-form'

type Set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => void

/** 基本信息: the name, the kind (活动 / 课程 / …), the place and the description. */
export default function EventBasics({ values, errors, set }: { values: EventForm; errors: FieldErrors; set: Set }) {
  return (
    <>
      <FormField label='名称' error={errors.title}>
        <Input
          className='yb-input'
          value={values.title}
          maxlength={EVENT_TITLE_MAX}
          placeholder='例如：暑期课堂·小小科学家'
          onInput={(ev) => set('title', ev.detail.value)}
        />
      </FormField>
      <FormField label='类别'>
        <View className='yb-chips'>
          {EVENT_CATEGORIES.map((c) => (
            <View key={c} className={`yb-chip${values.category === c ? ' yb-chip--on' : ''}`} onClick={() => set('category', c)}>
              {c}
            </View>
          ))}
        </View>
      </FormField>
      <FormField label='地点' error={errors.place}>
        <Input
          className='yb-input'
          value={values.place}
          maxlength={EVENT_PLACE_MAX}
          placeholder='例如：党群服务中心二楼'
          onInput={(ev) => set('place', ev.detail.value)}
        />
      </FormField>
      <FormField label='介绍' error={errors.description}>
        <Textarea
          className='yb-textarea'
          value={values.description}
          maxlength={EVENT_DESCRIPTION_MAX}
          placeholder='内容、要带什么、注意事项'
          onInput={(ev) => set('description', ev.detail.value)}
        />
      </FormField>
    </>
  )
}
