/**
 * Webpack plugin for the production weapp build: WXML without the indentation and line breaks between tags.
 * (Taro's own `minifyXML` runs html-minifier, which drops `</input>` as if WXML were HTML — wcc then rejects
 * base.wxml: "expect end-tag `input`"; `npm run check:weapp` caught it.) Whitespace between tags means nothing in
 * Taro's templates; text is never touched. DevTools minifies again on upload (project.config.json minifyWXML).
 */
class WxmlWhitespacePlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('WxmlWhitespacePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'WxmlWhitespacePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith('.wxml')) continue
            const source = assets[name].source().toString()
            const squeezed = source.replace(/>\s+</g, '><').trim()
            if (squeezed !== source) compilation.updateAsset(name, new sources.RawSource(squeezed))
          }
        },
      )
    })
  }
}

module.exports = WxmlWhitespacePlugin
