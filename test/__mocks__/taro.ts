/**
 * A small hand-written stand-in for `@tarojs/taro` in node jest (the real package needs the build-time platform
 * injection; see toolchain-notes §6). Storage is in memory; navigation and UI calls are jest.fn()s that resolve.
 * `Taro.cloud` is undefined, as on H5. Reset between tests with `resetTaroMock()`.
 */
const memory = new Map<string, unknown>()
const fn = <T extends (...args: any[]) => any>(impl: T) => jest.fn(impl)
const resolved = () => fn(async (..._args: any[]) => ({ errMsg: 'ok' }))

const Taro = {
  getStorageSync: fn((key: string) => (memory.has(key) ? memory.get(key) : '')),
  setStorageSync: fn((key: string, value: unknown) => {
    memory.set(key, value)
  }),
  removeStorageSync: fn((key: string) => {
    memory.delete(key)
  }),
  clearStorageSync: fn(() => memory.clear()),
  getAppBaseInfo: fn(() => ({ fontSizeScaleFactor: 1, fontSizeSetting: 16 })),
  showToast: resolved(),
  showModal: fn(async (_opts?: unknown) => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })),
  navigateTo: resolved(),
  navigateBack: resolved(),
  redirectTo: resolved(),
  reLaunch: resolved(),
  switchTab: resolved(),
  stopPullDownRefresh: fn(() => undefined),
  request: fn(async (_opts?: unknown) => ({ statusCode: 200, data: {} })),
  cloud: undefined as unknown,
}

export function resetTaroMock(): void {
  memory.clear()
  for (const value of Object.values(Taro)) if (jest.isMockFunction(value)) value.mockClear()
}

// Hooks: run nothing by default; tests drive pages through the browser suite instead.
export const useLoad = fn((_cb: (params: Record<string, string>) => void) => undefined)
export const useDidShow = fn((_cb: () => void) => undefined)
export const useLaunch = fn((_cb: () => void) => undefined)
export const usePullDownRefresh = fn((_cb: () => void) => undefined)
export const useRouter = fn(() => ({ params: {} as Record<string, string>, path: '' }))

export const { getStorageSync, setStorageSync, removeStorageSync, showToast, navigateTo, switchTab, reLaunch } = Taro
export default Taro
