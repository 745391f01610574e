import type * as Face from './entry-scene'

export const takeEntryScene: typeof Face.takeEntryScene = (pageParams) => {
  const fromSearch = new URLSearchParams(window.location.search).get('scene')
  if (fromSearch !== null) {
    // Consume it, so that going back to 首页 does not "scan" again.
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.hash)
    return fromSearch
  }
  return pageParams.scene ?? null
}
