/**
 * Webpack plugin for the weapp build: which source module went into which output file, and how big it is before
 * minification — written to dist/weapp-modules.json (outside dist/weapp, so it is never uploaded or counted).
 * `npm run size` reads it to name the main package's biggest modules (docs/decisions/0105).
 */
const fs = require('node:fs')
const path = require('node:path')

class ModuleSizesPlugin {
  constructor(root) {
    this.root = root
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap('ModuleSizesPlugin', (compilation) => {
      const { chunkGraph } = compilation
      const files = {}
      for (const chunk of compilation.chunks) {
        const modules = []
        for (const m of chunkGraph.getChunkModulesIterable(chunk)) {
          const id = m.nameForCondition ? m.nameForCondition() : null
          const name = id ? path.relative(this.root, id).split(path.sep).join('/') : m.identifier().slice(0, 120)
          modules.push({ name, bytes: m.size() })
        }
        for (const file of chunk.files) if (file.endsWith('.js')) files[file] = modules
      }
      const out = path.join(compiler.outputPath, '..', `${path.basename(compiler.outputPath)}-modules.json`)
      fs.writeFileSync(out, JSON.stringify(files))
    })
  }
}

module.exports = ModuleSizesPlugin
