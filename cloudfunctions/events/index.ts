import cloud from 'wx-server-sdk'
import { platformOf } from '../_kernel/platform'
import { handleWithTimers } from '../_kernel/timers'
import { router } from './router'
import { jobs } from './triggers'

export const main = handleWithTimers(router, jobs, { name: 'events', cloud: platformOf(cloud) })
