/**
 * Mini-program code scenes (wxacode.getUnlimited). WeChat allows at most 32 visible characters from
 * `0-9 A-Z a-z !#$&'()*+,/:;=?@-._~` (no `%`, so no Chinese). Yuanba uses short keys, each with its builder here:
 * `c=<communityCode>` (the community's poster: join), `a=<venueCode>` (a venue: check in), `k=<linkCode>` (a
 * guardian's one-time code: the child links their own WeChat), `s=<shareCode>` (a notice's or an event's poster: that
 * page, via share_codes — a community and an object id do not fit in 32 characters). Every code opens 首页, which reads the scene with
 * `parseScene` — the one parser. Pure and zod-free: used by the functions to make codes and by 首页 (main package).
 */
import { CHILD_LINK_CODE_PATTERN, COMMUNITY_CODE_PATTERN, SHARE_CODE_PATTERN, VENUE_CODE_PATTERN } from './patterns'

export const SCENE_MAX_LENGTH = 32
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

export type Scene =
  | { kind: 'community'; code: string }
  | { kind: 'venue'; code: string }
  | { kind: 'childLink'; code: string }
  | { kind: 'share'; code: string }

export function isValidScene(scene: string): boolean {
  return scene.length <= SCENE_MAX_LENGTH && SCENE_PATTERN.test(scene)
}

/** Each scene kind: its one-letter key and what its value must look like. */
const SCENE_KEYS: Record<Scene['kind'], { key: string; pattern: RegExp }> = {
  community: { key: 'c', pattern: COMMUNITY_CODE_PATTERN },
  venue: { key: 'a', pattern: VENUE_CODE_PATTERN },
  childLink: { key: 'k', pattern: CHILD_LINK_CODE_PATTERN },
  share: { key: 's', pattern: SHARE_CODE_PATTERN },
}

/** `<key>=<code>` for a scene kind; throws on a code that cannot make a valid scene. */
export function sceneOf(kind: Scene['kind'], code: string): string {
  const { key, pattern } = SCENE_KEYS[kind]
  const scene = `${key}=${code}`
  if (!pattern.test(code) || !isValidScene(scene)) throw new Error(`invalid ${kind} code for a scene: ${code}`)
  return scene
}

/** `c=<code>` for a community's poster; throws on a code that cannot make a valid scene. */
export const communityScene = (code: string): string => sceneOf('community', code)
/** `k=<code>` for a guardian's one-time child-link code (scanned on the child's own WeChat). */
export const childLinkScene = (code: string): string => sceneOf('childLink', code)
/** `s=<code>` for a notice's or an event's poster (the code is a share_codes key). */
export const shareScene = (code: string): string => sceneOf('share', code)
// `a=<code>`: venueScene / parseVenueScene in events-labels.ts, through sceneOf / parseScene.

/**
 * Reads a scene as the page receives it (`query.scene`, still URI-encoded, e.g. `c%3Dzhizijie`) or decoded.
 * Returns null for anything that is not a well-formed known scene (exactly one known key with a valid value).
 */
export function parseScene(raw: string | undefined | null): Scene | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 3 * SCENE_MAX_LENGTH) return null
  let scene: string
  try {
    scene = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (!isValidScene(scene)) return null
  const params = new Map<string, string>()
  for (const part of scene.split('&')) {
    const eq = part.indexOf('=')
    if (eq <= 0) return null
    const key = part.slice(0, eq)
    if (params.has(key)) return null
    params.set(key, part.slice(eq + 1))
  }
  if (params.size !== 1) return null
  for (const kind of Object.keys(SCENE_KEYS) as Scene['kind'][]) {
    const code = params.get(SCENE_KEYS[kind].key)
    if (code !== undefined) return SCENE_KEYS[kind].pattern.test(code) ? { kind, code } : null
  }
  return null
}
