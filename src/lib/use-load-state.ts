import { useCallback, useRef, useState } from 'react'
import type { ClientError, Result } from './cloud'

export type LoadState<T> = { kind: 'loading' } | { kind: 'error'; error: ClientError } | { kind: 'ready'; data: T }

/**
 * Holds the state of one read: `run(load)` shows loading only the first time (later runs refresh in place),
 * and ignores answers that arrive after a newer run started.
 */
export function useLoadState<T>() {
  const [state, setState] = useState<LoadState<T>>({ kind: 'loading' })
  const seq = useRef(0)
  const run = useCallback(async (load: () => Promise<Result<T>>) => {
    const mine = ++seq.current
    const res = await load()
    if (mine !== seq.current) return
    setState(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', error: res.error })
  }, [])
  return [state, run, setState] as const
}
