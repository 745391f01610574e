import { previewText, proposalShareTitle, PREVIEW_TEXT_MAX } from '../../types/share'
import { sharePath } from '../../src/lib/share'

jest.mock('@tarojs/taro', () => ({ useShareAppMessage: jest.fn(), useShareTimeline: jest.fn() }))

describe('share cards', () => {
  test('a proposal card says how many supports it still needs', () => {
    expect(proposalShareTitle('楼下加装长椅', 7)).toBe('还差 7 人附议：楼下加装长椅')
    expect(proposalShareTitle('楼下加装长椅', 0)).toBe('居民建议：楼下加装长椅')
    expect(proposalShareTitle('楼下加装长椅', null)).toBe('居民建议：楼下加装长椅')
  })
  test('the path opens the same page in the same community', () => {
    expect(sharePath('/packages/proposals/pages/detail/index', { proposalId: 'p1', communityId: 'community-zhizijie' })).toBe(
      '/packages/proposals/pages/detail/index?proposalId=p1&communityId=community-zhizijie',
    )
  })
  test('preview text is cut at a fixed length', () => {
    expect(previewText('短')).toBe('短')
    expect(previewText('长'.repeat(400))).toHaveLength(PREVIEW_TEXT_MAX)
  })
})
