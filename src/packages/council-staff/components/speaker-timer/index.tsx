import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'

/** The speaker's countdown, from the server's `since` (every speaker gets the same time). */
export default function SpeakerTimer({ since, seconds }: { since: string; seconds: number }) {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [since])
  const left = Math.max(0, seconds - Math.floor((now - Date.parse(since)) / 1000))
  return (
    <Text className={`council-timer${left === 0 ? ' council-timer--over' : ''}`}>
      ⏱ {Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')}
    </Text>
  )
}
