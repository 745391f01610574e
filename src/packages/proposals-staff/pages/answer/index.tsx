import { useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { ANSWER_DECISION_LABEL, PROPOSAL_EXPLANATION_MAX, answerInput, type AnswerDecision, type ProposalView } from 'types/proposals'
import { dayjs, formatShanghai } from 'types/time'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import { errorCopy } from '@/lib/error-copy'
import { issuesByField } from '@/lib/form-issues'
import { useLoadState } from '@/lib/use-load-state'
import { staffProposalsApi } from '../../api'
import './index.scss'

const DECISIONS: AnswerDecision[] = ['evaluating', 'accepted', 'rejected']

/** Staff answer a proposal: 评估中, 采纳 (optional budget and completion date) or 不采纳 — always with an explanation. */
export default function AnswerPage() {
  const [state, run] = useLoadState<ProposalView>()
  const proposalId = useRef('')
  const [decision, setDecision] = useState<AnswerDecision>('accepted')
  const [explanation, setExplanation] = useState('')
  const [cost, setCost] = useState('')
  const [dueDate, setDueDate] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const load = () => run(() => staffProposalsApi.get(proposalId.current))
  useLoad((params) => {
    proposalId.current = params.proposalId ?? ''
    void load()
  })

  const submit = async () => {
    if (busy) return
    const input = {
      proposalId: proposalId.current,
      decision,
      explanation,
      ...(decision === 'accepted' && cost.trim() !== '' ? { cost: Number(cost) } : {}),
      ...(decision === 'accepted' && dueDate ? { dueDate } : {}),
    }
    const checked = answerInput.safeParse(input)
    if (!checked.success) return setErrors(issuesByField(checked.error.issues))
    setErrors({})
    setBusy(true)
    try {
      const res = await staffProposalsApi.answer(input)
      if (!res.ok) {
        if (res.error.issues) setErrors(issuesByField(res.error.issues))
        return Taro.showToast({ title: errorCopy(res.error), icon: 'none', duration: 3000 })
      }
      void Taro.showToast({ title: '已答复，已通知作者和附议居民', icon: 'none', duration: 2000 })
      setTimeout(() => Taro.navigateBack(), 900)
    } finally {
      setBusy(false)
    }
  }

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

      <View className='yb-field'>
        <Text className='yb-label'>答复结果</Text>
        <View className='yb-chips'>
          {DECISIONS.filter((d) => d !== 'evaluating' || p.status === 'published').map((d) => (
            <View key={d} className={`yb-chip${decision === d ? ' yb-chip--on' : ''}`} onClick={() => setDecision(d)}>
              {ANSWER_DECISION_LABEL[d]}
            </View>
          ))}
        </View>
        {errors.decision && <View className='yb-field-error'>{errors.decision}</View>}
      </View>

      <View className='yb-field'>
        <Text className='yb-label'>答复说明</Text>
        <Textarea
          className='yb-textarea'
          value={explanation}
          maxlength={PROPOSAL_EXPLANATION_MAX}
          placeholder={decision === 'rejected' ? '说明为什么不能采纳，以及还能怎么办' : '说明社区会怎么做、什么时候做'}
          onInput={(e) => setExplanation(e.detail.value)}
        />
        {errors.explanation && <View className='yb-field-error'>{errors.explanation}</View>}
      </View>

      {decision === 'accepted' && (
        <View className='yb-card'>
          <View className='yb-field'>
            <Text className='yb-label'>预算（元，选填）</Text>
            <Input className='yb-input' type='number' value={cost} placeholder='例如 8000' onInput={(e) => setCost(e.detail.value)} />
            {errors.cost && <View className='yb-field-error'>{errors.cost}</View>}
          </View>
          <View className='yb-field'>
            <Text className='yb-label'>预计完成日期（选填）</Text>
            <Picker
              mode='date'
              value={dueDate || dayjs().add(1, 'month').format('YYYY-MM-DD')}
              onChange={(e) => setDueDate(String(e.detail.value))}
            >
              <View className='yb-picker'>{dueDate || '选择日期'}</View>
            </Picker>
            {errors.dueDate && <View className='yb-field-error'>{errors.dueDate}</View>}
          </View>
        </View>
      )}

      <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={submit}>
        发送答复
      </Button>
      <View className='yb-small pstaff-answer__note'>答复会发到作者和每位附议居民的消息里。</View>
    </PageShell>
  )
}
