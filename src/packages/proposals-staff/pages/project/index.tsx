import { useRef, useState } from 'react'
import { formatShanghai } from 'types/time-format'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import {
  PROJECT_OUTCOME_MAX,
  PROJECT_OWNER_MAX,
  PROJECT_TEXT_MAX,
  PROJECT_TITLE_MAX,
  completeProjectInput,
  createProjectInput,
  updateProgressInput,
  type ProjectView,
  type ProposalView,
} from 'types/proposals'
import { dayjs } from 'types/time'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { ClientError, Result } from '@/lib/cloud'
import { errorCopy } from '@/lib/error-copy'
import { issuesByField } from '@/lib/form-issues'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import PhotoField from '../../components/photo-field'
import { STAFF_ROUTES, staffProposalsApi } from '../../api'
import './index.scss'

type Start = { kind: 'new'; proposals: ProposalView[] } | { kind: 'edit'; project: ProjectView }
const STEPS = [10, 20, 30, 40, 50, 60, 70, 80, 90]

/**
 * The project editor. New (`?communityId&proposalIds=a,b`): from accepted proposals — title, owner, summary, due date,
 * budget. Existing (`?projectId`): record progress (percentage, what happened, an optional photo) or complete it with
 * its outcome (成效), which reaches every author and supporter.
 */
