import cloud from 'wx-server-sdk'
import { handleWithTimers } from '../_kernel/timers'
import type { Platform } from '../_kernel/platform'
import { router } from './router'
import { jobs } from './triggers'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const main = handleWithTimers(router, jobs, { name: 'insights', cloud: cloud as unknown as Platform })
