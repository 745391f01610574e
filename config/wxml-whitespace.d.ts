import type { Compiler } from 'webpack'

/** See wxml-whitespace.js. */
export default class WxmlWhitespacePlugin {
  apply(compiler: Compiler): void
}