export default function ProjectEditorPage() {
  const [start, run, setStart] = useLoadState<Start>()
  const ids = useRef({ communityId: '', projectId: '', proposalIds: [] as string[] })
  const [form, setForm] = useState({ title: '', owner: '', summary: '', dueDate: '', cost: '' })
  const [progress, setProgress] = useState({ value: 0, text: '', photo: null as string | null, preview: null as string | null })
  const [outcome, setOutcome] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const load = () =>
    run(async (): Promise<Result<Start>> => {
      if (ids.current.projectId) {
        const got = await staffProposalsApi.project(ids.current.projectId)
        if (!got.ok) return got
        ids.current.communityId = got.data.communityId
        setProgress((p) => ({ ...p, value: Math.min(100, got.data.progress + 10) }))
        return { ok: true, data: { kind: 'edit', project: got.data } }
      }
      const proposals: ProposalView[] = []
      for (const id of ids.current.proposalIds) {
        const got = await staffProposalsApi.get(id)
        if (!got.ok) return got
        proposals.push(got.data)
      }
      if (proposals.length > 0 && !form.title) setForm((f) => ({ ...f, title: proposals[0].title.slice(0, PROJECT_TITLE_MAX) }))
      return { ok: true, data: { kind: 'new', proposals } }
    })

  useLoad((params) => {
    ids.current = {
      communityId: params.communityId ?? '',
      projectId: params.projectId ?? '',
      proposalIds: (params.proposalIds ?? '').split(',').filter(Boolean),
    }
    void load()
  })

  const fail = (error: ClientError) => {
    if (error.issues) setErrors(issuesByField(error.issues))
    void Taro.showToast({ title: errorCopy(error), icon: 'none', duration: 3000 })
  }
  const guarded = async (work: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    try {
      await work()
    } finally {
      setBusy(false)
    }
  }

  const create = () =>
    guarded(async () => {
      const input = {
        communityId: ids.current.communityId,
        proposalIds: ids.current.proposalIds,
        title: form.title,
        owner: form.owner,
        ...(form.summary.trim() ? { summary: form.summary } : {}),
        ...(form.dueDate ? { dueDate: form.dueDate } : {}),
        ...(form.cost.trim() ? { cost: Number(form.cost) } : {}),
      }
      const checked = createProjectInput.safeParse(input)
      if (!checked.success) return setErrors(issuesByField(checked.error.issues))
      setErrors({})
      const res = await staffProposalsApi.createProject(input)
      if (!res.ok) return fail(res.error)
      ids.current.projectId = res.data.projectId
      setStart({ kind: 'ready', data: { kind: 'edit', project: res.data } })
      void Taro.showToast({ title: '已立项', icon: 'success' })
    })

  const record = (project: ProjectView) =>
    guarded(async () => {
      const input = {
        projectId: project.projectId,
        progress: progress.value,
        text: progress.text,
        ...(progress.photo ? { photo: progress.photo } : {}),
      }
      const checked = updateProgressInput.safeParse(input)
      if (!checked.success) return setErrors(issuesByField(checked.error.issues))
      setErrors({})
      const res = await staffProposalsApi.updateProgress(input)
      if (!res.ok) return fail(res.error)
      setProgress({ value: Math.min(100, res.data.progress + 10), text: '', photo: null, preview: null })
      setStart({ kind: 'ready', data: { kind: 'edit', project: res.data } })
      void Taro.showToast({ title: '已记录进展', icon: 'success' })
    })

  const complete = (project: ProjectView) =>
    guarded(async () => {
      const input = { projectId: project.projectId, outcome }
      const checked = completeProjectInput.safeParse(input)
      if (!checked.success) return setErrors(issuesByField(checked.error.issues))
      const confirm = await confirmAction({
        title: '完成项目',
        content: '成效会写进成效清单，并通知提建议和附议的居民。',
        confirmText: '完成',
      })
      if (!confirm) return
      setErrors({})
      const res = await staffProposalsApi.complete(input)
      if (!res.ok) return fail(res.error)
      setStart({ kind: 'ready', data: { kind: 'edit', project: res.data } })
      void Taro.showToast({ title: '项目已完成', icon: 'success' })
    })

  if (start.kind === 'loading')
    return (
      <PageShell className='pstaff-project'>
        <Loading />
      </PageShell>
    )
  if (start.kind === 'error')
    return (
      <PageShell className='pstaff-project'>
        <ErrorView error={start.error} onRetry={load} />
      </PageShell>
    )

  if (start.data.kind === 'new') {
    const { proposals } = start.data
    if (proposals.length === 0 || proposals.some((p) => !p.viewer.canCreateProject)) {
      return (
        <PageShell className='pstaff-project'>
          {proposals.length === 0 ? <ErrorView error={{ code: 'PROPOSAL.NOT_FOUND', message: '' }} /> : <Forbidden />}
        </PageShell>
      )
    }
    return (
      <PageShell className='pstaff-project'>
        <View className='yb-card'>
          <View className='yb-label'>来自这些已采纳的建议</View>
          {proposals.map((p) => (
            <View key={p.proposalId} className='pstaff-project__source'>
              · {p.title}
              {p.answer?.dueDate ? `（答复承诺 ${p.answer.dueDate} 前完成）` : ''}
            </View>
          ))}
        </View>
        <View className='yb-field'>
          <Text className='yb-label'>项目名称</Text>
          <Input
            className='yb-input'
            value={form.title}
            maxlength={PROJECT_TITLE_MAX}
            onInput={(e) => setForm({ ...form, title: e.detail.value })}
          />
          {errors.title && <View className='yb-field-error'>{errors.title}</View>}
        </View>
        <View className='yb-field'>
          <Text className='yb-label'>负责人</Text>
          <Input
            className='yb-input'
            value={form.owner}
            maxlength={PROJECT_OWNER_MAX}
            placeholder='例如：社区居委会 · 张社工'
            onInput={(e) => setForm({ ...form, owner: e.detail.value })}
          />
          {errors.owner && <View className='yb-field-error'>{errors.owner}</View>}
        </View>
        <View className='yb-field'>
          <Text className='yb-label'>做什么（选填）</Text>
          <Textarea
            className='yb-textarea'
            value={form.summary}
            maxlength={PROJECT_OUTCOME_MAX}
            onInput={(e) => setForm({ ...form, summary: e.detail.value })}
          />
        </View>
        <View className='yb-field'>
          <Text className='yb-label'>计划完成日期（选填）</Text>
          <Picker
            mode='date'
            value={form.dueDate || dayjs().add(1, 'month').format('YYYY-MM-DD')}
            onChange={(e) => setForm({ ...form, dueDate: String(e.detail.value) })}
          >
            <View className='yb-picker'>{form.dueDate || '选择日期'}</View>
          </Picker>
        </View>
        <View className='yb-field'>
          <Text className='yb-label'>预算（元，选填）</Text>
          <Input className='yb-input' type='number' value={form.cost} onInput={(e) => setForm({ ...form, cost: e.detail.value })} />
          {errors.cost && <View className='yb-field-error'>{errors.cost}</View>}
        </View>
        <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={create}>
          立项
        </Button>
      </PageShell>
    )
  }

  const project = start.data.project
  if (!project.viewer.canUpdate && project.status === 'active')
    return (
      <PageShell className='pstaff-project'>
        <Forbidden />
      </PageShell>
    )
  return (
    <PageShell className='pstaff-project'>
      <View className='yb-card'>
        <View className='yb-hero'>{project.title}</View>
        <View className='yb-small'>
          负责人：{project.owner} · 进度 {project.progress}%{project.status === 'completed' ? ' · 已完成' : ''}
        </View>
        {project.outcome && <View className='pstaff-project__outcome'>成效：{project.outcome}</View>}
      </View>

      <View className='yb-section-title'>进展记录（{project.timeline.length} 条）</View>
      <View className='yb-card pstaff-project-timeline'>
        {project.timeline.length === 0 && <View className='yb-small'>还没有进展记录。在下面选进度、写进展，点“记录进展”。</View>}
        {[...project.timeline].reverse().map((e, i) => (
          <View key={`${e.at}-${i}`} className='pstaff-project__event'>
            <View className='yb-row'>
              <Text className='yb-tag'>{e.progress}%</Text>
              <View className='yb-spacer' />
              <Text className='yb-small'>{formatShanghai(e.at, 'M月D日 HH:mm')}</Text>
            </View>
            <View>{e.text}</View>
          </View>
        ))}
      </View>

      {project.status === 'active' && (
        <View>
          <View className='yb-section-title'>记录进展</View>
          <View className='yb-field'>
            <Text className='yb-label'>进度</Text>
            <View className='yb-chips'>
              {STEPS.map((s) => (
                <View
                  key={s}
                  className={`yb-chip${progress.value === s ? ' yb-chip--on' : ''}`}
                  onClick={() => setProgress({ ...progress, value: s })}
                >
                  {s}%
                </View>
              ))}
            </View>
          </View>
          <View className='yb-field'>
            <Text className='yb-label'>进展情况</Text>
            <Textarea
              className='yb-textarea'
              value={progress.text}
              maxlength={PROJECT_TEXT_MAX}
              placeholder='例如：灯杆已立好，等待通电'
              onInput={(e) => setProgress({ ...progress, text: e.detail.value })}
            />
            {errors.text && <View className='yb-field-error'>{errors.text}</View>}
          </View>
          <View className='yb-field'>
            <PhotoField
              communityId={project.communityId}
              value={progress.photo}
              preview={progress.preview}
              onChange={(photo, preview) => setProgress({ ...progress, photo, preview })}
            />
          </View>
          <Button className='yb-btn yb-btn--block' disabled={busy} onClick={() => record(project)}>
            记录进展
          </Button>

          <View className='yb-section-title'>完成项目</View>
          <View className='yb-field'>
            <Text className='yb-label'>成效</Text>
            <Textarea
              className='yb-textarea'
              value={outcome}
              maxlength={PROJECT_OUTCOME_MAX}
              placeholder='做成了什么，居民的生活有什么变化'
              onInput={(e) => setOutcome(e.detail.value)}
            />
            {errors.outcome && <View className='yb-field-error'>{errors.outcome}</View>}
          </View>
          <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={() => complete(project)}>
            完成项目，记录成效
          </Button>
        </View>
      )}

      <Button
        className='yb-btn yb-btn--block'
        onClick={() =>
          Taro.navigateTo({
            url: `${STAFF_ROUTES.lists}?communityId=${project.communityId}&tab=${project.status === 'completed' ? 'outcomes' : 'projects'}`,
          })
        }
      >
        查看三张清单
      </Button>
    </PageShell>
  )
}
