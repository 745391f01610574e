import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'

/**
 * One field of a staff form: the label, the control(s), and the field's first error from the zod schema
 * (`issuesByField`). The classes come from app.scss (长辈版 sizes). Used only by subpackage forms, so the weapp
 * build keeps it out of the main package.
 */
export default function FormField({
  label,
  error,
  className,
  children,
}: {
  label?: string
  error?: string
  className?: string
  children?: ReactNode
}) {
  return (
    <View className={className ? `yb-field ${className}` : 'yb-field'}>
      {label && <Text className='yb-label'>{label}</Text>}
      {children}
      {error && <View className='yb-field-error'>{error}</View>}
    </View>
  )
}
