/** Plain patterns with no zod, so the main package (which parses scenes on 首页) does not pull zod in. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
export const COMMUNITY_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,29}$/
/** A child-account link code: 6 characters without look-alikes (no 0/O, 1/I/L). The scene `k=<code>` opens it. */
export const CHILD_LINK_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CHILD_LINK_CODE_LENGTH = 6
export const CHILD_LINK_CODE_PATTERN = new RegExp(`^[${CHILD_LINK_CODE_ALPHABET}]{${CHILD_LINK_CODE_LENGTH}}$`)
/** A venue check-in code, the key of the scene `a=<code>`. */
export const VENUE_CODE_PATTERN = /^[A-Za-z0-9]{6,12}$/
/**
 * A poster's share code, the key of the scene `s=<code>`: 8 characters of a look-alike-free alphabet (the scene
 * holds at most 32 characters, too few for a community and an object id). `share_codes` maps it to the object.
 */
export const SHARE_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
export const SHARE_CODE_LENGTH = 8
export const SHARE_CODE_PATTERN = new RegExp(`^[${SHARE_CODE_ALPHABET}]{${SHARE_CODE_LENGTH}}$`)
