import { useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Form, Input, View } from '@tarojs/components'
import { setProfileInput, type ProfileView } from 'types/communities'
import FormField from '@/components/form-field'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useForm } from '@/lib/use-form'
import { useLoadState } from '@/lib/use-load-state'
import AvatarPicker from '../../components/avatar-picker'
import LinkCodeEntry from '../../components/link-code-entry'
import SubmitButton from '../../components/submit-button'
import { profileApi } from '../../api'

/**
 * Nickname through `<Input type="nickname">` (WeChat offers the WeChat nickname and checks it on blur) collected by a
 * form submit, avatar through chooseAvatar. Never getUserProfile.
 * Below: 我是孩子，输入绑定码 for an account that is nobody's guardian yet (我的孩子 is its own page,
 * packages/profile/pages/children). `?link=1` (from 儿童议事会's entry) puts the code entry first; `&code=…`
 * (首页, after scanning a guardian's QR code `k=<code>`) fills the code in, for the child to confirm with one tap.
 */
export default function ProfileEditPage() {
  const [state, run] = useLoadState<ProfileView>()
  const [avatar, setAvatar] = useState<{ fileId: string; previewPath: string } | null>(null)
  const form = useForm({ nickname: '' })
  const { errors, busy } = form
  const nickname = form.values.nickname
  const setNickname = (value: string) => form.set('nickname', value)
  const nicknameRef = useRef(nickname)
  nicknameRef.current = nickname
  const load = () =>
    run(async () => {
      const res = await profileApi.profile()
      if (res.ok) setNickname(res.data.nickname ?? '')
      return res
    })
  const [linkFirst, setLinkFirst] = useState(false)
  const [scannedCode, setScannedCode] = useState('')
  useLoad((params) => {
    setLinkFirst(params.link === '1')
    setScannedCode(params.code ?? '')
    void load()
  })

  /** weapp: picking the WeChat nickname from the keyboard may skip bindinput, but the form's value has it. */
  const submitForm = (e: { detail: { value?: Record<string, unknown> } }) => {
    const fromForm = e.detail.value?.nickname
    return save(typeof fromForm === 'string' && fromForm !== '' ? fromForm : nicknameRef.current)
  }

  const save = (nickname: string) =>
    form.submit(async () => {
      const input = avatar ? { nickname, avatarFileId: avatar.fileId } : { nickname }
      if (!form.check(setProfileInput, input)) return
      const res = await profileApi.setProfile(input)
      if (!res.ok) return form.fail(res.error)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      setTimeout(() => Taro.navigateBack(), 800)
    })

  return (
    <PageShell className='profile-edit'>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && linkFirst && !state.data.isChild && state.data.children.length === 0 && (
        <LinkCodeEntry scannedCode={scannedCode} />
      )}
      {state.kind === 'ready' && scannedCode !== '' && !state.data.isChild && state.data.children.length > 0 && (
        <View className='yb-card yb-small link-code-guardian'>📱 这是家长的微信。请用孩子自己的微信扫这个二维码。</View>
      )}
      {state.kind === 'ready' && (
        <Form onSubmit={submitForm}>
          <AvatarPicker
            src={avatar?.previewPath ?? state.data.avatarUrl}
            fallback={(state.data.nickname ?? '邻').slice(0, 1)}
            onChosen={setAvatar}
            onError={(message) => Taro.showToast({ title: message, icon: 'none' })}
          />
          <FormField label='昵称' error={errors.nickname}>
            <Input
              className='yb-input'
              name='nickname'
              type='nickname'
              value={nickname}
              maxlength={20}
              placeholder='请输入昵称'
              onInput={(e) => setNickname(e.detail.value)}
              onBlur={(e) => setNickname(e.detail.value)}
            />
          </FormField>
          <SubmitButton className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onSubmit={() => save(nicknameRef.current)}>
            保存
          </SubmitButton>
        </Form>
      )}
      {state.kind === 'ready' && !linkFirst && !state.data.isChild && state.data.children.length === 0 && <LinkCodeEntry />}
      {state.kind === 'ready' && state.data.isChild && (
        <View className='yb-card yb-small'>🧒 这是孩子自己的微信账号，已由家长确认绑定。</View>
      )}
    </PageShell>
  )
}
