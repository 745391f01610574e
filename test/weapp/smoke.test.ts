import { startWeapp, type Weapp } from './harness'
import { startCloud, type Cloud } from './cloud'

let cloud: Cloud
let app: Weapp
beforeAll(async () => { cloud = await startCloud() })
afterAll(async () => { await app?.stop(); await cloud?.stop() })

test('home renders', async () => {
  const r = await startWeapp({ emu: cloud.emu, openid: 'demo-resident', launch: { query: { scene: 'c%3Dzhizijie' }, scene: 1047 } })
  app = r.app
  await new Promise((res) => setTimeout(res, 3000))
  console.log(r.home.text())
  console.log(app.calls.map((c) => c.api).join(','))
})
