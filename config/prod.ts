import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: true, stats: false },
  // The production weapp build is minified: JS (terser), WXSS (csso), WXML (whitespace between tags, see
  // wxml-whitespace.js — not Taro's minifyXML, which breaks base.wxml for wcc); project.config.json asks DevTools
  // to minify on upload too. miniprogram-ci's checkCodeQuality checks both in `npm run check:weapp`.
  // weapp: terser's own compression defaults instead of Taro's conservative subset (collapse_vars, inline, reduce_vars …
  // are off in Taro's MiniBaseConfig), and Chinese text kept as UTF-8 instead of \uXXXX escapes (6 bytes a character
  // → 3). Together about 10 KiB off the main package; see docs/decisions/0105. H5 keeps Taro's defaults.
  terser:
    process.env.TARO_ENV === 'weapp'
      ? {
          enable: true,
          config: {
            compress: {
              arrows: false,
              collapse_vars: true,
              comparisons: true,
              computed_props: true,
              hoist_props: true,
              inline: true,
              loops: true,
              negate_iife: true,
              properties: true,
              reduce_funcs: true,
              reduce_vars: true,
              switches: true,
              typeofs: true,
            },
            output: { ascii_only: false },
          },
        }
      : { enable: true },
  csso: { enable: true },
  mini: {},
  h5: {
    // The H5 build is the local demo and the browser-test target; keep its bundle warnings quiet but honest.
    webpackChain(chain) {
      chain.performance.hints(false)
    },
  },
} satisfies UserConfigExport<'webpack5'>
