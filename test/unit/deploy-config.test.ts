/** deploy.config.json: both profiles follow the schema; check:deploy names every placeholder of the production one. */
import { deployProfile } from '../../deploy.config'
import { checkDeploy } from '../../scripts/check-deploy'
import { placeholdersIn, TEMPLATE_KEYS } from '../../types/deploy'
import { templateId } from '../../types/deployed'
import { SUBSCRIBE_TEMPLATES } from '../../types/events-base'

test('the local profile is what tests and the demo build with; its template ids reach the constants', () => {
  const local = deployProfile('local')
  expect(SUBSCRIBE_TEMPLATES.reminder).toBe(local.templates.eventReminder.id)
  for (const key of TEMPLATE_KEYS) expect(templateId(key)).toBe(local.templates[key].id)
})

test('check:deploy fails while a placeholder remains, naming it, and passes once filled in', () => {
  const problems = checkDeploy('production')
  expect(problems).toContain('deploy.config.json → production.templates.eventReminder.id is still a placeholder')
  expect(problems).toContain('deploy.config.json → production.cloudEnv is still a placeholder')
  const filled = deployProfile('production')
  filled.cloudEnv = 'yuanba-prod-1a2b3c'
  filled.appid = 'wx1234567890abcdef'
  for (const key of TEMPLATE_KEYS) filled.templates[key].id = `Xk${key}9fQ2`
  expect(placeholdersIn(filled)).toEqual([])
  expect(checkDeploy('nowhere')[0]).toContain('no such profile')
})
