import { mergeInternalComponents } from '@tarojs/shared'
import { ARIA_COMPONENTS } from './aria-components'

// Before any page renders: Taro computes each component's attribute aliases from this table.
mergeInternalComponents(ARIA_COMPONENTS)
