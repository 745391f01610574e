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
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { ClientError, Result } from '@/lib/cloud'
import { getCurrentCommunity } from '@/lib/current-community'
import { errorCopy } from '@/lib/error-copy'
import { issuesByField } from '@/lib/form-issues'
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
  const [form, setForm] = useState<Form>(empty)
  const [previews, setPreviews] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const load = () =>
    run(async (): Promise<Result<Start>> => {
      let existing: ProposalView | null = null
      if (ids.current.proposalId) {
        const got = await proposalsApi.get(ids.current.proposalId)
        if (!got.ok) return got
        existing = got.data
        ids.current.communityId = existing.communityId
        setForm({
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

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => (key in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e))
  }
  const fail = (error: ClientError) => {
    if (error.issues) setErrors(issuesByField(error.issues))
    void Taro.showToast({ title: errorCopy(error), icon: 'none', duration: 3000 })
  }

  const submit = async () => {
    if (start.kind !== 'ready' || busy) return
    const existing = start.data.existing
    const fields = {
      title: form.title,
      description: form.description,
      category: form.category,
      place: form.place,
      photos: form.photos,
      anonymous: form.anonymous,
    }
    const checked = existing
      ? updateProposalInput.safeParse({ proposalId: existing.proposalId, ...fields })
      : submitProposalInput.safeParse({ communityId: ids.current.communityId, ...fields })
    if (!checked.success) return setErrors(issuesByField(checked.error.issues))
    setErrors({})
    // At the tap: may we tell you the review result, the answer and the outcome? (≤ 3 templates)
    await askToBeTold([PROPOSAL_TEMPLATES.review, PROPOSAL_TEMPLATES.answer, PROPOSAL_TEMPLATES.outcome])
    setBusy(true)
    try {
      const saved = existing
        ? await proposalsApi.update({ proposalId: existing.proposalId, ...fields })
        : await proposalsApi.submit({ communityId: ids.current.communityId, ...fields })
      if (!saved.ok) return fail(saved.error)
      void Taro.showToast({ title: saved.data.status === 'published' ? '已公示' : '已提交，等待审核', icon: 'success' })
      setTimeout(() => Taro.redirectTo({ url: `${ROUTES.detail}?proposalId=${saved.data.proposalId}` }), 600)
    } finally {
      setBusy(false)
    }
  }

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

      <View className='yb-field'>
        <Text className='yb-label'>标题</Text>
        <Input
          className='yb-input'
          value={form.title}
          maxlength={PROPOSAL_TITLE_MAX}
          placeholder='一句话说清楚，例如：14 号院坝加几张长椅'
          onInput={(e) => set('title', e.detail.value)}
        />
        {errors.title && <View className='yb-field-error'>{errors.title}</View>}
      </View>

      <View className='yb-field'>
        <Text className='yb-label'>分类</Text>
        <View className='yb-chips'>
          {settings.categories.map((c) => (
            <View key={c} className={`yb-chip${form.category === c ? ' yb-chip--on' : ''}`} onClick={() => set('category', c)}>
              {c}
            </View>
          ))}
        </View>
        {errors.category && <View className='yb-field-error'>{errors.category}</View>}
      </View>

      <View className='yb-field'>
        <Text className='yb-label'>问题和建议</Text>
        <Textarea
          className='yb-textarea'
          value={form.description}
          maxlength={PROPOSAL_DESCRIPTION_MAX}
          placeholder='哪里有什么问题？你建议怎么改？'
          onInput={(e) => set('description', e.detail.value)}
        />
        <View className='yb-small proposal-submit__count'>
          {[...form.description].length} / {PROPOSAL_DESCRIPTION_MAX}
        </View>
        {errors.description && <View className='yb-field-error'>{errors.description}</View>}
      </View>

      <View className='yb-field'>
        <Text className='yb-label'>地点（选填）</Text>
        <Input
          className='yb-input'
          value={form.place}
          maxlength={PROPOSAL_PLACE_MAX}
          placeholder='例如：栀子街 12 号院东门'
          onInput={(e) => set('place', e.detail.value)}
        />
        {errors.place && <View className='yb-field-error'>{errors.place}</View>}
      </View>

      <View className='yb-field'>
        <Text className='yb-label'>照片（选填，最多 {PROPOSAL_PHOTOS_MAX} 张）</Text>
        <PhotoPicker
          communityId={ids.current.communityId}
          value={form.photos}
          previews={previews}
          max={PROPOSAL_PHOTOS_MAX}
          onChange={(photos, next) => {
            set('photos', photos)
            setPreviews(next)
          }}
          onError={(message) => Taro.showToast({ title: message, icon: 'none' })}
        />
        {errors.photos && <View className='yb-field-error'>{errors.photos}</View>}
      </View>

      <View className='yb-card'>
        <View className='yb-switch-row'>
          <View>
            <View>匿名提交</View>
            <View className='yb-small'>公开显示为“居民”，不显示你的昵称</View>
          </View>
          <Switch checked={form.anonymous} color='#b5452b' aria-label='匿名提交' onChange={(e) => set('anonymous', e.detail.value)} />
        </View>
      </View>

      <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={submit}>
        {existing ? '保存并重新提交' : '提交建议'}
      </Button>
    </PageShell>
  )
}
