import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, View, Text } from '@tarojs/components'
import { currentDevOpenid, demoIdentities, setDevOpenid } from '../../lib/dev-identity'
import { clearCurrentCommunity } from '../../lib/current-community'
import './index.scss'

export default function DevIdentityBar() {
  const [open, setOpen] = useState(false)
  const current = currentDevOpenid()
  const identities = demoIdentities()
  const me = identities.find((d) => d.openid === current)

  const choose = (openid: string) => {
    setOpen(false)
    if (openid === current) return
    setDevOpenid(openid)
    // A different person has different communities: start again from 首页.
    clearCurrentCommunity()
    void Taro.reLaunch({ url: '/pages/home/index' })
  }

  return (
    <View className='yb-devid'>
      <View className='yb-devid__bar' onClick={() => setOpen(!open)}>
        <Text className='yb-devid__label'>体验身份</Text>
        <Text className='yb-devid__who'>{me ? me.label : current}</Text>
        <Text className='yb-devid__switch'>{open ? '收起' : '切换'}</Text>
      </View>
      {open && (
        <View className='yb-devid__list'>
          {identities.map((d) => (
            <Button
              key={d.openid}
              className={`yb-devid__item${d.openid === current ? ' yb-devid__item--on' : ''}`}
              onClick={() => choose(d.openid)}
            >
              <Text>{d.label}</Text>
              <Text className='yb-devid__openid'>{d.openid}</Text>
            </Button>
          ))}
        </View>
      )}
    </View>
  )
}
