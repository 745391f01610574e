import { Text, View } from '@tarojs/components'
import { ANSWER_DECISION_LABEL, PROJECT_STATUS_LABEL, type ProposalView } from 'types/proposals'
import { formatShanghai } from 'types/time-format'

const day = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD')

/** 社区答复 (the decision, why, budget and date) and the 项目 it became, with its progress and outcome. */
export default function AnswerAndProject({
  proposal: p,
  onOpenProject,
}: {
  proposal: ProposalView
  onOpenProject: (projectId: string) => void
}) {
  return (
    <>
      {p.answer && (
        <View className='yb-card proposal-detail__answer'>
          <View className='yb-row'>
            <Text className='yb-title'>社区答复</Text>
            <Text className='yb-tag yb-tag--pin'>{ANSWER_DECISION_LABEL[p.answer.decision]}</Text>
            <View className='yb-spacer' />
            <Text className='yb-small'>{day(p.answer.answeredAt)}</Text>
          </View>
          <View className='yb-notice-body'>{p.answer.explanation}</View>
          {p.answer.cost !== null && <View className='yb-small'>预算：{p.answer.cost} 元</View>}
          {p.answer.dueDate && <View className='yb-small'>预计完成：{p.answer.dueDate}</View>}
        </View>
      )}

      {p.project && (
        <View className='yb-card proposal-detail__project' onClick={() => onOpenProject(p.project!.projectId)}>
          <View className='yb-row'>
            <Text className='yb-title'>项目：{p.project.title}</Text>
            <Text className='yb-tag'>{PROJECT_STATUS_LABEL[p.project.status]}</Text>
          </View>
          <View className='yb-small'>
            负责人：{p.project.owner} · 进度 {p.project.progress}%
          </View>
          <View className='proposal-detail__bar'>
            <View className='proposal-detail__fill' style={`width: ${p.project.progress}%`} />
          </View>
          {p.project.outcome && <View className='proposal-detail__outcome'>成效：{p.project.outcome}</View>}
        </View>
      )}
    </>
  )
}
