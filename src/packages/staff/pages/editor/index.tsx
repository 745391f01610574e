import { useRef } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { createNoticeInput, updateNoticeInput, type NoticeView } from 'types/notices'
import { fromWallClock } from 'types/time'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useForm } from '@/lib/use-form'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import NoticeContent from '../../components/notice-content'
import NoticeExpiry from '../../components/notice-expiry'
import NoticeSchedule from '../../components/notice-schedule'
import { emptyNoticeForm, noticeFormOf, type NoticeForm } from '../../lib/notice-form'
import { getCurrentCommunity, staffApi } from '../../api'

/** What the editor starts from: a new notice (after checking the viewer may manage) or an existing one. */
type Start = { kind: 'new'; communityName: string } | { kind: 'edit'; notice: NoticeView }

const join = fromWallClock

const STATE_COPY: Record<NoticeView['state'], string> = { draft: '草稿', scheduled: '定时发布', live: '已发布', expired: '已过期' }

export default function NoticeEditorPage() {
  const [start, run, setStart] = useLoadState<Start>()
  const ids = useRef({ communityId: '', noticeId: '' })
  const form = useForm<NoticeForm>(emptyNoticeForm)
  const { values, errors, busy, set } = form

  const load = () =>
    run(async (): Promise<Result<Start>> => {
      const { communityId, noticeId } = ids.current
      if (noticeId) {
        const got = await staffApi.notice(noticeId)
        if (!got.ok) return got
        form.reset(noticeFormOf(got.data))
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

  /** Save the fields (create or update), then publish if asked. The same zod schema as the function checks first. */
  const save = (publish: boolean) =>
    form.submit(async () => {
      if (start.kind !== 'ready') return
      const fields = {
        title: values.title,
        body: values.body,
        category: values.category,
        pinned: values.pinned,
        expiresAt: values.expires ? join(values.expiresAt) : null,
      }
      const existing = start.data.kind === 'edit' ? start.data.notice : null
      const ok = existing
        ? form.check(updateNoticeInput, { noticeId: existing.noticeId, ...fields })
        : form.check(createNoticeInput, { communityId: ids.current.communityId, ...fields })
      if (!ok) return
      const saved = existing
        ? await staffApi.update({ noticeId: existing.noticeId, ...fields })
        : await staffApi.create({ communityId: ids.current.communityId, ...fields })
      if (!saved.ok) return form.fail(saved.error)
      // From here on this is an existing notice: a retry updates it instead of creating another.
      ids.current.noticeId = saved.data.noticeId
      let notice = saved.data
      if (publish) {
        const published = await staffApi.publish(
          values.schedule ? { noticeId: notice.noticeId, publishAt: join(values.publishAt) } : { noticeId: notice.noticeId },
        )
        if (!published.ok) {
          setStart({ kind: 'ready', data: { kind: 'edit', notice } })
          return form.fail(published.error)
        }
        notice = published.data
      }
      setStart({ kind: 'ready', data: { kind: 'edit', notice } })
      void Taro.showToast({ title: publish ? (notice.state === 'scheduled' ? '已定时发布' : '已发布') : '已保存', icon: 'success' })
      if (publish) setTimeout(() => Taro.navigateBack(), 800)
    })

  const unpublish = async (notice: NoticeView) => {
    const confirm = await confirmAction({
      title: '撤回通知',
      content: '撤回后居民将看不到这条通知，可以修改后重新发布。',
      confirmText: '撤回',
    })
    if (!confirm) return
    await form.submit(async () => {
      const res = await staffApi.unpublish(notice.noticeId)
      if (!res.ok) return form.fail(res.error)
      setStart({ kind: 'ready', data: { kind: 'edit', notice: res.data } })
      void Taro.showToast({ title: '已撤回', icon: 'success' })
    })
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

      <NoticeContent values={values} errors={errors} set={set} />

      <NoticeExpiry
        pinned={values.pinned}
        expires={values.expires}
        expiresAt={values.expiresAt}
        error={errors.expiresAt}
        onPinned={(on) => set('pinned', on)}
        onExpires={(on) => set('expires', on)}
        onExpiresAt={(w) => set('expiresAt', w)}
      />

      {canPublish && (
        <NoticeSchedule
          schedule={values.schedule}
          publishAt={values.publishAt}
          onSchedule={(on) => set('schedule', on)}
          onPublishAt={(w) => set('publishAt', w)}
        />
      )}

      {notice?.moderation === 'review' && <View className='yb-small'>内容需人工审核：审核通过后由区级管理员发布。</View>}

      <View className='yb-actions'>
        {canPublish && (
          <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={() => save(true)}>
            {values.schedule ? '定时发布' : '发布'}
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
