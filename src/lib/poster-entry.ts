import Taro from '@tarojs/taro'
import { communitiesApi } from './api'
import { setCurrentCommunity } from './current-community'
import { errorCopy } from './error-copy'
import { EVENT_ROUTES } from './events-api'

const PAGES = { notice: '/packages/notices/pages/detail/index', event: EVENT_ROUTES.detail } as const
const ID_KEY = { notice: 'noticeId', event: 'eventId' } as const

/**
 * A notice's or an event's poster was scanned (scene `s=<code>`, docs/decisions/0100): ask what the code opens, look
 * at that community (首页 behind the page shows it — with the join card for someone who never joined) and open the
 * notice or event, the same page a share card opens. An unknown code says so and leaves 首页 as it was.
 */
export async function openPosterCode(code: string): Promise<void> {
  const opened = await communitiesApi.openShareCode(code)
  if (!opened.ok) {
    void Taro.showToast({ title: errorCopy(opened.error), icon: 'none', duration: 3000 })
    return
  }
  const { communityId, kind, id } = opened.data
  const community = await communitiesApi.get({ communityId })
  if (community.ok) setCurrentCommunity({ communityId, name: community.data.name, code: community.data.code })
  void Taro.navigateTo({ url: `${PAGES[kind]}?${ID_KEY[kind]}=${encodeURIComponent(id)}&communityId=${encodeURIComponent(communityId)}` })
}
