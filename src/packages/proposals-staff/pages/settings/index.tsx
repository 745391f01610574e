import { useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { PROPOSAL_CATEGORY_MAX, updateSettingsInput, type ProposalSettingsView, type ReviewMode } from 'types/proposals'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import { errorCopy } from '@/lib/error-copy'
import { issuesByField } from '@/lib/form-issues'
import { useLoadState } from '@/lib/use-load-state'
import { staffProposalsApi } from '../../api'

type Form = { categories: string[]; review: ReviewMode; supportThreshold: string; supportWindowDays: string; answerDays: string }

/** The community's needs list (categories), pre- or post-review, the support threshold and window, the answer deadline. */
export default function ProposalSettingsPage() {
  const [state, run] = useLoadState<ProposalSettingsView>()
  const communityId = useRef('')
  const [form, setForm] = useState<Form | null>(null)
  const [adding, setAdding] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const load = () =>
    run(async () => {
      const res = await staffProposalsApi.settings(communityId.current)
      if (res.ok) {
        const s = res.data
        setForm({
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

  const save = async () => {
    if (!form || busy) return
    const input = {
      communityId: communityId.current,
      categories: form.categories,
      review: form.review,
      supportThreshold: Number(form.supportThreshold),
      supportWindowDays: Number(form.supportWindowDays),
      answerDays: Number(form.answerDays),
    }
    const checked = updateSettingsInput.safeParse(input)
    if (!checked.success) return setErrors(issuesByField(checked.error.issues))
    setErrors({})
    setBusy(true)
    const res = await staffProposalsApi.updateSettings(input)
    setBusy(false)
    if (!res.ok) return Taro.showToast({ title: errorCopy(res.error), icon: 'none', duration: 3000 })
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  if (state.kind === 'loading' || !form)
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
    <View className='yb-field'>
      <Text className='yb-label'>{label}</Text>
      <View className='yb-row'>
        <Input
          className='yb-input'
          type='number'
          value={form[key]}
          onInput={(e) => setForm({ ...form, [key]: e.detail.value })}
          style='width: 40%'
        />
        <Text>{unit}</Text>
      </View>
      {errors[key] && <View className='yb-field-error'>{errors[key]}</View>}
    </View>
  )

  return (
    <PageShell className='pstaff-settings'>
      <View className='yb-field'>
        <Text className='yb-label'>问题分类（点一下去掉）</Text>
        <View className='yb-chips'>
          {form.categories.map((c) => (
            <View
              key={c}
              className='yb-chip yb-chip--on'
              onClick={() => setForm({ ...form, categories: form.categories.filter((x) => x !== c) })}
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
              if (name && !form.categories.includes(name)) setForm({ ...form, categories: [...form.categories, name] })
              setAdding('')
            }}
          >
            添加
          </Button>
        </View>
        {errors.categories && <View className='yb-field-error'>{errors.categories}</View>}
      </View>
      <View className='yb-field'>
        <Text className='yb-label'>审核方式</Text>
        <View className='yb-chips'>
          <View className={`yb-chip${form.review === 'pre' ? ' yb-chip--on' : ''}`} onClick={() => setForm({ ...form, review: 'pre' })}>
            先审后发
          </View>
          <View className={`yb-chip${form.review === 'post' ? ' yb-chip--on' : ''}`} onClick={() => setForm({ ...form, review: 'post' })}>
            先发后审
          </View>
        </View>
        <View className='yb-small'>先发后审时，内容安全检查通过、没有照片的建议立即公示；儿童的建议始终先审。</View>
      </View>
      {number('supportThreshold', '附议门槛', '人')}
      {number('supportWindowDays', '附议期', '天')}
      {number('answerDays', '达到门槛后答复期限', '天')}
      <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={save}>
        保存设置
      </Button>
    </PageShell>
  )
}
