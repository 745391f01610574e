/**
 * The deployment profile this build was made with (`__YUANBA_DEPLOY__`: esbuild define for the functions, Taro
 * defineConstants for the mini-program; jest: test/setup-deploy.ts). Read lazily, so tools that import types/ without
 * a build still load.
 */
import type { DeployConfig, TemplateKey } from './deploy'

declare const __YUANBA_DEPLOY__: DeployConfig | undefined

export function deployed(): DeployConfig {
  if (typeof __YUANBA_DEPLOY__ === 'undefined') throw new Error('__YUANBA_DEPLOY__ is not defined: build with deploy.config.ts')
  return __YUANBA_DEPLOY__
}

/** The template id of `key` in this build. */
export const templateId = (key: TemplateKey): string => deployed().templates[key].id
