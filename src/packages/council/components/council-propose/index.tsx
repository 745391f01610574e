import Taro from '@tarojs/taro'
import { Button, Textarea, View } from '@tarojs/components'
import { COUNCIL_CATEGORIES, COUNCIL_CATEGORY_EMOJI, type CouncilCategory } from 'types/council-base'
import { submitChildProposalInput, type CouncilMemberView } from 'types/council'
import { useForm } from '@/lib/use-form'
import { councilApi } from '../../api'
import PhotoPicker, { type PickedPhoto } from '../photo-picker'

const toast = (title: string) => Taro.showToast({ title, icon: 'none' })

type Idea = { noticed: string; idea: string; category: CouncilCategory | ''; photo: PickedPhoto | null }

/** 说说你的主意: what I noticed, my idea, what it is about, a photo — checked with the action's own schema, in a child's words. */
export default function CouncilPropose(props: { acting: CouncilMemberView; onSent: () => void; onBack: () => void }) {
  const { acting } = props
  const form = useForm<Idea>({ noticed: '', idea: '', category: '', photo: null })
  const { values, errors, busy, set } = form

  const submit = () =>
    form.submit(async () => {
      const { noticed, idea, category, photo } = values
      const input = { memberId: acting.memberId, noticed, idea, category, ...(photo ? { photo: photo.fileId } : {}) }
      const checked = form.check(submitChildProposalInput, input)
      if (!checked) {
        // a missing picture says so in a child's words
        const found = { ...form.errors }
        if (found.category) found.category = '选一个图吧'
        form.setErrors(found)
        return void toast(found.noticed ?? found.idea ?? found.category ?? found.photo ?? '再看一看，有地方没写好')
      }
      const res = await councilApi.submit(checked)
      if (!res.ok) return void toast(form.refuse(res.error))
      void toast('交上去啦！大人看过后会回信')
      props.onSent()
    })

  return (
    <View className='yb-card council-propose'>
      <View className='yb-title'>{acting.viewer.isChild ? `${acting.alias}，说说你的主意` : `以${acting.alias}的身份提建议`}</View>
      <View className='council__kid'>👀 我发现了</View>
      <Textarea
        className='council__field council-noticed'
        maxlength={300}
        placeholder='我看到……'
        value={values.noticed}
        onInput={(e) => set('noticed', e.detail.value)}
      />
      {errors.noticed && <View className='yb-field-error'>{errors.noticed}</View>}
      <View className='council__kid'>💡 我的主意</View>
      <Textarea
        className='council__field council-idea'
        maxlength={300}
        placeholder='我觉得可以……'
        value={values.idea}
        onInput={(e) => set('idea', e.detail.value)}
      />
      {errors.idea && <View className='yb-field-error'>{errors.idea}</View>}
      <View className='council__kid'>🖼️ 是关于</View>
      <View className='council__cats'>
        {COUNCIL_CATEGORIES.map((c) => (
          <View key={c} className={`council__cat${values.category === c ? ' council__cat--on' : ''}`} onClick={() => set('category', c)}>
            {COUNCIL_CATEGORY_EMOJI[c]} {c}
          </View>
        ))}
      </View>
      {errors.category && <View className='yb-field-error'>{errors.category}</View>}
      <View className='council__kid'>📷 拍张照片（可以不拍）</View>
      <PhotoPicker photo={values.photo} onChange={(p) => set('photo', p)} onError={toast} />
      {errors.photo && <View className='yb-field-error'>{errors.photo}</View>}
      <Button className='yb-btn yb-btn--primary council__big council-submit' disabled={busy} onClick={submit}>
        交给大人看 ✉️
      </Button>
      <Button className='yb-btn' onClick={props.onBack}>
        返回
      </Button>
    </View>
  )
}
