import { Button } from '@tarojs/components'
import type { SubmitButtonProps } from '.'

export default function SubmitButton({ className, disabled, children }: SubmitButtonProps) {
  return (
    <Button className={className} disabled={disabled} formType='submit'>
      {children}
    </Button>
  )
}
