import { Button, Input, Picker, Textarea, View } from '@tarojs/components'
import { PROJECT_OUTCOME_MAX, PROJECT_OWNER_MAX, PROJECT_TITLE_MAX, type ProposalView } from 'types/proposals'
import { dayjs } from 'types/time'
import FormField from '@/components/form-field'
import type { UseForm } from '@/lib/use-form'
import type { ProjectForm } from '../../lib/project-form'

/** 立项: a project from accepted proposals — its name, who is responsible, what it does, when, and the budget. */
export default function ProjectNew({
  proposals,
  form,
  onCreate,
}: {
  proposals: ProposalView[]
  form: UseForm<ProjectForm>
  onCreate: () => void
}) {
  const { values, errors, set } = form
  return (
    <>
      <View className='yb-card'>
        <View className='yb-label'>来自这些已采纳的建议</View>
        {proposals.map((p) => (
          <View key={p.proposalId} className='pstaff-project__source'>
            · {p.title}
            {p.answer?.dueDate ? `（答复承诺 ${p.answer.dueDate} 前完成）` : ''}
          </View>
        ))}
      </View>
      <FormField label='项目名称' error={errors.title}>
        <Input className='yb-input' value={values.title} maxlength={PROJECT_TITLE_MAX} onInput={(e) => set('title', e.detail.value)} />
      </FormField>
      <FormField label='负责人' error={errors.owner}>
        <Input
          className='yb-input'
          value={values.owner}
          maxlength={PROJECT_OWNER_MAX}
          placeholder='例如：社区居委会 · 张社工'
          onInput={(e) => set('owner', e.detail.value)}
        />
      </FormField>
      <FormField label='做什么（选填）' error={errors.summary}>
        <Textarea
          className='yb-textarea'
          value={values.summary}
          maxlength={PROJECT_OUTCOME_MAX}
          onInput={(e) => set('summary', e.detail.value)}
        />
      </FormField>
      <FormField label='计划完成日期（选填）' error={errors.dueDate}>
        <Picker
          mode='date'
          value={values.dueDate || dayjs().add(1, 'month').format('YYYY-MM-DD')}
          onChange={(e) => set('dueDate', String(e.detail.value))}
        >
          <View className='yb-picker'>{values.dueDate || '选择日期'}</View>
        </Picker>
      </FormField>
      <FormField label='预算（元，选填）' error={errors.cost}>
        <Input className='yb-input' type='number' value={values.cost} onInput={(e) => set('cost', e.detail.value)} />
      </FormField>
      <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={form.busy} onClick={onCreate}>
        立项
      </Button>
    </>
  )
}
