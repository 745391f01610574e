import { useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import {
  NOTICE_BODY_MAX,
  NOTICE_CATEGORIES,
  NOTICE_TITLE_MAX,
  createNoticeInput,
  updateNoticeInput,
  type NoticeCategory,
  type NoticeView,
} from 'types/notices'
import { formatShanghai, fromWallClock, inShanghai, toWallClock, type WallClock } from 'types/time'
import FormField from '@/components/form-field'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { ClientError, Result } from '@/lib/cloud'
import { errorCopy } from '@/lib/error-copy'
import { issuesByField } from '@/lib/form-issues'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import { getCurrentCommunity, staffApi } from '../../api'

type When = WallClock
type Form = {
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  schedule: boolean
  publishAt: When
  expires: boolean
  expiresAt: When
}

/** What the editor starts from: a new notice (after checking the viewer may manage) or an existing one. */
type Start = { kind: 'new'; communityName: string } | { kind: 'edit'; notice: NoticeView }

const split = toWallClock
const join = fromWallClock

function emptyForm(): Form {
  const now = inShanghai(new Date())
  return {
    title: '',
    body: '',
    category: '通知',
    pinned: false,
    schedule: false,
    publishAt: split(now.add(1, 'hour').startOf('hour').toDate()),
    expires: false,
    expiresAt: split(now.add(7, 'day').toDate()),
  }
}

function formOf(n: NoticeView): Form {
  const base = emptyForm()
  return {
    ...base,
    title: n.title,
    body: n.body,
    category: n.category,
    pinned: n.pinned,
    schedule: n.state === 'scheduled',
    publishAt: n.publishAt && n.state === 'scheduled' ? split(n.publishAt) : base.publishAt,
    expires: n.expiresAt !== null,
    expiresAt: n.expiresAt ? split(n.expiresAt) : base.expiresAt,
  }
}

const STATE_COPY: Record<NoticeView['state'], string> = { draft: '草稿', scheduled: '定时发布', live: '已发布', expired: '已过期' }

export default function NoticeEditorPage() {
  const [start, run, setStart] = useLoadState<Start>()
  const ids = useRef({ communityId: '', noticeId: '' })
  const [form, setForm] = useState<Form>(emptyForm)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const load = () =>
    run(async (): Promise<Result<Start>> => {
      const { communityId, noticeId } = ids.current
      if (noticeId) {
        const got = await staffApi.notice(noticeId)
        if (!got.ok) return got
        setForm(formOf(got.data))
        return { ok: true, data: { kind: 'edit', notice: got.data } }
      }
      const community = await staffApi.community(communityId)
      if (!community.ok) return community
      if (!community.data.viewer.canManage) return { ok: false, error: { code: 'AUTH.FORBIDDEN', message: 'viewer.canManage is false' } }
      return { ok: true, data: { kind: 'new', communityName: community.data.name } }
    })

  useLoad((params) => {
    ids.current = { communityId: params.communityId ?? getCurrentCommunity()?.communityId ?? '', noticeId: params.noticeId ?? '' }
    void load()
  })

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))

  const fail = (error: ClientError) => {
    if (error.issues) setErrors(issuesByField(error.issues))
    void Taro.showToast({ title: errorCopy(error), icon: 'none', duration: 3000 })
  }

  /** Save the fields (create or update), then publish if asked. The same zod schema as the function checks first. */
  const save = async (publish: boolean) => {
    if (start.kind !== 'ready' || busy) return
    const fields = {
      title: form.title,
      body: form.body,
      category: form.category,
      pinned: form.pinned,
      expiresAt: form.expires ? join(form.expiresAt) : null,
    }
    const existing = start.data.kind === 'edit' ? start.data.notice : null
    const checked = existing
      ? updateNoticeInput.safeParse({ noticeId: existing.noticeId, ...fields })
      : createNoticeInput.safeParse({ communityId: ids.current.communityId, ...fields })
    if (!checked.success) {
      setErrors(issuesByField(checked.error.issues))
      return
    }
    setErrors({})
    setBusy(true)
    try {
      const saved = existing
        ? await staffApi.update({ noticeId: existing.noticeId, ...fields })
        : await staffApi.create({ communityId: ids.current.communityId, ...fields })
      if (!saved.ok) return fail(saved.error)
      // From here on this is an existing notice: a retry updates it instead of creating another.
      ids.current.noticeId = saved.data.noticeId
      let notice = saved.data
      if (publish) {
        const published = await staffApi.publish(
          form.schedule ? { noticeId: notice.noticeId, publishAt: join(form.publishAt) } : { noticeId: notice.noticeId },
        )
        if (!published.ok) {
          setStart({ kind: 'ready', data: { kind: 'edit', notice } })
          return fail(published.error)
        }
        notice = published.data
      }
      setStart({ kind: 'ready', data: { kind: 'edit', notice } })
      void Taro.showToast({ title: publish ? (notice.state === 'scheduled' ? '已定时发布' : '已发布') : '已保存', icon: 'success' })
      if (publish) setTimeout(() => Taro.navigateBack(), 800)
    } finally {
      setBusy(false)
    }
  }

  const unpublish = async (notice: NoticeView) => {
    const confirm = await confirmAction({
      title: '撤回通知',
      content: '撤回后居民将看不到这条通知，可以修改后重新发布。',
      confirmText: '撤回',
    })
    if (!confirm) return
    setBusy(true)
    const res = await staffApi.unpublish(notice.noticeId)
    setBusy(false)
    if (!res.ok) return fail(res.error)
    setStart({ kind: 'ready', data: { kind: 'edit', notice: res.data } })
    void Taro.showToast({ title: '已撤回', icon: 'success' })
  }

  if (start.kind === 'loading')
    return (
      <PageShell className='editor'>
        <Loading />
      </PageShell>
    )
  if (start.kind === 'error')
    return (
      <PageShell className='editor'>
        <ErrorView error={start.error} onRetry={load} />
      </PageShell>
    )
  const notice = start.data.kind === 'edit' ? start.data.notice : null
  if (notice && !notice.viewer.canEdit)
    return (
      <PageShell className='editor'>
        <Forbidden />
      </PageShell>
    )
  const canPublish = !notice || notice.viewer.canPublish

  return (
    <PageShell className='editor'>
      <View className='yb-small editor__where'>
        {notice
          ? `${STATE_COPY[notice.state]} · 已读 ${notice.readCount}`
          : `新通知 · ${start.data.kind === 'new' ? start.data.communityName : ''}`}
      </View>

      <FormField label='标题' error={errors.title}>
        <Input
          className='yb-input'
          value={form.title}
          maxlength={NOTICE_TITLE_MAX}
          placeholder='例如：本周六上午停水通知'
          onInput={(e) => set('title', e.detail.value)}
        />
      </FormField>

      <FormField label='分类' error={errors.category}>
        <View className='yb-chips'>
          {NOTICE_CATEGORIES.map((c) => (
            <View key={c} className={`yb-chip${form.category === c ? ' yb-chip--on' : ''}`} onClick={() => set('category', c)}>
              {c}
            </View>
          ))}
        </View>
      </FormField>

      <FormField label='正文' error={errors.body}>
        <Textarea
          className='yb-textarea'
          value={form.body}
          maxlength={NOTICE_BODY_MAX}
          placeholder='写清楚时间、地点、要做什么'
          onInput={(e) => set('body', e.detail.value)}
        />
      </FormField>

      <View className='yb-card'>
        <View className='yb-switch-row'>
          <Text>置顶</Text>
          <Switch checked={form.pinned} color='#b5452b' aria-label='置顶' onChange={(e) => set('pinned', e.detail.value)} />
        </View>
        <View className='yb-switch-row'>
          <Text>设置到期时间</Text>
          <Switch checked={form.expires} color='#b5452b' aria-label='设置到期时间' onChange={(e) => set('expires', e.detail.value)} />
        </View>
        {form.expires && (
          <View className='yb-row'>
            <Picker
              mode='date'
              value={form.expiresAt.date}
              onChange={(e) => set('expiresAt', { ...form.expiresAt, date: String(e.detail.value) })}
            >
              <View className='yb-picker'>{form.expiresAt.date}</View>
            </Picker>
            <Picker
              mode='time'
              value={form.expiresAt.time}
              onChange={(e) => set('expiresAt', { ...form.expiresAt, time: String(e.detail.value) })}
            >
              <View className='yb-picker'>{form.expiresAt.time}</View>
            </Picker>
            <Text className='yb-small'>到期后居民不再看到</Text>
          </View>
        )}
        {errors.expiresAt && <View className='yb-field-error'>{errors.expiresAt}</View>}
      </View>

      {canPublish && (
        <FormField label='发布时间'>
          <View className='yb-chips'>
            <View className={`yb-chip${!form.schedule ? ' yb-chip--on' : ''}`} onClick={() => set('schedule', false)}>
              立即发布
            </View>
            <View className={`yb-chip${form.schedule ? ' yb-chip--on' : ''}`} onClick={() => set('schedule', true)}>
              定时发布
            </View>
          </View>
          {form.schedule && (
            <View className='yb-row yb-actions'>
              <Picker
                mode='date'
                value={form.publishAt.date}
                onChange={(e) => set('publishAt', { ...form.publishAt, date: String(e.detail.value) })}
              >
                <View className='yb-picker'>{form.publishAt.date}</View>
              </Picker>
              <Picker
                mode='time'
                value={form.publishAt.time}
                onChange={(e) => set('publishAt', { ...form.publishAt, time: String(e.detail.value) })}
              >
                <View className='yb-picker'>{form.publishAt.time}</View>
              </Picker>
              <Text className='yb-small'>北京时间</Text>
            </View>
          )}
        </FormField>
      )}

      {notice?.moderation === 'review' && <View className='yb-small'>内容需人工审核：审核通过后由区级管理员发布。</View>}

      <View className='yb-actions'>
        {canPublish && (
          <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={() => save(true)}>
            {form.schedule ? '定时发布' : '发布'}
          </Button>
        )}
        <Button className='yb-btn yb-btn--block' disabled={busy} onClick={() => save(false)}>
          {notice && notice.state !== 'draft' ? '保存修改' : '存为草稿'}
        </Button>
        {notice?.viewer.canUnpublish && (
          <Button className='yb-btn yb-btn--block' disabled={busy} onClick={() => unpublish(notice)}>
            撤回
          </Button>
        )}
        {notice && notice.state === 'live' && (
          <Button
            className='yb-btn yb-btn--block notice-poster'
            onClick={() =>
              Taro.navigateTo({ url: `/packages/staff/pages/poster/index?communityId=${notice.communityId}&noticeId=${notice.noticeId}` })
            }
          >
            张贴海报（扫码直达这条通知）
          </Button>
        )}
      </View>
    </PageShell>
  )
}
