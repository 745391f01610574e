import { Button, Text, View } from '@tarojs/components'
import type { ActionOutput } from 'types/contract'
import type { StaffBoardOutput } from 'types/council'
import type { Result } from '@/lib/cloud'
import { Empty } from '@/components/status-view'
import { councilStaffApi } from '../../api'

type Act = (p: Promise<Result<unknown>>, done: string) => void

/** 报名 (applications to approve) and 成员与主席 (the members, and who chairs: sets up meetings and agendas with everyone). */
export default function MembersAndChair(props: {
  board: StaffBoardOutput
  council: ActionOutput<'council', 'get'>
  members: ActionOutput<'council', 'members'>['all']
  act: Act
}) {
  const { board, council, members, act } = props
  const approved = (members ?? []).filter((m) => m.status === 'approved')
  return (
    <>
      <View className='yb-section-title'>报名</View>
      {board.pendingMembers.length === 0 && (
        <Empty title='没有待批准的报名' hint='家长为孩子报名后会出现在这里。可以把议事会的二维码发到家长群。' />
      )}
      {board.pendingMembers.map((m) => (
        <View key={m.memberId} className='yb-card yb-row council-staff-member'>
          <Text>{m.label}</Text>
          <View className='yb-spacer' />
          <Button className='yb-btn yb-btn--primary' onClick={() => act(councilStaffApi.approveMember(m.memberId), '已批准')}>
            批准
          </Button>
        </View>
      ))}
      {council && (
        <View>
          <View className='yb-section-title'>成员与主席</View>
          <View className='yb-small'>
            {council.chair
              ? `主席：${council.chair.label}（可以和大家一起建会议、排议程）`
              : '还没有主席：可以请一位成员当主席，和大家一起建会议、排议程'}
            {council.termEnded ? ` · 任期已于 ${council.termEnd} 结束` : ` · 任期至 ${council.termEnd}`}
          </View>
          {approved.length === 0 && <Empty title='还没有成员' hint='批准上面的报名后，孩子就成为议事会成员。' />}
          {approved.map((m) => (
            <View key={m.memberId} className='yb-card yb-row council-staff-chair'>
              <Text>{m.isChair ? `👑 ${m.label}` : m.label}</Text>
              <View className='yb-spacer' />
              {m.isChair ? (
                <Button className='yb-btn' onClick={() => act(councilStaffApi.setChair(council.councilId, null), '已取消主席')}>
                  取消主席
                </Button>
              ) : (
                m.viewer.canSetChair && (
                  <Button className='yb-btn' onClick={() => act(councilStaffApi.setChair(council.councilId, m.memberId), '已设为主席')}>
                    设为主席
                  </Button>
                )
              )}
            </View>
          ))}
        </View>
      )}
    </>
  )
}
