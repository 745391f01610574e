import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { CouncilMemberView } from 'types/council'
import { errorCopy } from '@/lib/error-copy'
import { confirmAction } from '@/lib/confirm'
import { councilApi } from '../../api'

const toast = (title: string) => Taro.showToast({ title, icon: 'none' })

/** 监护人权利: a guardian exports (to the clipboard) or deletes everything about each of their children. */
export default function GuardianRights({ members, onDeleted }: { members: CouncilMemberView[]; onDeleted: () => void }) {
  return (
    <View className='yb-card'>
      <View className='yb-small'>监护人权利：查看、导出或删除孩子的全部信息</View>
      {members.map((m) => (
        <View key={m.childId} className='yb-row yb-actions'>
          <Button
            className='yb-btn'
            onClick={async () => {
              const res = await councilApi.exportData(m.childId)
              if (!res.ok) return toast(errorCopy(res.error))
              void Taro.setClipboardData({ data: JSON.stringify(res.data, null, 2) })
            }}
          >
            导出{m.alias}的信息
          </Button>
          <Button
            className='yb-btn'
            onClick={async () => {
              const ok = await confirmAction({
                title: '删除孩子的全部信息？',
                content: `${m.alias}的报名、建议、投票记录都会删除，不能恢复。`,
                confirmText: '删除',
              })
              if (!ok) return
              const res = await councilApi.deleteData(m.childId)
              if (!res.ok) return toast(errorCopy(res.error))
              void toast('已删除')
              onDeleted()
            }}
          >
            删除
          </Button>
        </View>
      ))}
    </View>
  )
}
