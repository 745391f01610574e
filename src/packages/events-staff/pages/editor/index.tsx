import { useRef } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { PHASE_LABEL, createEventInput, updateEventInput, type EventView, type SeriesView } from 'types/events'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useForm } from '@/lib/use-form'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import EventBasics from '../../components/event-basics'
import EventCancel from '../../components/event-cancel'
import EventPlaces from '../../components/event-places'
import EventSeries from '../../components/event-series'
import EventTimes from '../../components/event-times'
import { emptyEventForm, eventFields, eventFormOf, publishedChanges, type EventForm } from '../../lib/event-form'
import { ROUTES, getCurrentCommunity, staffEventsApi } from '../../api'
import './index.scss'

type Start = { event: EventView | null; series: SeriesView[]; communityId: string }

/** Staff: write a new event or course, edit one, publish it, or cancel it (everyone signed up is told). */
export default function EventEditorPage() {
  const [start, run, setStart] = useLoadState<Start>()
  const ids = useRef({ communityId: '', eventId: '' })
  const form = useForm<EventForm>(emptyEventForm)
  const { values, errors, busy, set } = form

  const load = () =>
    run(async (): Promise<Result<Start>> => {
      let event: EventView | null = null
      if (ids.current.eventId) {
        const got = await staffEventsApi.get(ids.current.eventId)
        if (!got.ok) return got
        event = got.data
        ids.current.communityId = event.communityId
        form.reset(eventFormOf(event))
      }
      const list = await staffEventsApi.list(ids.current.communityId)
      if (!list.ok) return list
      return { ok: true, data: { event, series: list.data.series, communityId: ids.current.communityId } }
    })

  useLoad((params) => {
    ids.current = { communityId: params.communityId ?? getCurrentCommunity()?.communityId ?? '', eventId: params.eventId ?? '' }
    void load()
  })

  const save = (publish: boolean) =>
    form.submit(async () => {
      if (start.kind !== 'ready') return
      const existing = start.data.event
      let seriesId = values.seriesId || undefined
      if (values.newSeries.trim()) {
        const s = await staffEventsApi.createSeries(ids.current.communityId, values.newSeries.trim())
        if (!s.ok) return form.fail(s.error)
        seriesId = s.data.seriesId
      }
      const fields = eventFields(values, seriesId)
      const published = existing && existing.status !== 'draft'
      // once published, how places are given is fixed: send only what may change
      const changes = published ? publishedChanges(fields, values.deadline) : fields
      const ok = existing
        ? form.check(updateEventInput, { eventId: existing.eventId, ...changes })
        : form.check(createEventInput, { communityId: ids.current.communityId, ...fields })
      if (!ok) return
      const saved = existing
        ? await staffEventsApi.update({ eventId: existing.eventId, ...changes })
        : await staffEventsApi.create({ communityId: ids.current.communityId, ...fields })
      if (!saved.ok) return form.fail(saved.error)
      ids.current.eventId = saved.data.eventId
      let event = saved.data
      if (publish && event.status === 'draft') {
        const res = await staffEventsApi.publish(event.eventId)
        if (!res.ok) {
          setStart({ kind: 'ready', data: { ...start.data, event } })
          return form.fail(res.error)
        }
        event = res.data
      }
      setStart({ kind: 'ready', data: { ...start.data, event } })
      void Taro.showToast({ title: publish ? '已发布' : '已保存', icon: 'success' })
      if (publish) setTimeout(() => Taro.redirectTo({ url: `${ROUTES.signups}?eventId=${event.eventId}` }), 800)
    })

  const cancelEvent = async (e: EventView, reason: string | undefined) => {
    const confirm = await confirmAction({
      title: '取消活动',
      content: '已报名和候补的人都会收到通知。确定取消吗？',
      confirmText: '取消活动',
    })
    if (!confirm || start.kind !== 'ready') return
    await form.submit(async () => {
      const res = await staffEventsApi.cancelEvent(e.eventId, reason)
      if (!res.ok) return form.fail(res.error)
      setStart({ kind: 'ready', data: { ...start.data, event: res.data } })
      void Taro.showToast({ title: '已取消，已通知报名的人', icon: 'none' })
    })
  }

  if (start.kind === 'loading')
    return (
      <PageShell className='event-editor'>
        <Loading />
      </PageShell>
    )
  if (start.kind === 'error')
    return (
      <PageShell className='event-editor'>
        <ErrorView error={start.error} onRetry={load} />
      </PageShell>
    )
  const e = start.data.event
  if (e && !e.viewer.canManage)
    return (
      <PageShell className='event-editor'>
        <Forbidden />
      </PageShell>
    )
  const fixed = !!e && e.status !== 'draft'
  const editable = !e || e.viewer.canEdit

  return (
    <PageShell className='event-editor'>
      {e && (
        <Text className='yb-small'>
          {PHASE_LABEL[e.phase]} · 已报 {e.counts.confirmed} / {e.capacity} · 候补 {e.counts.waitlisted}
        </Text>
      )}

      <EventBasics values={values} errors={errors} set={set} />
      <EventTimes values={values} errors={errors} set={set} fixed={fixed} />
      <EventPlaces form={form} fixed={fixed} />
      <EventSeries values={values} series={start.data.series} set={set} />

      {editable && (
        <View className='yb-row yb-actions'>
          <Button className='yb-btn' disabled={busy} onClick={() => save(false)}>
            保存
          </Button>
          {(!e || e.status === 'draft') && (
            <Button className='yb-btn yb-btn--primary' disabled={busy} onClick={() => save(true)}>
              发布
            </Button>
          )}
        </View>
      )}
      {e?.viewer.canCancelEvent && e.status === 'published' && <EventCancel busy={busy} onCancel={(reason) => cancelEvent(e, reason)} />}
    </PageShell>
  )
}
