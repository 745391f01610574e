import { useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import {
  PROPOSAL_DESCRIPTION_MAX,
  PROPOSAL_PHOTOS_MAX,
  PROPOSAL_PLACE_MAX,
  PROPOSAL_TEMPLATES,
  PROPOSAL_TITLE_MAX,
  submitProposalInput,
  updateProposalInput,
  type ProposalSettingsView,
  type ProposalView,
} from 'types/proposals'
import FormField from '@/components/form-field'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { getCurrentCommunity } from '@/lib/current-community'
import { useForm } from '@/lib/use-form'
import { useLoadState } from '@/lib/use-load-state'
import PhotoPicker from '../../components/photo-picker'
import { askToBeTold } from '../../lib/subscribe'
import { ROUTES, proposalsApi } from '../../api'
import './index.scss'

type Form = { title: string; description: string; category: string; place: string; photos: string[]; anonymous: boolean }
type Start = { settings: ProposalSettingsView; existing: ProposalView | null }

const empty: Form = { title: '', description: '', category: '', place: '', photos: [], anonymous: false }

/** Submit a proposal (or edit one's own before review / after it was sent back). Checked by the same zod schema as the function. */
export default function SubmitProposalPage() {
  const [start, run] = useLoadState<Start>()
  const ids = useRef({ communityId: '', proposalId: '' })
  const form = useForm<Form>(empty)
  const { values, errors, busy, set } = form
  const [previews, setPreviews] = useState<Record<string, string>>({})

  const load = () =>
    run(async (): Promise<Result<Start>> => {
      let existing: ProposalView | null = null
      if (ids.current.proposalId) {
        const got = await proposalsApi.get(ids.current.proposalId)
        if (!got.ok) return got
        existing = got.data
        ids.current.communityId = existing.communityId
        form.reset({
          title: existing.title,
          description: existing.description,
          category: existing.category,
          place: existing.place ?? '',
          photos: existing.photos.map((p) => p.fileId),
          anonymous: existing.authorName === '居民',
        })
        setPreviews(Object.fromEntries(existing.photos.map((p) => [p.fileId, p.url])))
      }
      const settings = await proposalsApi.settings(ids.current.communityId)
      if (!settings.ok) return settings
      return { ok: true, data: { settings: settings.data, existing } }
    })

  useLoad((params) => {
    ids.current = { communityId: params.communityId ?? getCurrentCommunity()?.communityId ?? '', proposalId: params.proposalId ?? '' }
    void load()
  })

  const submit = () =>
    form.submit(async () => {
      if (start.kind !== 'ready') return
      const existing = start.data.existing
      const fields = { ...values }
      const ok = existing
        ? form.check(updateProposalInput, { proposalId: existing.proposalId, ...fields })
        : form.check(submitProposalInput, { communityId: ids.current.communityId, ...fields })
      if (!ok) return
      // At the tap: may we tell you the review result, the answer and the outcome? (≤ 3 templates)
      await askToBeTold([PROPOSAL_TEMPLATES.review, PROPOSAL_TEMPLATES.answer, PROPOSAL_TEMPLATES.outcome])
      const saved = existing
        ? await proposalsApi.update({ proposalId: existing.proposalId, ...fields })
        : await proposalsApi.submit({ communityId: ids.current.communityId, ...fields })
      if (!saved.ok) return form.fail(saved.error)
      void Taro.showToast({ title: saved.data.status === 'published' ? '已公示' : '已提交，等待审核', icon: 'success' })
      setTimeout(() => Taro.redirectTo({ url: `${ROUTES.detail}?proposalId=${saved.data.proposalId}` }), 600)
    })

  if (start.kind === 'loading')
    return (
      <PageShell className='proposal-submit'>
        <Loading />
      </PageShell>
    )
  if (start.kind === 'error')
    return (
      <PageShell className='proposal-submit'>
        <ErrorView error={start.error} onRetry={load} />
      </PageShell>
    )
  const { settings, existing } = start.data
  if (existing ? !existing.viewer.canUpdate : !settings.viewer.canSubmit)
    return (
      <PageShell className='proposal-submit'>
        <Forbidden />
      </PageShell>
    )

  return (
    <PageShell className='proposal-submit'>
      <View className='yb-card yb-small proposal-submit__how'>
        {settings.review === 'pre'
          ? '提交后由社区工作人员审核，公示后邻居们可以附议。'
          : '内容通过安全检查后立即公示（带照片的需工作人员审核）。'}
        附议满 {settings.supportThreshold} 人，社区须在 {settings.answerDays} 天内答复。
      </View>
      {existing?.review?.reason && (
        <View className='yb-card proposal-submit__returned'>
          <Text className='yb-label'>工作人员的意见</Text>
          <Text>{existing.review.reason}</Text>
        </View>
      )}

      <FormField label='标题' error={errors.title}>
        <Input
          className='yb-input'
          value={values.title}
          maxlength={PROPOSAL_TITLE_MAX}
          placeholder='一句话说清楚，例如：14 号院坝加几张长椅'
          onInput={(e) => set('title', e.detail.value)}
        />
      </FormField>

      <FormField label='分类' error={errors.category}>
        <View className='yb-chips'>
          {settings.categories.map((c) => (
            <View key={c} className={`yb-chip${values.category === c ? ' yb-chip--on' : ''}`} onClick={() => set('category', c)}>
              {c}
            </View>
          ))}
        </View>
      </FormField>

      <FormField label='问题和建议' error={errors.description}>
        <Textarea
          className='yb-textarea'
          value={values.description}
          maxlength={PROPOSAL_DESCRIPTION_MAX}
          placeholder='哪里有什么问题？你建议怎么改？'
          onInput={(e) => set('description', e.detail.value)}
        />
        <View className='yb-small proposal-submit__count'>
          {[...values.description].length} / {PROPOSAL_DESCRIPTION_MAX}
        </View>
      </FormField>

      <FormField label='地点（选填）' error={errors.place}>
        <Input
          className='yb-input'
          value={values.place}
          maxlength={PROPOSAL_PLACE_MAX}
          placeholder='例如：栀子街 12 号院东门'
          onInput={(e) => set('place', e.detail.value)}
        />
      </FormField>

      <FormField label={`照片（选填，最多 ${PROPOSAL_PHOTOS_MAX} 张）`} error={errors.photos}>
        <PhotoPicker
          communityId={ids.current.communityId}
          value={values.photos}
          previews={previews}
          max={PROPOSAL_PHOTOS_MAX}
          onChange={(photos, next) => {
            set('photos', photos)
            setPreviews(next)
          }}
          onError={(message) => Taro.showToast({ title: message, icon: 'none' })}
        />
      </FormField>

      <View className='yb-card'>
        <View className='yb-switch-row'>
          <View>
            <View>匿名提交</View>
            <View className='yb-small'>公开显示为“居民”，不显示你的昵称</View>
          </View>
          <Switch checked={values.anonymous} color='#b5452b' aria-label='匿名提交' onChange={(e) => set('anonymous', e.detail.value)} />
        </View>
      </View>

      <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={submit}>
        {existing ? '保存并重新提交' : '提交建议'}
      </Button>
    </PageShell>
  )
}
