import { Input, View } from '@tarojs/components'
import FormField from '@/components/form-field'
import type { FieldErrors } from '@/lib/form'
import { quotaRow, type EventForm } from '../../lib/event-form'
import AgeRange from '../age-range'
import QuotaRows from '../quota-rows'

type Form = {
  values: EventForm
  errors: FieldErrors
  set: <K extends keyof EventForm>(key: K, value: EventForm[K]) => void
  update: (change: (values: EventForm) => EventForm) => void
  clear: (field?: string) => void
}

/**
 * 名额与抽签: how many places, for which ages, given first come first served or by a public lottery (with age-band
 * quotas), and who may sign up. Once published (`fixed`) only the number of places changes.
 */
export default function EventPlaces({ form, fixed }: { form: Form; fixed: boolean }) {
  const { values, errors, set } = form
  // row errors are filed by position: a changed, added or removed row drops them all
  const setQuota = (i: number, field: 'ageMin' | 'ageMax' | 'places', value: string) => {
    form.update((f) => ({ ...f, quotas: f.quotas.map((q, k) => (k === i ? { ...q, [field]: value } : q)) }))
    form.clear('quotas')
  }
  const addQuota = () => form.update((f) => ({ ...f, quotas: [...f.quotas, quotaRow()] }))
  const removeQuota = (i: number) => {
    form.update((f) => ({ ...f, quotas: f.quotas.filter((_, k) => k !== i) }))
    form.clear()
  }
  return (
    <>
      <FormField label='名额' error={errors.capacity}>
        <Input
          className='yb-input event-editor__capacity'
          type='number'
          value={values.capacity}
          onInput={(ev) => set('capacity', ev.detail.value)}
        />
      </FormField>
      <FormField label='参加者年龄（按活动当天，留空为不限）' error={errors.ageMin ?? errors.ageMax}>
        <AgeRange
          min={values.ageMin}
          max={values.ageMax}
          classNames={{ ageMin: 'event-editor__age', ageMax: 'event-editor__age' }}
          disabled={fixed}
          onChange={set}
        />
      </FormField>
      {!fixed && (
        <FormField label='名额分配'>
          <View className='yb-chips'>
            <View
              className={`yb-chip${values.allocation === 'first_come' ? ' yb-chip--on' : ''}`}
              onClick={() => set('allocation', 'first_come')}
            >
              先到先得
            </View>
            <View
              className={`yb-chip${values.allocation === 'lottery' ? ' yb-chip--on' : ''}`}
              onClick={() => set('allocation', 'lottery')}
            >
              截止后公开抽签
            </View>
          </View>
        </FormField>
      )}
      {values.allocation === 'lottery' && (
        <QuotaRows rows={values.quotas} errors={errors} fixed={fixed} onChange={setQuota} onAdd={addQuota} onRemove={removeQuota} />
      )}
      {!fixed && (
        <FormField label='谁可以报名'>
          <View className='yb-chips'>
            <View className={`yb-chip${values.openTo === 'residents' ? ' yb-chip--on' : ''}`} onClick={() => set('openTo', 'residents')}>
              本社区居民
            </View>
            <View className={`yb-chip${values.openTo === 'anyone' ? ' yb-chip--on' : ''}`} onClick={() => set('openTo', 'anyone')}>
              所有人
            </View>
          </View>
        </FormField>
      )}
    </>
  )
}
