import { readFileSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import WxmlWhitespacePlugin from './wxml-whitespace'
import ModuleSizesPlugin from './module-sizes'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..')

// The deployment profile (deploy.config.json, YUANBA_DEPLOY=local|production; schema checked by build:cloud,
// check:deploy and the tests — this loader cannot import the TypeScript schema from outside config/).
const deployName = process.env.YUANBA_DEPLOY ?? 'local'
const deploy = JSON.parse(readFileSync(path.join(root, 'deploy.config.json'), 'utf8'))[deployName]
if (!deploy) throw new Error(`YUANBA_DEPLOY=${deployName}: no such profile in deploy.config.json`)

/**
 * Taro config for the weapp and H5 builds (webpack5 runner).
 * Output goes to dist/<target> so both builds can live side by side
 * (project.config.json points WeChat DevTools at dist/weapp/).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yuanba',
    date: '2026-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV || 'weapp'}`,
    // weapp only: screen-reader attributes into base.wxml (see the file).
    plugins: [path.join(__dirname, 'weapp-aria.js')],
    // The deployment profile (deploy.config.json, YUANBA_DEPLOY=local|production): template ids, district, and the
    // WeChat cloud environment for wx.cloud.init (TARO_APP_CLOUD_ENV still overrides it for a one-off build).
    defineConstants: {
      __YUANBA_DEPLOY__: JSON.stringify(deploy),
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? deploy.cloudEnv),
    },
    // `@/…` is src, `types/…` is the shared contract at the repo root (zod schemas, error codes, dayjs setup).
    alias: {
      '@': path.join(root, 'src'),
      types: path.join(root, 'types'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // weapp: recursive WXML templates unrolled per component. 8 (default 16) makes base.wxml about 20 KiB smaller.
    // Yuanba's pages nest about 6 levels deep; anything deeper still renders, through Taro's `comp` component.
    baseLevel: 8,
    mini: {
      // types/ sits outside src/: let Babel compile it too (TypeScript syntax).
      compile: { include: [path.join(root, 'types')] },
      // Modules used only by a subpackage go into that subpackage (Taro default, stated for clarity).
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // production: WXML without whitespace between tags (see the file; part of config/prod.ts's minification)
        if (process.env.NODE_ENV !== 'development') chain.plugin('wxml-whitespace').use(WxmlWhitespacePlugin)
        // `npm run size` names the main package's biggest modules from dist/weapp-modules.json (written here)
        chain.plugin('module-sizes').use(ModuleSizesPlugin, [root])
      },
    },
    h5: {
      compile: { include: [path.join(root, 'types')] },
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the local server only has to serve index.html at "/", and `/?scene=…` stays a plain query.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
