import { SCENE_MAX_LENGTH, communityScene, isValidScene, parseScene } from '../../types/index'

describe('community scenes', () => {
  it('builds c=<code> within 32 characters', () => {
    expect(communityScene('zhizijie')).toBe('c=zhizijie')
    const longest = 'a'.repeat(30)
    expect(communityScene(longest)).toHaveLength(SCENE_MAX_LENGTH)
    expect(() => communityScene('a'.repeat(31))).toThrow()
    expect(() => communityScene('栀子街')).toThrow()
    expect(() => communityScene('Zhizijie')).toThrow()
    expect(() => communityScene('a')).toThrow()
  })
  it('parses encoded and decoded scenes', () => {
    expect(parseScene('c%3Dzhizijie')).toEqual({ kind: 'community', code: 'zhizijie' })
    expect(parseScene('c=zhizijie')).toEqual({ kind: 'community', code: 'zhizijie' })
    expect(parseScene('c=xin-hua2')).toEqual({ kind: 'community', code: 'xin-hua2' })
    expect(parseScene(`c=${'a'.repeat(30)}`)).toEqual({ kind: 'community', code: 'a'.repeat(30) })
  })
  it('rejects what is not a well-formed community scene', () => {
    for (const bad of [
      undefined, null, '', 'c=', '=zhizijie', 'zhizijie', 'x=zhizijie', 'c=zhizijie&c=xinhua', 'c=zhizijie&a=1',
      `c=${'a'.repeat(31)}`, 'c=栀子街', 'c=%E6%A0%80', 'c%3D%E6%A0%80', 'c=ZHIZIJIE', 'c=zhi zi', '%E0%A4%A', 'c=a',
    ]) {
      expect(parseScene(bad as any)).toBeNull()
    }
  })
  it('knows the allowed charset', () => {
    expect(isValidScene("a=1&b=!#$'()*+,/:;=?@-._~")).toBe(true)
    expect(isValidScene('a=%20')).toBe(false)
    expect(isValidScene('a=中')).toBe(false)
    expect(isValidScene('a'.repeat(33))).toBe(false)
  })
})
