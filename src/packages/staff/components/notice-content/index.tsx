import { Input, Textarea, View } from '@tarojs/components'
import { NOTICE_BODY_MAX, NOTICE_CATEGORIES, NOTICE_TITLE_MAX } from 'types/notices'
import FormField from '@/components/form-field'
import type { FieldErrors } from '@/lib/form'
import type { NoticeForm } from '../../lib/notice-form'

type Set = <K extends keyof NoticeForm>(key: K, value: NoticeForm[K]) => void

/** 标题, 分类 and 正文: what the notice says. */
export default function NoticeContent({ values, errors, set }: { values: NoticeForm; errors: FieldErrors; set: Set }) {
  return (
    <>
      <FormField label='标题' error={errors.title}>
        <Input
          className='yb-input'
          value={values.title}
          maxlength={NOTICE_TITLE_MAX}
          placeholder='例如：本周六上午停水通知'
          onInput={(e) => set('title', e.detail.value)}
        />
      </FormField>

      <FormField label='分类' error={errors.category}>
        <View className='yb-chips'>
          {NOTICE_CATEGORIES.map((c) => (
            <View key={c} className={`yb-chip${values.category === c ? ' yb-chip--on' : ''}`} onClick={() => set('category', c)}>
              {c}
            </View>
          ))}
        </View>
      </FormField>

      <FormField label='正文' error={errors.body}>
        <Textarea
          className='yb-textarea'
          value={values.body}
          maxlength={NOTICE_BODY_MAX}
          placeholder='写清楚时间、地点、要做什么'
          onInput={(e) => set('body', e.detail.value)}
        />
      </FormField>
    </>
  )
}
