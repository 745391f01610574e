import type { PropsWithChildren } from 'react'

/**
 * The profile form's submit button. weapp: `form-type="submit"`, so the `<Form>` collects the nickname input's value
 * (picking the WeChat nickname may not fire bindinput). H5: Taro's H5 button submits only on touch, never on a mouse
 * click, so it calls `onSubmit` itself with the page's state.
 */
export type SubmitButtonProps = PropsWithChildren<{ className?: string; disabled?: boolean; onSubmit: () => void }>
export default function SubmitButton(props: SubmitButtonProps): JSX.Element
