import { Button } from '@tarojs/components'
import type { SubmitButtonProps } from '.'

export default function SubmitButton({ className, disabled, onSubmit, children }: SubmitButtonProps) {
  return (
    <Button className={className} disabled={disabled} onClick={() => !disabled && onSubmit()}>
      {children}
    </Button>
  )
}
