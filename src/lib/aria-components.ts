/**
 * WeChat's screen-reader attributes (`aria-label`, `aria-role`) on the built-in components Yuanba
 * renders. Taro 4 declares `aria-*` for QQ only, so on weapp they would never reach WeChat: the same table (the JSON
 * beside this file) patches the template at build time (config/weapp-aria.js → base.wxml) and Taro's run-time
 * component table (./aria.weapp.ts, imported first in app.ts); the two must agree attribute for attribute.
 * Values are the WXML defaults: '' = no default (Taro's NO_DEFAULT_VALUE).
 */
import table from './aria-components.json'

export const ARIA_COMPONENTS: Record<string, Record<string, string>> = table
