/**
 * Mini-program code scenes (wxacode.getUnlimited). WeChat allows at most 32 visible characters from
 * `0-9 A-Z a-z !#$&'()*+,/:;=?@-._~` (no `%`, so no Chinese). Yuanba uses short keys: `c=<communityCode>`.
 * Pure: used by the `communities` function to make posters and by the app to read `query.scene`.
 */
import { COMMUNITY_CODE_PATTERN } from './patterns'

export const SCENE_MAX_LENGTH = 32
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

export type Scene = { kind: 'community'; code: string }

export function isValidScene(scene: string): boolean {
  return scene.length <= SCENE_MAX_LENGTH && SCENE_PATTERN.test(scene)
}

/** `c=<code>` for a community's poster; throws on a code that cannot make a valid scene. */
export function communityScene(code: string): string {
  const scene = `c=${code}`
  if (!COMMUNITY_CODE_PATTERN.test(code) || !isValidScene(scene)) throw new Error(`invalid community code for a scene: ${code}`)
  return scene
}

/**
 * Reads a scene as the page receives it (`query.scene`, still URI-encoded, e.g. `c%3Dzhizijie`) or decoded.
 * Returns null for anything that is not a well-formed known scene.
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
  const code = params.get('c')
  if (params.size === 1 && code !== undefined && COMMUNITY_CODE_PATTERN.test(code)) return { kind: 'community', code }
  return null
}
