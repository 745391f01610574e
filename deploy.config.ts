/**
 * The one deployment config: `deploy.config.json` holds the profiles (`local` for the demo and the tests,
 * `production` for a district to fill in), checked here against the schema in types/deploy.ts. Builds pick the
 * profile named by YUANBA_DEPLOY (default local). JSON so that the Taro config, which cannot load TypeScript from
 * outside config/, reads the same file (config/index.ts); everything else goes through `deployProfile`.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { deployConfigSchema, type DeployConfig } from './types/deploy'

export const DEPLOY_FILE = path.join(__dirname, 'deploy.config.json')

export function deployProfiles(): Record<string, unknown> {
  return JSON.parse(readFileSync(DEPLOY_FILE, 'utf8')) as Record<string, unknown>
}

/** The profile named by YUANBA_DEPLOY (default local), checked against the schema. */
export function deployProfile(name: string = process.env.YUANBA_DEPLOY ?? 'local'): DeployConfig {
  const profiles = deployProfiles()
  if (!(name in profiles))
    throw new Error(`YUANBA_DEPLOY=${name}: no such profile in deploy.config.json (${Object.keys(profiles).join(', ')})`)
  return deployConfigSchema.parse(profiles[name])
}

/** The build-time constant both builds define. */
export const deployDefine = (config: DeployConfig = deployProfile()) => ({ __YUANBA_DEPLOY__: JSON.stringify(config) })
