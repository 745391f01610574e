import { Text, View } from '@tarojs/components'
import type { ProjectView } from 'types/proposals'
import { formatShanghai } from 'types/time-format'

/** 进展记录: what happened on the project, newest first. */
export default function ProjectTimeline({ project }: { project: ProjectView }) {
  return (
    <>
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
    </>
  )
}
