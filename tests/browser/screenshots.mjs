// Signs in as each demo role, opens the main pages in headless Chromium, runs axe-core
// (WCAG 2.2 AA tags) on each and saves screenshots to docs/screenshots/.
// Usage: node tests/browser/screenshots.mjs BASE_URL EMAIL:PASSWORD[:ROLE] ...
import { chromium } from 'playwright-core'
import { readFileSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const [base, ...logins] = process.argv.slice(2)
const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8')
const out = pathToFileURL(resolve(process.env.SENDHUB_SCREENSHOT_DIR ?? fileURLToPath(new URL('../../docs/screenshots', import.meta.url))) + '/')
mkdirSync(out, { recursive: true })

const pagesByRole = {
  admin: ['/', '/users', '/users/new', '/audit', '/schools', '/practitioners', '/practitioners/new', '/account/password'],
  coordinator: ['/', '/schools', '/schools/new', '/practitioners'],
  senco: ['/'],
  practitioner: ['/'],
  finance: ['/']
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
})
let violations = 0
async function check (page, name) {
  await page.evaluate(axeSource)  // evaluated over CDP: our CSP rightly blocks injected inline scripts
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
  }))
  for (const v of result.violations) {
    violations++
    console.log(`AXE ${name}: ${v.id} (${v.impact}) ${v.help} -> ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
  }
  await page.screenshot({ path: new URL(name + '.png', out).pathname, fullPage: true })
  console.log(`ok ${name}: ${result.violations.length} violations`)
}

const context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
const page = await context.newPage()
page.on('console', m => { if (m.type() === 'error') console.log('CONSOLE', m.text()) })
await page.goto(base + '/login')
await check(page, 'login')
await page.click('button[type=submit]')
await check(page, 'login-errors')
for (const login of logins) {
  const [email, password, role] = login.split(':')
  await context.clearCookies()
  await page.goto(base + '/login')
  await page.fill('#email', email)
  await page.fill('#password', password)
  await page.click('button[type=submit]')
  for (const path of pagesByRole[role] ?? ['/']) {
    await page.goto(base + path)
    await check(page, `${role}${path.replaceAll('/', '-').replace(/-$/, '') || '-home'}`)
  }
}
await browser.close()
console.log(`${violations} axe violations`)
process.exit(violations > 0 ? 1 : 0)
