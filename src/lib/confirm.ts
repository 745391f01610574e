import Taro from '@tarojs/taro'

/**
 * The one confirmation dialog: the confirm button says what it does ("取消报名", "撤回", "删除"), the other one
 * "再想想" — the same words everywhere. Resolves true when the person confirmed.
 */
export async function confirmAction(options: {
  title: string
  content: string
  confirmText: string
  cancelText?: string
}): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: options.title,
    content: options.content,
    confirmText: options.confirmText,
    cancelText: options.cancelText ?? '再想想',
  })
  return confirm
}
