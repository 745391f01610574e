import type { Compiler } from 'webpack'

/** See module-sizes.js. */
export default class ModuleSizesPlugin {
  constructor(root: string)
  apply(compiler: Compiler): void
}
