import { Input, Text, View } from '@tarojs/components'

type End = 'ageMin' | 'ageMax'

/**
 * 最小 至 最大 岁: an age range typed as two numbers, ages on the event day — who may take part, or a quota's band.
 * Each end keeps its own classes (after `yb-input`), the ones the editor's styles and tests know it by.
 */
export default function AgeRange(props: {
  min: string
  max: string
  classNames: Record<End, string>
  disabled?: boolean
  onChange: (end: End, value: string) => void
}) {
  const { classNames, disabled } = props
  return (
    <View className='yb-row'>
      <Input
        className={`yb-input ${classNames.ageMin}`}
        type='number'
        disabled={disabled}
        value={props.min}
        placeholder='最小'
        onInput={(ev) => props.onChange('ageMin', ev.detail.value)}
      />
      <Text>至</Text>
      <Input
        className={`yb-input ${classNames.ageMax}`}
        type='number'
        disabled={disabled}
        value={props.max}
        placeholder='最大'
        onInput={(ev) => props.onChange('ageMax', ev.detail.value)}
      />
      <Text>岁</Text>
    </View>
  )
}
