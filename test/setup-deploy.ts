/** Jest: the build-time deployment constant, from the local profile of deploy.config.ts (as `npm run build:cloud` does). */
import { deployProfile } from '../deploy.config'

Object.assign(globalThis, { __YUANBA_DEPLOY__: deployProfile('local') })
