/** Plain patterns with no zod, so the main package (which parses scenes on 首页) does not pull zod in. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
export const COMMUNITY_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,29}$/
