/**
 * jsdom for miniprogram-simulate, plus the Node globals jsdom leaves out that the emulator running in the same worker
 * needs (the local cloud's QR codes use TextEncoder).
 */
const { TestEnvironment } = require('jest-environment-jsdom')

// Not setImmediate or MessageChannel: React's scheduler would pick them, and a component's error would escape as the
// worker's uncaught exception instead of reaching the page's window like in WeChat.
const NODE_GLOBALS = ['TextEncoder', 'TextDecoder', 'structuredClone']

class WeappEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    for (const name of NODE_GLOBALS) {
      if (typeof this.global[name] === 'undefined' && typeof globalThis[name] !== 'undefined') this.global[name] = globalThis[name]
    }
  }
}

module.exports = WeappEnvironment
