/** `npm run size`'s attribution of the main package's JS (bench/package-size.ts), on a made-up build. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { mainModules, moduleOwner } from '../../bench/package-size'

test('npm modules are summed per package; own files keep their path', () => {
  expect(moduleOwner('node_modules/@tarojs/runtime/dist/runtime.esm.js')).toBe('@tarojs/runtime')
  expect(moduleOwner('node_modules/.pnpm/x/node_modules/react-reconciler/cjs/a.js')).toBe('react-reconciler')
  expect(moduleOwner('src/lib/error-copy.ts')).toBe('src/lib/error-copy.ts')
})

test('only files in the main package count (not subpackage roots, not chunks copied into subpackages), biggest first; no file → null', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yb-size-'))
  const dist = path.join(dir, 'weapp')
  expect(mainModules(dist, [])).toBeNull()
  fs.mkdirSync(dist)
  for (const f of ['common.js', 'vendors.js']) fs.writeFileSync(path.join(dist, f), '')
  fs.writeFileSync(
    path.join(dir, 'weapp-modules.json'),
    JSON.stringify({
      'common.js': [
        { name: 'src/lib/error-copy.ts', bytes: 5000 },
        { name: 'node_modules/react/index.js', bytes: 100 },
      ],
      'vendors.js': [{ name: 'node_modules/react/cjs/react.production.min.js', bytes: 6000 }],
      'packages/staff/pages/editor/index.js': [{ name: 'src/packages/staff/pages/editor/index.tsx', bytes: 9000 }],
      // a chunk Taro copies into the subpackages that use it: not in the main package
      'f00d.js': [{ name: 'node_modules/zod/v4/core/core.js', bytes: 90000 }],
    }),
  )
  expect(mainModules(dist, ['packages/staff'])).toEqual([
    { name: 'react', bytes: 6100 },
    { name: 'src/lib/error-copy.ts', bytes: 5000 },
  ])
})
