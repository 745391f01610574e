import cloud from 'wx-server-sdk'
import { platformOf } from '../_kernel/platform'
import { handle } from '../_kernel/router'
import { router } from './router'

export const main = handle(router, { name: 'search', cloud: platformOf(cloud) })
