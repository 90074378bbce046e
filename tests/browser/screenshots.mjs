// Signs in as each role, opens its main pages, runs axe-core on each and saves screenshots.
// Usage: node tests/browser/screenshots.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS)
import { launch, logins, Checks } from './lib.mjs'

const base = process.argv[2]
const checks = new Checks()
const browser = await launch()
const pagesByRole = {
  admin: ['/', '/users', '/users/new', '/audit', '/settings/trust', '/schools', '/practitioners', '/practitioners/new', '/account/password'],
  coordinator: ['/', '/inbox', '/requests', '/schools', '/schools/new', '/practitioners', '/feedback', '/plan', '/calendar',
    '/calendar?practitioner=1&view=month', '/practitioners/1/availability', '/term-dates',
    '/term-dates/edit?la_code=933', '/concerns'],
  senco: ['/', '/requests', '/requests/new', '/invoices', '/packages', '/inbox', '/concerns', '/schools/123641/dsl'],
  practitioner: ['/', '/visits', '/calendar', '/calendar?view=month'],
  finance: ['/', '/schools', '/tariffs', '/finance', '/invoices', '/packages'],
  partnerships: ['/', '/partnerships', '/partnerships/new', '/partnerships/1', '/partnerships/1/edit', '/enquiries',
    '/enquiries/1', '/registrations', '/invitations', '/schools'],
  headteacher: ['/', '/requests', '/invoices'],
  school_staff: ['/']
}

const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' })
const page = await context.newPage()
await page.goto(base + '/login')
await checks.axe(page, 'login', true)
await page.click('button[type=submit]')
await checks.axe(page, 'login-errors', true)
await page.goto(base + '/no-such-page')
await checks.axe(page, 'not-found')
// The footer's pages are open to everyone.
for (const path of ['/help', '/contact', '/privacy', '/accessibility', '/offer', '/register', '/register?q=Primary']) {
  await page.goto(base + path)
  checks.expect(!page.url().includes('/login'), `anyone opens ${path}`)
  await checks.axe(page, 'public' + path.replace(/[^a-z0-9]+/gi, '-'), true)
}
for (const [role, paths] of Object.entries(pagesByRole)) {
  if (!logins[role]) { checks.expect(false, `no sign-in for ${role}`); continue }
  await context.clearCookies()
  await page.goto(base + '/login')
  await page.fill('#email', logins[role].email)
  await page.fill('#password', logins[role].password)
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')])
  for (const path of paths) {
    await page.goto(base + path)
    checks.expect(!page.url().includes('/login'), `${role} opens ${path}`)
    await checks.axe(page, `${role}${path.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || '-home'}`, true)
  }
}

// On a 375 px phone: lists become cards, calendars become agendas, nothing is cut off.
const phonePages = {
  senco: ['/', '/requests', '/requests/new', '/invoices'],
  coordinator: ['/', '/requests', '/calendar', '/schools'],
  practitioner: ['/', '/visits', '/calendar', '/calendar?view=month'],
  finance: ['/', '/invoices', '/tariffs'],
  partnerships: ['/', '/enquiries', '/partnerships', '/registrations', '/invitations'],
  headteacher: ['/']
}
const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-GB' })
const small = await phone.newPage()
for (const path of ['/offer', '/contact', '/register?q=Primary']) {
  await small.goto(base + path)
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  checks.expect(overflow <= 0, `375px ${path}: the page scrolls sideways by ${overflow}px`)
  await checks.axe(small, 'phone-public' + path.replace(/[^a-z0-9]+/gi, '-'), true)
}
for (const [role, paths] of Object.entries(phonePages)) {
  if (!logins[role]) continue
  await phone.clearCookies()
  await small.goto(base + '/login')
  await small.fill('#email', logins[role].email)
  await small.fill('#password', logins[role].password)
  await Promise.all([small.waitForNavigation(), small.click('button[type=submit]')])
  for (const path of paths) {
    await small.goto(base + path)
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    checks.expect(overflow <= 0, `375px ${role} ${path}: the page scrolls sideways by ${overflow}px`)
    const cutOff = await small.evaluate(() => [...document.querySelectorAll('table')]
      .filter(t => t.offsetParent !== null && t.getBoundingClientRect().right > window.innerWidth + 1).length)
    checks.expect(cutOff === 0, `375px ${role} ${path}: ${cutOff} tables run off the screen`)
    await checks.axe(small, `phone-${role}${path.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || '-home'}`, true)
  }
}
await browser.close()
console.log(`screenshots: ${checks.failures} failures`)
process.exit(checks.failures > 0 ? 1 : 0)
