import { useRef } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import {
  PROJECT_TITLE_MAX,
  completeProjectInput,
  createProjectInput,
  updateProgressInput,
  type ProjectView,
  type ProposalView,
} from 'types/proposals'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useForm } from '@/lib/use-form'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import ProjectNew from '../../components/project-new'
import ProjectProgress from '../../components/project-progress'
import ProjectTimeline from '../../components/project-timeline'
import { emptyProjectForm, type ProjectForm } from '../../lib/project-form'
import { STAFF_ROUTES, staffProposalsApi } from '../../api'
import './index.scss'

type Start = { kind: 'new'; proposals: ProposalView[] } | { kind: 'edit'; project: ProjectView }

/**
 * The project editor. New (`?communityId&proposalIds=a,b`): from accepted proposals — title, owner, summary, due date,
 * budget. Existing (`?projectId`): record progress (percentage, what happened, an optional photo) or complete it with
 * its outcome (成效), which reaches every author and supporter.
 */
export default function ProjectEditorPage() {
  const [start, run, setStart] = useLoadState<Start>()
  const ids = useRef({ communityId: '', projectId: '', proposalIds: [] as string[] })
  const form = useForm<ProjectForm>(emptyProjectForm)
  const { values } = form

  const load = () =>
    run(async (): Promise<Result<Start>> => {
      if (ids.current.projectId) {
        const got = await staffProposalsApi.project(ids.current.projectId)
        if (!got.ok) return got
        ids.current.communityId = got.data.communityId
        form.set('progress', Math.min(100, got.data.progress + 10))
        return { ok: true, data: { kind: 'edit', project: got.data } }
      }
      const proposals: ProposalView[] = []
      for (const id of ids.current.proposalIds) {
        const got = await staffProposalsApi.get(id)
        if (!got.ok) return got
        proposals.push(got.data)
      }
      if (proposals.length > 0 && !values.title) form.set('title', proposals[0].title.slice(0, PROJECT_TITLE_MAX))
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

  const create = () =>
    form.submit(async () => {
      const input = {
        communityId: ids.current.communityId,
        proposalIds: ids.current.proposalIds,
        title: values.title,
        owner: values.owner,
        ...(values.summary.trim() ? { summary: values.summary } : {}),
        ...(values.dueDate ? { dueDate: values.dueDate } : {}),
        ...(values.cost.trim() ? { cost: Number(values.cost) } : {}),
      }
      if (!form.check(createProjectInput, input)) return
      const res = await staffProposalsApi.createProject(input)
      if (!res.ok) return form.fail(res.error)
      ids.current.projectId = res.data.projectId
      setStart({ kind: 'ready', data: { kind: 'edit', project: res.data } })
      void Taro.showToast({ title: '已立项', icon: 'success' })
    })

  const record = (project: ProjectView) =>
    form.submit(async () => {
      const input = {
        projectId: project.projectId,
        progress: values.progress,
        text: values.text,
        ...(values.photo ? { photo: values.photo } : {}),
      }
      if (!form.check(updateProgressInput, input)) return
      const res = await staffProposalsApi.updateProgress(input)
      if (!res.ok) return form.fail(res.error)
      form.update((v) => ({ ...v, progress: Math.min(100, res.data.progress + 10), text: '', photo: null, preview: null }))
      setStart({ kind: 'ready', data: { kind: 'edit', project: res.data } })
      void Taro.showToast({ title: '已记录进展', icon: 'success' })
    })

  const complete = (project: ProjectView) =>
    form.submit(async () => {
      const input = { projectId: project.projectId, outcome: values.outcome }
      if (!form.check(completeProjectInput, input)) return
      const confirm = await confirmAction({
        title: '完成项目',
        content: '成效会写进成效清单，并通知提建议和附议的居民。',
        confirmText: '完成',
      })
      if (!confirm) return
      const res = await staffProposalsApi.complete(input)
      if (!res.ok) return form.fail(res.error)
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
        <ProjectNew proposals={proposals} form={form} onCreate={create} />
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

      <ProjectTimeline project={project} />
      {project.status === 'active' && (
        <ProjectProgress project={project} form={form} onRecord={() => record(project)} onComplete={() => complete(project)} />
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
