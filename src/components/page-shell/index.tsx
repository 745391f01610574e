import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useElder } from '../../lib/elder'
import BackBar from '../back-bar'
import DevIdentityBar from '../dev-identity-bar'
import PrivacyPopup from '../privacy-popup'

/**
 * The root of every page: carries the 长辈版 class and the font-scale variable (app.scss), the privacy pop-up (weapp)
 * the 体验身份 bar and, on sub-pages, a back control (both H5 only). Pages put their content inside.
 */
export default function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const { elder, scale } = useElder()
  return (
    <View className={`yb-page${elder ? ' yb-elder' : ''}${className ? ` ${className}` : ''}`} style={`--yb-scale: ${scale}`}>
      <DevIdentityBar />
      <BackBar />
      {children}
      <PrivacyPopup />
    </View>
  )
}
