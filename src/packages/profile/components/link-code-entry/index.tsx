import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { CHILD_LINK_CODE_LENGTH, linkChildAccountInput, type ChildView } from 'types/communities'
import { CHILD_LINK_COPY, errorCopy } from '@/lib/error-copy'
import { profileApi, setCurrentCommunity } from '../../api'
import './index.scss'

/**
 * 我是孩子，输入绑定码: the child, on their own WeChat, types the guardian's 6-character code — or scanned the
 * guardian's QR code (scene `k=<code>`), which opens this with `scannedCode` filled in: the child still confirms with
 * one tap (确认绑定), nothing links by itself. Afterwards this account is the child's; it joins the child's community
 * (as scanning its code would) so the council opens as that member.
 */
export default function LinkCodeEntry({ onLinked, scannedCode = '' }: { onLinked?: () => void; scannedCode?: string }) {
  const [code, setCode] = useState(scannedCode.toUpperCase())
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [linked, setLinked] = useState<ChildView | null>(null)

  const submit = async () => {
    if (busy) return
    const checked = linkChildAccountInput.safeParse({ code })
    if (!checked.success) return setError(CHILD_LINK_COPY['INPUT.INVALID']!)
    setError('')
    setBusy(true)
    try {
      const res = await profileApi.linkChildAccount(checked.data.code)
      if (!res.ok) return setError(errorCopy(res.error, CHILD_LINK_COPY))
      // the council is read by members of the community: join it as scanning its code would, and look at it
      const community = await profileApi.community(res.data.communityId)
      if (community.ok) {
        if (community.data.viewer.canJoin) await profileApi.join(community.data.code)
        setCurrentCommunity({ communityId: community.data.communityId, name: community.data.name, code: community.data.code })
      }
      setLinked(res.data)
      onLinked?.()
    } finally {
      setBusy(false)
    }
  }

  if (linked)
    return (
      <View className='yb-card link-code link-code-done'>
        <View className='link-code__big'>🎉</View>
        <View className='yb-hero'>绑定好了！</View>
        <View className='yb-title'>你好，{linked.alias}</View>
        <View className='yb-small'>现在这个微信就是你自己的账号了，可以自己提建议、看大人的回信。</View>
        <Button
          className='yb-btn yb-btn--primary yb-btn--block link-code__go link-code-go'
          onClick={() => Taro.navigateTo({ url: `/packages/council/pages/index/index?communityId=${linked.communityId}` })}
        >
          🧒 去儿童议事会
        </Button>
      </View>
    )

  return (
    <View className='yb-card link-code'>
      <View className='yb-title'>{scannedCode ? '🧒 扫码绑定我自己的微信' : '🧒 我是孩子，输入绑定码'}</View>
      <View className='yb-small link-code-hint'>
        {scannedCode
          ? '你扫到了爸爸妈妈给的绑定码。确认这是你自己的微信，再点「确认绑定」。'
          : '请爸爸妈妈在他们的微信里点「绑定孩子自己的微信」，把看到的 6 位码输在这里，或者直接用微信扫他们手机上的二维码。'}
      </View>
      <Input
        className='link-code__input link-code-input'
        maxlength={CHILD_LINK_CODE_LENGTH}
        placeholder='6 位绑定码'
        value={code}
        onInput={(e) => {
          setCode(e.detail.value.toUpperCase())
          setError('')
        }}
        onConfirm={submit}
      />
      {error !== '' && (
        <View className='link-code__error link-code-error'>
          <Text>😟 {error}</Text>
        </View>
      )}
      <Button className='yb-btn yb-btn--primary yb-btn--block link-code__go link-code-submit' disabled={busy} onClick={submit}>
        {busy ? '正在绑定…' : scannedCode ? '确认绑定' : '绑定'}
      </Button>
    </View>
  )
}
