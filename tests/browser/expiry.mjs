// Session expiry: after the idle timeout a page asks to sign in again, and signing in
// returns to the page that was asked for. Run against a server started with a short
// --session-idle-seconds.  Usage: node tests/browser/expiry.mjs BASE_URL IDLE_SECONDS
import { launch, signIn, logins, Checks } from './lib.mjs'

const [base, idle] = process.argv.slice(2)
const checks = new Checks()
const browser = await launch()
const page = await signIn(browser, base, 'coordinator')
await page.goto(base + '/requests')
checks.expect(page.url().endsWith('/requests'), 'signed in')
await new Promise(resolve => setTimeout(resolve, (Number(idle) + 1.5) * 1000))
await page.goto(base + '/schools?q=primary')
checks.expect(page.url().includes('/login?next='), 'an idle session has expired: ' + page.url())
await checks.axe(page, 'session-expired')
await page.fill('#email', logins.coordinator.email)
await page.fill('#password', logins.coordinator.password)
await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')])
checks.expect(page.url().endsWith('/schools?q=primary'), 'signing in again returns to the page asked for: ' + page.url())
await browser.close()
console.log(`expiry: ${checks.failures} failures`)
process.exit(checks.failures > 0 ? 1 : 0)
