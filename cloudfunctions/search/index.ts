import cloud from 'wx-server-sdk'
import { handle } from '../_kernel/router'
import { router } from './router'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as any })

export const main = handle(router, { name: 'search', cloud: cloud as any })
