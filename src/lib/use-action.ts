import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ClientError } from './cloud'
import { errorCopy } from './error-copy'

/**
 * One tap → one write → refresh. `act(work, done?)` ignores taps while a write is running, shows the error's
 * Chinese copy as a toast, or `done` as a success toast, then reloads the page's data. With `reloadAfterError`
 * the page reloads after a refusal too (the refusal usually means the data moved, e.g. the event filled up).
 * `work` answers `false` for a refusal it already showed at its field (no toast, no reload).
 */
export function useAction(reload: () => Promise<unknown>, options: { reloadAfterError?: boolean } = {}) {
  const [busy, setBusy] = useState(false)
  const fail = (error: ClientError) => Taro.showToast({ title: errorCopy(error), icon: 'none', duration: 3000 })
  const act = async (work: () => Promise<ClientError | null | false>, done?: string) => {
    if (busy) return
    setBusy(true)
    try {
      const error = await work()
      if (error === false) return // refused, and the page already said why at the field
      if (error) {
        void fail(error)
        if (!options.reloadAfterError) return
      } else if (done) void Taro.showToast({ title: done, icon: 'success' })
      await reload()
    } finally {
      setBusy(false)
    }
  }
  return { busy, act, fail }
}
