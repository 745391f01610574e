import cloud from 'wx-server-sdk'
import { handle } from '../_kernel/router'
import type { Platform } from '../_kernel/platform'
import { router } from './router'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const main = handle(router, { name: 'audit', cloud: cloud as unknown as Platform })
