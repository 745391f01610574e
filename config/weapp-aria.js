/**
 * Taro plugin: WeChat's screen-reader attributes into the weapp templates (base.wxml) through the platform's
 * `template.mergeComponents`, from the one table (src/lib/aria-components.json) that the run time merges too
 * (src/lib/aria.weapp.ts). Skipped for H5, whose DOM carries aria-* already. Plain CommonJS: Taro require()s plugins.
 */
const ARIA_COMPONENTS = require('../src/lib/aria-components.json')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (process.env.TARO_ENV !== 'weapp') return
      const template = platform && platform.template
      if (!template || typeof template.mergeComponents !== 'function') {
        throw new Error('weapp-aria: the weapp platform offers no template.mergeComponents')
      }
      template.mergeComponents(ctx, ARIA_COMPONENTS)
    },
  })
}
