import './lib/aria' // first: Taro's component table learns aria-* before anything renders (weapp)
import { type PropsWithChildren } from 'react'
import { useDidShow, useLaunch } from '@tarojs/taro'
import { initTransport } from './lib/transport'
import { installPrivacyGuard } from './lib/privacy'
import { refreshElderState } from './lib/elder'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initTransport()
    installPrivacyGuard()
  })
  // The WeChat font setting may have changed while the app was in the background.
  useDidShow(() => refreshElderState())
  return children
}

export default App
