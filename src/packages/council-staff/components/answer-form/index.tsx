import Taro from '@tarojs/taro'
import { Button, Textarea, View } from '@tarojs/components'
import { ANSWER_KINDS, ANSWER_KIND_LABEL, type AnswerKind } from 'types/index'
import { respondInput, type ChildProposalView } from 'types/council'
import { useForm } from '@/lib/use-form'
import { councilStaffApi } from '../../api'

/** 回信: an adult's answer to a child's idea — 会做 / 考虑 / 暂时不行 … and a few words a child understands. */
export default function AnswerForm({ p, onDone }: { p: ChildProposalView; onDone: () => void }) {
  const form = useForm<{ kind: AnswerKind; text: string }>({ kind: 'yes', text: '' })
  const { values, errors, busy, set } = form
  const send = () =>
    form.submit(async () => {
      const input = { proposalId: p.proposalId, kind: values.kind, text: values.text }
      if (!form.check(respondInput, input)) return
      const res = await councilStaffApi.respond(input)
      if (!res.ok) return form.fail(res.error)
      void Taro.showToast({ title: '回信已发给孩子和家长', icon: 'none' })
      onDone()
    })
  return (
    <View className='council-staff-answer'>
      <View className='yb-row'>
        {ANSWER_KINDS.map((k) => (
          <View key={k} className={`yb-chip${values.kind === k ? ' yb-chip--on' : ''}`} onClick={() => set('kind', k)}>
            {ANSWER_KIND_LABEL[k]}
          </View>
        ))}
      </View>
      <Textarea
        className='yb-input council-staff-answer-text'
        maxlength={300}
        placeholder='用孩子能懂的话回信：会做什么、什么时候，或者为什么暂时不行'
        value={values.text}
        onInput={(e) => set('text', e.detail.value)}
      />
      {errors.text && <View className='yb-field-error'>{errors.text}</View>}
      <Button className='yb-btn yb-btn--primary' disabled={busy} onClick={send}>
        发送回信
      </Button>
    </View>
  )
}
