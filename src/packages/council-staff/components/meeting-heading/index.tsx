import { Button, View } from '@tarojs/components'
import { MEETING_STATUS_LABEL, formatShanghai } from 'types/index'
import type { MeetingView } from 'types/council'
import { councilStaffApi } from '../../api'
import type { MeetingAct } from '../../lib/meeting-mode'

/** The meeting at a glance: name, time, place, status, 到会 of the members; 公布议程 while it is a draft. */
export default function MeetingHeading({
  meeting,
  memberCount,
  busy,
  act,
}: {
  meeting: MeetingView
  memberCount: number
  busy: boolean
  act: MeetingAct
}) {
  return (
    <View className='yb-card'>
      <View className='yb-hero'>{meeting.title}</View>
      <View className='yb-small'>
        {formatShanghai(meeting.startsAt)} · {meeting.place} · {MEETING_STATUS_LABEL[meeting.status]} · 到会 {meeting.attendanceCount}/
        {memberCount}
      </View>
      {meeting.status === 'draft' && (
        <Button
          className='yb-btn yb-btn--primary council-publish'
          disabled={busy}
          onClick={() => act(() => councilStaffApi.publish(meeting.meetingId), '议程已公布')}
        >
          公布议程
        </Button>
      )}
    </View>
  )
}
