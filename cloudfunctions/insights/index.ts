import cloud from 'wx-server-sdk'
import { handleWithTimers } from '../_kernel/timers'
import { router } from './router'
import { jobs } from './triggers'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as any })

export const main = handleWithTimers(router, jobs, { name: 'insights', cloud: cloud as any })
