/** Manual check: `npx tsx test/browser/helpers/serve.ts` — the stack the browser tests use, kept running. */
import { startStack } from './stack'

void startStack().then((s) => {
  console.log(`H5 + functions at ${s.url}/  (Ctrl-C to stop)`)
  process.on('SIGINT', () => s.stop().then(() => process.exit(0)))
  process.on('SIGTERM', () => s.stop().then(() => process.exit(0)))
})
