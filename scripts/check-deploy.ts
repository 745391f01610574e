/**
 * `npm run check:deploy [profile]` — fails while the deployment profile (default production) still holds a
 * placeholder or breaks the schema, naming each value to fill in deploy.config.ts.
 */
import { deployProfile } from '../deploy.config'
import { placeholdersIn } from '../types/deploy'

export function checkDeploy(name: string): string[] {
  try {
    return placeholdersIn(deployProfile(name)).map((p) => `deploy.config.json → ${name}.${p} is still a placeholder`)
  } catch (error) {
    return [`deploy.config.json → ${name}: ${(error as Error).message}`]
  }
}

if (require.main === module) {
  const name = process.argv[2] ?? 'production'
  const problems = checkDeploy(name)
  if (problems.length > 0) {
    console.error(`Not deployable yet (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    process.exit(1)
  }
  console.log(`deploy.config.json → ${name}: ready (${deployProfile(name).districtName})`)
}
