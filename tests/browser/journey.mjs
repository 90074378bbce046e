// The outreach journey in headless Chromium, as its users would do it, with axe-core
// (WCAG 2.2 AA tags) on every page reached and screenshots in docs/screenshots/.
// Usage: node tests/browser/journey.mjs BASE_URL  (reads sign-ins from SENDHUB_LOGINS:
// "role=email:password,role=email:password,…")
import { chromium } from 'playwright-core'
import { readFileSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const base = process.argv[2]
const logins = Object.fromEntries((process.env.SENDHUB_LOGINS ?? '').split(',').filter(Boolean).map(pair => {
  const [role, rest] = pair.split('=')
  const [email, password] = rest.split(':')
  return [role, { email, password }]
}))
const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8')
const shots = pathToFileURL(resolve(process.env.SENDHUB_SCREENSHOT_DIR ?? fileURLToPath(new URL('../../docs/screenshots', import.meta.url))) + '/')
mkdirSync(shots, { recursive: true })
const day = offset => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10)

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
})
let failures = 0
async function axe (page, name, screenshot = false) {
  await page.evaluate(axeSource) // over CDP: our CSP rightly blocks injected inline scripts
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
  }))
  for (const v of result.violations) {
    failures++
    console.log(`AXE FAIL ${name}: ${v.id} ${v.help} -> ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
  }
  if (screenshot) await page.screenshot({ path: new URL(name + '.png', shots).pathname, fullPage: true })
  console.log(`ok ${name} (${result.violations.length} axe violations)`)
}
function expect (condition, message) {
  if (!condition) { failures++; console.log('FAIL ' + message) }
}
async function signIn (role) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
  const page = await context.newPage()
  page.on('console', m => { if (m.type() === 'error' && !m.text().includes('status of 4')) console.log('CONSOLE', m.text()) })
  await page.goto(base + '/login')
  await page.fill('#email', logins[role].email)
  await page.fill('#password', logins[role].password)
  await page.click('button[type=submit]')
  return page
}

// SENCO: a request for one child, first with mistakes.
const senco = await signIn('senco')
await senco.goto(base + '/requests/new')
await axe(senco, 'senco-request-new', true)
await senco.check('#kind')
await senco.fill('#pupils-0-ref', 'Alice Brown')
await senco.click('button[value=submit]')
await axe(senco, 'senco-request-errors', true)
expect(await senco.locator('.govuk-error-summary').count() === 1, 'error summary shown')
expect(await senco.inputValue('#pupils-0-ref') === 'Alice Brown', 'typed value kept')
await senco.fill('#pupils-0-ref', 'AB')
await senco.selectOption('#pupils-0-year_group', 'Y3')
await senco.selectOption('#pupils-0-need_route', 'sen_support')
await senco.selectOption('#pupils-0-primary_need', 'ASD')
await senco.check('#consent-type')
await senco.fill('#consent-obtained_on', day(-1))
await senco.fill('#consent-obtained_by', 'Sam Taylor')
await senco.check('#expertise_level-2')
await senco.fill('#preferred_date', day(10))
await senco.fill('#concern', 'AB finds moving between lessons very hard and often leaves the room.')
await senco.fill('#tried', 'Visual timetable and a now-and-next board.')
await senco.click('button[value=submit]')
expect(senco.url().match(/\/requests\/\d+$/), 'redirected to the status page: ' + senco.url())
const requestUrl = senco.url()
await axe(senco, 'senco-request-submitted', true)

// Coordinator: triage, assign, draw up the agreement.
const coordinator = await signIn('coordinator')
await coordinator.goto(base + '/requests?status=submitted')
await axe(coordinator, 'coordinator-queue', true)
await coordinator.goto(requestUrl)
await coordinator.check('#decision')
await coordinator.selectOption('#expertise_level', 'specialist_ta')
await coordinator.click('form[action$="/triage"] button')
await axe(coordinator, 'coordinator-accepted')
await coordinator.click('text=Choose a practitioner')
await axe(coordinator, 'coordinator-assign', true)
await coordinator.getByLabel('Amira Shah').check()
await coordinator.click('form[action$="/assign"] button')
await coordinator.click('text=Draw up the provision agreement')
await axe(coordinator, 'coordinator-agreement-form', true)
await coordinator.fill('#type', 'Observation and strategies for the class team')
await coordinator.fill('#sessions', '2')
await coordinator.fill('#outcomes', 'AB moves between lessons with a visual cue\nStaff use now-and-next consistently')
await coordinator.click('form[action$="/agreement"] button')
await axe(coordinator, 'coordinator-agreement-sent')

// SENCO accepts; coordinator plans a visit that has happened; practitioner reports.
await senco.goto(requestUrl)
await axe(senco, 'senco-agreement', true)
await senco.click('text=Accept the agreement')
expect((await senco.textContent('body')).includes('You have accepted the agreement'), 'agreement accepted')
await coordinator.goto(requestUrl)
await coordinator.fill('#date', day(-1))
await coordinator.click('form[action$="/visits"] button')
await axe(coordinator, 'coordinator-visit-planned', true)

const practitioner = await signIn('practitioner')
await practitioner.goto(base + '/visits')
await axe(practitioner, 'practitioner-visits', true)
await practitioner.locator('table a').first().click()
await practitioner.click('form[action$="/report"] button')
await axe(practitioner, 'practitioner-report-errors')
await practitioner.fill('#work_undertaken', 'Observed AB in maths and PE.')
await practitioner.fill('#actions_agreed', 'Class teacher to give a visual cue before each change.')
await practitioner.fill('#next_steps', 'Review in two weeks.')
await practitioner.fill('#miles', '14.5')
await practitioner.click('form[action$="/report"] button')
await axe(practitioner, 'practitioner-report-sent', true)
await practitioner.goto(requestUrl)
await practitioner.selectOption('#outcome', { index: 0 })
await practitioner.selectOption('#progress_status', 'emerging')
await practitioner.fill('#progress_note', 'Uses the cue with prompting')
await practitioner.click('form[action$="/progress"] button')
await axe(practitioner, 'practitioner-progress')

// SENCO reads the report and gives feedback; coordinator completes and reads feedback.
await senco.goto(requestUrl)
await senco.click('text=Read the report')
await axe(senco, 'senco-report', true)
await senco.goto(requestUrl)
await senco.check('#rating')
await senco.fill('#comments', 'Practical and kind.')
await senco.click('form[action$="/feedback"] button')
await axe(senco, 'senco-feedback-given', true)
await coordinator.goto(requestUrl)
await coordinator.click('text=Mark the work complete')
await coordinator.goto(base + '/feedback')
await axe(coordinator, 'coordinator-feedback', true)

await browser.close()
console.log(`${failures} failures`)
process.exit(failures > 0 ? 1 : 0)
