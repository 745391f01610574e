import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: true, stats: false },
  // The production weapp build is minified: JS (terser), WXSS (csso), WXML (whitespace between tags, see
  // wxml-whitespace.js — not Taro's minifyXML, which breaks base.wxml for wcc); project.config.json asks DevTools
  // to minify on upload too. miniprogram-ci's checkCodeQuality checks both in `npm run check:weapp`.
  terser: { enable: true },
  csso: { enable: true },
  mini: {},
  h5: {
    // The H5 build is the local demo and the browser-test target; keep its bundle warnings quiet but honest.
    webpackChain(chain) {
      chain.performance.hints(false)
    },
  },
} satisfies UserConfigExport<'webpack5'>
