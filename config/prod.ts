import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: true, stats: false },
  mini: {},
  h5: {
    // The H5 build is the local demo and the browser-test target; keep its bundle warnings quiet but honest.
    webpackChain(chain) {
      chain.performance.hints(false)
    },
  },
} satisfies UserConfigExport<'webpack5'>
