import { Button, Input, Text, View } from '@tarojs/components'
import { QUOTAS_MAX } from 'types/events'
import FormField from '@/components/form-field'
import type { QuotaRow } from '../../lib/event-form'
import AgeRange from '../age-range'

/**
 * 抽签 only: a share of the places kept for an age band (age on the event day), drawn first among that band; places a
 * band does not fill go to everyone else. Checked by the same schema as the function (createEventInput /
 * updateEventInput): each row, the total against the capacity, no overlapping bands. Fixed once published.
 */
export default function QuotaRows(props: {
  rows: QuotaRow[]
  errors: Record<string, string>
  fixed: boolean
  onChange: (i: number, field: 'ageMin' | 'ageMax' | 'places', value: string) => void
  onAdd: () => void
  onRemove: (i: number) => void
}) {
  const { rows, errors, fixed } = props
  const rowErrors = rows.map((_, i) => errors[`quotas.${i}`])
  if (fixed) {
    return (
      <FormField label='年龄段名额'>
        {rows.length === 0 && <Text className='yb-small'>没有设年龄段名额，所有人一起抽签。</Text>}
        {rows.map((q) => (
          <View key={q.key} className='event-editor__quota-fixed'>
            {q.ageMin}–{q.ageMax} 岁：保留 {q.places} 个名额
          </View>
        ))}
      </FormField>
    )
  }
  return (
    <FormField label='年龄段名额（选填）' error={rowErrors.some(Boolean) ? undefined : errors.quotas} className='event-editor__quotas'>
      <Text className='yb-small'>为某个年龄段保留名额，抽签时先在这个年龄段里抽；没抽满的名额留给其他人。</Text>
      {rows.map((q, i) => (
        <View key={q.key} className='yb-card event-editor__quota'>
          <View className='yb-row'>
            <Text className='yb-label event-editor__quota-title'>年龄段 {i + 1}</Text>
            <View className='yb-spacer' />
            <Button className='yb-btn event-editor__quota-remove' onClick={() => props.onRemove(i)}>
              删除
            </Button>
          </View>
          <AgeRange
            min={q.ageMin}
            max={q.ageMax}
            classNames={{ ageMin: 'event-editor__num event-editor__quota-min', ageMax: 'event-editor__num event-editor__quota-max' }}
            onChange={(end, value) => props.onChange(i, end, value)}
          />
          <View className='yb-row'>
            <Text>保留</Text>
            <Input
              className='yb-input event-editor__num event-editor__quota-places'
              type='number'
              value={q.places}
              placeholder='名额'
              onInput={(ev) => props.onChange(i, 'places', ev.detail.value)}
            />
            <Text>个名额</Text>
          </View>
          {rowErrors[i] && <View className='yb-field-error'>{rowErrors[i]}</View>}
        </View>
      ))}
      {rows.length < QUOTAS_MAX && (
        <Button className='yb-btn yb-btn--block' onClick={props.onAdd}>
          ＋ 添加年龄段名额
        </Button>
      )}
    </FormField>
  )
}
