import { shareCodeFrom } from '../../cloudfunctions/communities/domain/share-codes'
import {
  SCENE_MAX_LENGTH,
  childLinkScene,
  communityScene,
  isValidScene,
  parseScene,
  parseVenueScene,
  shareScene,
  venueScene,
} from '../../types/index'

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
      undefined,
      null,
      '',
      'c=',
      '=zhizijie',
      'zhizijie',
      'x=zhizijie',
      'c=zhizijie&c=xinhua',
      'c=zhizijie&a=1',
      `c=${'a'.repeat(31)}`,
      'c=栀子街',
      'c=%E6%A0%80',
      'c%3D%E6%A0%80',
      'c=ZHIZIJIE',
      'c=zhi zi',
      '%E0%A4%A',
      'c=a',
    ]) {
      expect(parseScene(bad as any)).toBeNull()
    }
  })
  it('reads the three scene kinds with one parser: c= community, a= venue, k= child-link code', () => {
    expect(parseScene('a%3DZzjMovie')).toEqual({ kind: 'venue', code: 'ZzjMovie' })
    expect(parseScene('k%3DABC234')).toEqual({ kind: 'childLink', code: 'ABC234' })
    expect(parseScene('k=XYZ789')).toEqual({ kind: 'childLink', code: 'XYZ789' })
    expect(parseVenueScene('k=ABC234')).toBeNull()
    expect(parseVenueScene(venueScene('ZzjMovie'))).toBe('ZzjMovie')
  })
  it('builds k=<code> for a child-link code, within the scene rules', () => {
    const scene = childLinkScene('ABC234')
    expect(scene).toBe('k=ABC234')
    expect(isValidScene(scene)).toBe(true)
    expect(parseScene(scene)).toEqual({ kind: 'childLink', code: 'ABC234' })
    for (const bad of ['abc234', 'ABC23', 'ABC2345', 'ABC0I1', 'ABC 23', '绑定码一二三']) expect(() => childLinkScene(bad)).toThrow()
  })
  it('rejects what is not a well-formed child-link scene (never a partial code to fill in)', () => {
    for (const bad of [
      'k=',
      'k=abc234',
      'k=ABC23',
      'k=ABC2345',
      'k=ABCD0O',
      'k=ABC234&c=zhizijie',
      'k=ABC234&k=XYZ789',
      'K=ABC234',
      'k%3D%E7%BB%91',
      'k=ABC234%',
    ]) {
      expect(parseScene(bad)).toBeNull()
    }
  })
  it('knows the allowed charset', () => {
    expect(isValidScene("a=1&b=!#$'()*+,/:;=?@-._~")).toBe(true)
    expect(isValidScene('a=%20')).toBe(false)
    expect(isValidScene('a=中')).toBe(false)
    expect(isValidScene('a'.repeat(33))).toBe(false)
  })
})

describe('poster share scenes (s=<code>, docs/decisions/0100)', () => {
  it('builds and parses s=<8 characters without look-alikes>, well within 32', () => {
    let draw = 0
    const code = shareCodeFrom((max) => (draw++ * 5) % max) // every character from the alphabet, in its range
    expect(code).toMatch(/^[a-z2-9]{8}$/)
    expect(shareScene('k7m2p9xq')).toBe('s=k7m2p9xq')
    expect(parseScene('s%3Dk7m2p9xq')).toEqual({ kind: 'share', code: 'k7m2p9xq' })
    expect(parseScene(shareScene(code))).toEqual({ kind: 'share', code })
  })
  it('rejects what is not a share code', () => {
    for (const bad of ['s=', 's=K7M2P9XQ', 's=k7m2p9x', 's=k7m2p9xqa', 's=k7m2p9x1', 's=k7m2p9xo', 's=k7m2p9xq&c=zhizijie', 'S=k7m2p9xq'])
      expect(parseScene(bad)).toBeNull()
    expect(() => shareScene('k7m2p9x1')).toThrow()
  })
})
