import { useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { PROPOSAL_CATEGORY_MAX, updateSettingsInput, type ProposalSettingsView, type ReviewMode } from 'types/proposals'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import FormField from '@/components/form-field'
import { useForm } from '@/lib/use-form'
import { useLoadState } from '@/lib/use-load-state'
import { staffProposalsApi } from '../../api'

type Form = { categories: string[]; review: ReviewMode; supportThreshold: string; supportWindowDays: string; answerDays: string }

/** The community's needs list (categories), pre- or post-review, the support threshold and window, the answer deadline. */
export default function ProposalSettingsPage() {
  const [state, run] = useLoadState<ProposalSettingsView>()
  const communityId = useRef('')
  const form = useForm<Form>({ categories: [], review: 'pre', supportThreshold: '', supportWindowDays: '', answerDays: '' })
  const { values, errors, busy, set } = form
  const [loaded, setLoaded] = useState(false)
  const [adding, setAdding] = useState('')
  const load = () =>
    run(async () => {
      const res = await staffProposalsApi.settings(communityId.current)
      if (res.ok) {
        const s = res.data
        setLoaded(true)
        form.reset({
          categories: s.categories,
          review: s.review,
          supportThreshold: String(s.supportThreshold),
          supportWindowDays: String(s.supportWindowDays),
          answerDays: String(s.answerDays),
        })
      }
      return res
    })
  useLoad((params) => {
    communityId.current = params.communityId ?? ''
    void load()
  })

  const save = () =>
    form.submit(async () => {
      const input = {
        communityId: communityId.current,
        categories: values.categories,
        review: values.review,
        supportThreshold: Number(values.supportThreshold),
        supportWindowDays: Number(values.supportWindowDays),
        answerDays: Number(values.answerDays),
      }
      if (!form.check(updateSettingsInput, input)) return
      const res = await staffProposalsApi.updateSettings(input)
      if (!res.ok) return form.fail(res.error)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    })

  if (state.kind === 'loading' || !loaded)
    return (
      <PageShell className='pstaff-settings'>
        {state.kind === 'error' ? <ErrorView error={state.error} onRetry={load} /> : <Loading />}
      </PageShell>
    )
  if (state.kind === 'ready' && !state.data.viewer.canEdit)
    return (
      <PageShell className='pstaff-settings'>
        <Forbidden />
      </PageShell>
    )
  const number = (key: 'supportThreshold' | 'supportWindowDays' | 'answerDays', label: string, unit: string) => (
    <FormField label={label} error={errors[key]}>
      <View className='yb-row'>
        <Input className='yb-input' type='number' value={values[key]} onInput={(e) => set(key, e.detail.value)} style='width: 40%' />
        <Text>{unit}</Text>
      </View>
    </FormField>
  )

  return (
    <PageShell className='pstaff-settings'>
      <FormField label='问题分类（点一下去掉）' error={errors.categories}>
        <View className='yb-chips'>
          {values.categories.map((c) => (
            <View
              key={c}
              className='yb-chip yb-chip--on'
              onClick={() =>
                set(
                  'categories',
                  values.categories.filter((x) => x !== c),
                )
              }
            >
              {c} ×
            </View>
          ))}
        </View>
        <View className='yb-row yb-actions'>
          <Input
            className='yb-input'
            value={adding}
            maxlength={PROPOSAL_CATEGORY_MAX}
            placeholder='新分类'
            onInput={(e) => setAdding(e.detail.value)}
            style='width: 50%'
          />
          <Button
            className='yb-btn'
            onClick={() => {
              const name = adding.trim()
              if (name && !values.categories.includes(name)) set('categories', [...values.categories, name])
              setAdding('')
            }}
          >
            添加
          </Button>
        </View>
      </FormField>
      <FormField label='审核方式' error={errors.review}>
        <View className='yb-chips'>
          <View className={`yb-chip${values.review === 'pre' ? ' yb-chip--on' : ''}`} onClick={() => set('review', 'pre')}>
            先审后发
          </View>
          <View className={`yb-chip${values.review === 'post' ? ' yb-chip--on' : ''}`} onClick={() => set('review', 'post')}>
            先发后审
          </View>
        </View>
        <View className='yb-small'>先发后审时，内容安全检查通过、没有照片的建议立即公示；儿童的建议始终先审。</View>
      </FormField>
      {number('supportThreshold', '附议门槛', '人')}
      {number('supportWindowDays', '附议期', '天')}
      {number('answerDays', '达到门槛后答复期限', '天')}
      <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={save}>
        保存设置
      </Button>
    </PageShell>
  )
}
