import { useRef } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Picker, Textarea, View } from '@tarojs/components'
import { ANSWER_DECISION_LABEL, PROPOSAL_EXPLANATION_MAX, answerInput, type AnswerDecision, type ProposalView } from 'types/proposals'
import { dayjs, formatShanghai } from 'types/time'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import FormField from '@/components/form-field'
import { useForm } from '@/lib/use-form'
import { useLoadState } from '@/lib/use-load-state'
import { staffProposalsApi } from '../../api'
import './index.scss'

const DECISIONS: AnswerDecision[] = ['evaluating', 'accepted', 'rejected']

/** Staff answer a proposal: 评估中, 采纳 (optional budget and completion date) or 不采纳 — always with an explanation. */
export default function AnswerPage() {
  const [state, run] = useLoadState<ProposalView>()
  const proposalId = useRef('')
  const form = useForm<{ decision: AnswerDecision; explanation: string; cost: string; dueDate: string }>({
    decision: 'accepted',
    explanation: '',
    cost: '',
    dueDate: '',
  })
  const { values, errors, busy, set } = form
  const { decision, cost, dueDate } = values
  const load = () => run(() => staffProposalsApi.get(proposalId.current))
  useLoad((params) => {
    proposalId.current = params.proposalId ?? ''
    void load()
  })

  const submit = () =>
    form.submit(async () => {
      const input = {
        proposalId: proposalId.current,
        decision,
        explanation: values.explanation,
        ...(decision === 'accepted' && cost.trim() !== '' ? { cost: Number(cost) } : {}),
        ...(decision === 'accepted' && dueDate ? { dueDate } : {}),
      }
      if (!form.check(answerInput, input)) return
      const res = await staffProposalsApi.answer(input)
      if (!res.ok) return form.fail(res.error)
      void Taro.showToast({ title: '已答复，已通知作者和附议居民', icon: 'none', duration: 2000 })
      setTimeout(() => Taro.navigateBack(), 900)
    })

  if (state.kind === 'loading')
    return (
      <PageShell className='pstaff-answer'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='pstaff-answer'>
        <ErrorView error={state.error} onRetry={load} />
      </PageShell>
    )
  const p = state.data
  if (!p.viewer.canAnswer)
    return (
      <PageShell className='pstaff-answer'>
        <Forbidden />
      </PageShell>
    )

  return (
    <PageShell className='pstaff-answer'>
      <View className='yb-card'>
        <View className='yb-title'>{p.title}</View>
        <View className='yb-small'>
          {p.category} · {p.supportCount} 人附议{p.answerDueAt ? ` · 须于 ${formatShanghai(p.answerDueAt, 'YYYY-MM-DD')} 前答复` : ''}
        </View>
        <View className='pstaff-answer__desc'>{p.description}</View>
        {p.answer && (
          <View className='yb-small'>
            上次答复（{ANSWER_DECISION_LABEL[p.answer.decision]}）：{p.answer.explanation}
          </View>
        )}
      </View>

      <FormField label='答复结果' error={errors.decision}>
        <View className='yb-chips'>
          {DECISIONS.filter((d) => d !== 'evaluating' || p.status === 'published').map((d) => (
            <View key={d} className={`yb-chip${decision === d ? ' yb-chip--on' : ''}`} onClick={() => set('decision', d)}>
              {ANSWER_DECISION_LABEL[d]}
            </View>
          ))}
        </View>
      </FormField>

      <FormField label='答复说明' error={errors.explanation}>
        <Textarea
          className='yb-textarea'
          value={values.explanation}
          maxlength={PROPOSAL_EXPLANATION_MAX}
          placeholder={decision === 'rejected' ? '说明为什么不能采纳，以及还能怎么办' : '说明社区会怎么做、什么时候做'}
          onInput={(e) => set('explanation', e.detail.value)}
        />
      </FormField>

      {decision === 'accepted' && (
        <View className='yb-card'>
          <FormField label='预算（元，选填）' error={errors.cost}>
            <Input className='yb-input' type='number' value={cost} placeholder='例如 8000' onInput={(e) => set('cost', e.detail.value)} />
          </FormField>
          <FormField label='预计完成日期（选填）' error={errors.dueDate}>
            <Picker
              mode='date'
              value={dueDate || dayjs().add(1, 'month').format('YYYY-MM-DD')}
              onChange={(e) => set('dueDate', String(e.detail.value))}
            >
              <View className='yb-picker'>{dueDate || '选择日期'}</View>
            </Picker>
          </FormField>
        </View>
      )}

      <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={submit}>
        发送答复
      </Button>
      <View className='yb-small pstaff-answer__note'>答复会发到作者和每位附议居民的消息里。</View>
    </PageShell>
  )
}
