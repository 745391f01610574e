import { Button, Textarea, View } from '@tarojs/components'
import { PROJECT_OUTCOME_MAX, PROJECT_TEXT_MAX, type ProjectView } from 'types/proposals'
import FormField from '@/components/form-field'
import type { UseForm } from '@/lib/use-form'
import type { ProjectForm } from '../../lib/project-form'
import PhotoField from '../photo-field'

const STEPS = [10, 20, 30, 40, 50, 60, 70, 80, 90]

/** 记录进展 (a percentage, what happened, an optional photo) and 完成项目 (its outcome, 成效). */
export default function ProjectProgress(props: {
  project: ProjectView
  form: UseForm<ProjectForm>
  onRecord: () => void
  onComplete: () => void
}) {
  const { values, errors, set, busy } = props.form
  return (
    <View>
      <View className='yb-section-title'>记录进展</View>
      <FormField label='进度'>
        <View className='yb-chips'>
          {STEPS.map((s) => (
            <View key={s} className={`yb-chip${values.progress === s ? ' yb-chip--on' : ''}`} onClick={() => set('progress', s)}>
              {s}%
            </View>
          ))}
        </View>
      </FormField>
      <FormField label='进展情况' error={errors.text}>
        <Textarea
          className='yb-textarea'
          value={values.text}
          maxlength={PROJECT_TEXT_MAX}
          placeholder='例如：灯杆已立好，等待通电'
          onInput={(e) => set('text', e.detail.value)}
        />
      </FormField>
      <View className='yb-field'>
        <PhotoField
          communityId={props.project.communityId}
          value={values.photo}
          preview={values.preview}
          onChange={(photo, preview) => props.form.update((v) => ({ ...v, photo, preview }))}
        />
      </View>
      <Button className='yb-btn yb-btn--block' disabled={busy} onClick={props.onRecord}>
        记录进展
      </Button>

      <View className='yb-section-title'>完成项目</View>
      <FormField label='成效' error={errors.outcome}>
        <Textarea
          className='yb-textarea'
          value={values.outcome}
          maxlength={PROJECT_OUTCOME_MAX}
          placeholder='做成了什么，居民的生活有什么变化'
          onInput={(e) => set('outcome', e.detail.value)}
        />
      </FormField>
      <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={props.onComplete}>
        完成项目，记录成效
      </Button>
    </View>
  )
}
