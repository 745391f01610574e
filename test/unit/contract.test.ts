/** The contract's schemas refuse what the kernel relies on them to refuse. */
import { contract, createNoticeInput, getCommunityInput, idSchema, updateNoticeInput } from '../../types/index'

describe('contract schemas', () => {
  it('ids refuse operators, paths and oversize strings', () => {
    for (const bad of [{ $gt: '' }, '', 'a/b', 'a.b', '$where', 'x'.repeat(65), 1, null, ['a']]) {
      expect(idSchema.safeParse(bad).success).toBe(false)
    }
    expect(idSchema.safeParse('community-zhizijie').success).toBe(true)
  })
  it('every action input is a strict object (unknown fields fail)', () => {
    for (const [fn, actions] of Object.entries(contract)) {
      for (const [name, entry] of Object.entries(actions)) {
        const res = (entry as any).input.safeParse({ __unknown__: 1 })
        expect({ fn, name, ok: res.success }).toEqual({ fn, name, ok: false })
      }
    }
  })
  it('get community by id or code, not both', () => {
    expect(getCommunityInput.safeParse({ code: 'zhizijie' }).success).toBe(true)
    expect(getCommunityInput.safeParse({ communityId: 'community-zhizijie' }).success).toBe(true)
    expect(getCommunityInput.safeParse({ code: 'zhizijie', communityId: 'community-zhizijie' }).success).toBe(false)
  })
  it('notice text is trimmed and bounded', () => {
    const ok = createNoticeInput.parse({ communityId: 'c', title: '  标题  ', body: '正文', category: '通知' })
    expect(ok.title).toBe('标题')
    expect(createNoticeInput.safeParse({ communityId: 'c', title: '   ', body: '正文', category: '通知' }).success).toBe(false)
    expect(createNoticeInput.safeParse({ communityId: 'c', title: '标'.repeat(51), body: '正文', category: '通知' }).success).toBe(false)
    expect(createNoticeInput.safeParse({ communityId: 'c', title: 't', body: '正文', category: '其他' }).success).toBe(false)
    expect(createNoticeInput.safeParse({ communityId: 'c', title: 't', body: 'b', category: '通知', expiresAt: 'tomorrow' }).success).toBe(
      false,
    )
  })
  it('an update must change something', () => {
    expect(updateNoticeInput.safeParse({ noticeId: 'n' }).success).toBe(false)
    expect(updateNoticeInput.safeParse({ noticeId: 'n', pinned: true }).success).toBe(true)
  })
})
