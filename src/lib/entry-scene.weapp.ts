import type * as Face from './entry-scene'

export const takeEntryScene: typeof Face.takeEntryScene = (pageParams) => pageParams.scene ?? null
