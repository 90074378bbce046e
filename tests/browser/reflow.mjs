// Reflow (WCAG 1.4.10): at 320 CSS px wide, and at 1280 px with 200 % zoom (640 CSS px),
// no page scrolls sideways; wide data tables scroll inside their own box.
import { launch, logins, Checks } from './lib.mjs'


const base = process.argv[2]
const checks = new Checks()
const browser = await launch()
const pages = {
  senco: ['/', '/requests', '/requests/new', '/account/password', '/inbox', '/events', '/events/9',
    '/resources', '/resources/1', '/hub/autism', '/insight/schools/123641',
    '/insight/returns', '/insight/frameworks/1', '/clusters', '/clusters/1', '/reviews/1',
    '/screening', '/screening/new', '/slcn', '/slcn/audits/1', '/requests/new?service=educational_psychology'],
  coordinator: ['/', '/requests', '/schools', '/practitioners', '/feedback', '/term-dates',
    '/term-dates/edit?la_code=933', '/events/new', '/events/9', '/resources/new', '/resources/1', '/insight',
    '/insight/local-authorities/933', '/insight/returns', '/insight/frameworks', '/insight/frameworks/1',
    '/clusters', '/clusters/1', '/reviews/1', '/screening', '/slcn'],
  admin: ['/users', '/users/new', '/audit', '/settings/trust'],
  practitioner: ['/visits', '/calendar', '/calendar?view=month']
}
for (const [width, scale, label] of [[320, 1, '320px'], [640, 2, '200% zoom']]) {
  for (const [role, paths] of Object.entries(pages)) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: scale, locale: 'en-GB' })
    const page = await context.newPage()
    await page.goto(base + '/login')
    await page.fill('#email', logins[role].email)
    await page.fill('#password', logins[role].password)
    await page.click('button[type=submit]')
    for (const path of paths) {
      await page.goto(base + path)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      checks.expect(overflow <= 0, `${label} ${role} ${path}: page scrolls sideways by ${overflow}px`)
    }
    await context.close()
  }
  console.log(`ok reflow at ${label}`)
}
await browser.close()
console.log(`reflow: ${checks.failures} failures`)
process.exit(checks.failures > 0 ? 1 : 0)
