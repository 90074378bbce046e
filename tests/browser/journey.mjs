// The outreach journey in headless Chromium, as its users do it, with axe-core on every
// page reached. Run with SENDHUB_JS=off to prove it works without JavaScript.
// Usage: node tests/browser/journey.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS)
import { execFileSync } from 'node:child_process'
import { launch, signIn, Checks, day } from './lib.mjs'

const base = process.argv[2]
const jsOff = process.env.SENDHUB_JS === 'off'
const suffix = jsOff ? '-nojs' : ''
const checks = new Checks()
const browser = await launch()
const options = { javaScriptEnabled: !jsOff }
const shot = !jsOff
// Without JavaScript nothing can run inside the page, axe included; the JS-on run checks
// the same pages, so the JS-off run checks behaviour only.
const axe = jsOff ? async () => {} : (page, name, screenshot) => checks.axe(page, name, screenshot)

async function submitAndWait (page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

async function fillPupil (page, index, ref, year, route, need) {
  await page.fill(`#pupils-${index}-ref`, ref)
  await page.selectOption(`#pupils-${index}-year_group`, year)
  await page.selectOption(`#pupils-${index}-need_route`, route)
  await page.selectOption(`#pupils-${index}-primary_need`, need)
}

async function fillCommon (page, level, preferred) {
  await page.fill('#consent-obtained_on', day(-1))
  await page.fill('#consent-obtained_by', 'Sam Taylor')
  await page.check(`input[name=expertise_level][value=${level}]`)
  await page.fill('#preferred_date', preferred)
  await page.fill('#concern', 'Finds moving between lessons very hard and often leaves the room.')
  await page.fill('#tried', 'Visual timetable and a now-and-next board.')
}

const errorsShown = async page => (await page.locator('.govuk-error-summary li').allTextContents()).join('; ')

// SENCO: one child, first with mistakes, then put right.
const senco = await signIn(browser, base, 'senco', options)
await senco.goto(base + '/requests/new')
await axe(senco, 'senco-request-new' + suffix, shot)
await senco.check('#kind')
await senco.fill('#pupils-0-ref', 'Alice Brown')
await submitAndWait(senco, 'button[value=submit]')
await axe(senco, 'senco-request-errors' + suffix, shot)
checks.expect((await errorsShown(senco)).includes('not a name'), 'a full name is refused')
checks.expect(await senco.inputValue('#pupils-0-ref') === 'Alice Brown', 'typed value kept after an error')
await fillPupil(senco, 0, 'AB', 'Y3', 'sen_support', 'ASD')
await senco.check('input[name="consent.type"][value=verbal]')
await fillCommon(senco, 'specialist_ta', day(6))
await submitAndWait(senco, 'button[value=submit]')
const individualErrors = await errorsShown(senco)
checks.expect(individualErrors.includes("parent's or carer's signature"), 'one child needs a signature: ' + individualErrors)
checks.expect(individualErrors.includes('at least 7 days'), 'six days is too soon: ' + individualErrors)
await senco.check('input[name="consent.type"][value=signed]')
await senco.fill('#preferred_date', day(7))
await submitAndWait(senco, 'button[value=submit]')
checks.expect(/\/requests\/\d+$/.test(senco.url()), 'individual request submitted: ' + (await errorsShown(senco)))
const individualUrl = senco.url()
await axe(senco, 'senco-request-submitted' + suffix, shot)

// SENCO: a group, with a lone pupil and an EHCP marked NSA, then put right.
await senco.goto(base + '/requests/new')
await senco.check('input[name=kind][value=group]')
await fillPupil(senco, 0, 'CD', 'Y4', 'ehcp', 'NSA')
await fillCommon(senco, 'teacher', day(14))
await submitAndWait(senco, 'button[value=submit]')
const groupErrors = await errorsShown(senco)
checks.expect(groupErrors.includes('between 2 and 30 pupils'), 'a group needs two pupils: ' + groupErrors)
checks.expect(groupErrors.includes('other than NSA'), 'NSA is refused with an EHCP: ' + groupErrors)
checks.expect(groupErrors.includes('consent'), 'a group needs consent: ' + groupErrors)
await fillPupil(senco, 0, 'CD', 'Y4', 'ehcp', 'SLCN')
await fillPupil(senco, 1, 'EF', 'Y4', 'sen_support', 'SLCN')
await senco.check('input[name="consent.type"][value=verbal]')
await submitAndWait(senco, 'button[value=submit]')
checks.expect(/\/requests\/\d+$/.test(senco.url()), 'group request submitted: ' + (await errorsShown(senco)))
const groupUrl = senco.url()

// Coordinator: asks for more on the group, accepts and assigns the individual request.
const coordinator = await signIn(browser, base, 'coordinator', options)
await coordinator.goto(base + '/requests?status=submitted')
await axe(coordinator, 'coordinator-queue' + suffix, shot)
await coordinator.goto(groupUrl)
await coordinator.check('input[name=decision][value=more_info]')
await submitAndWait(coordinator, 'form[action$="/triage"] button')
checks.expect((await errorsShown(coordinator)).includes('more information you need'), 'asking for more needs a note')
await axe(coordinator, 'coordinator-triage-errors' + suffix)
await coordinator.fill('#notes', 'Which lessons are hardest?')
await submitAndWait(coordinator, 'form[action$="/triage"] button')
await senco.goto(groupUrl)
await senco.click('text=Answer and resubmit')
await axe(senco, 'senco-resubmit' + suffix, shot)
await senco.fill('#concern', 'Hardest in maths and assemblies.')
await submitAndWait(senco, 'button[value=submit]')
checks.expect((await senco.textContent('body')).includes('submitted'), 'resubmitted after more information')

await coordinator.goto(individualUrl)
await coordinator.check('input[name=decision][value=accept]')
await coordinator.selectOption('#expertise_level', 'specialist_ta')
await submitAndWait(coordinator, 'form[action$="/triage"] button')
await axe(coordinator, 'coordinator-accepted' + suffix)
await coordinator.click('text=Choose a practitioner')
await axe(coordinator, 'coordinator-assign' + suffix, shot)
await coordinator.getByLabel('Amira Shah').check()
await submitAndWait(coordinator, 'form[action$="/assign"] button')

// Practitioner: drafts the agreement.
const practitioner = await signIn(browser, base, 'practitioner', options)
await practitioner.goto(individualUrl)
await practitioner.click('text=Draw up the provision agreement')
await axe(practitioner, 'practitioner-agreement-form' + suffix, shot)
await practitioner.fill('#type', 'Observation and strategies for the class team')
await practitioner.fill('#sessions', '2')
await practitioner.fill('#outcomes', 'AB moves between lessons with a visual cue\nStaff use now-and-next consistently')
await submitAndWait(practitioner, 'form[action$="/agreement"] button')
checks.expect((await practitioner.textContent('body')).includes('sent to the school'), 'agreement sent')

// SENCO accepts; coordinator plans a visit that has happened; practitioner reports.
await senco.goto(individualUrl)
await axe(senco, 'senco-agreement' + suffix, shot)
await submitAndWait(senco, 'text=Accept the agreement')
checks.expect((await senco.textContent('body')).includes('You have accepted the agreement'), 'agreement accepted')
await coordinator.goto(individualUrl)
await coordinator.fill('#date', day(jsOff ? -2 : -1))  // one practitioner, at most a day a date
await submitAndWait(coordinator, 'form[action$="/visits"] button')
checks.expect((await coordinator.textContent('body')).includes('Visit planned'), 'visit planned: ' + (await errorsShown(coordinator)))
await axe(coordinator, 'coordinator-visit-planned' + suffix, shot)

await practitioner.goto(base + '/visits')
await axe(practitioner, 'practitioner-visits' + suffix, shot)
await Promise.all([practitioner.waitForNavigation(), practitioner.locator('tr', { hasText: 'Report due' }).locator('a').first().click()])
await submitAndWait(practitioner, 'form[action$="/report"] button')
await axe(practitioner, 'practitioner-report-errors' + suffix)
await practitioner.fill('#work_undertaken', 'Observed AB in maths and PE.')
await practitioner.fill('#actions_agreed', 'Class teacher to give a visual cue before each change.')
await practitioner.fill('#next_steps', 'Review in two weeks.')
await practitioner.fill('#miles', '14.5')
await submitAndWait(practitioner, 'form[action$="/report"] button')
await axe(practitioner, 'practitioner-report-sent' + suffix, shot)
await practitioner.goto(individualUrl)
await practitioner.selectOption('#outcome', { index: 0 })
await practitioner.selectOption('#progress_status', 'emerging')
await practitioner.fill('#progress_note', 'Uses the cue with prompting')
await submitAndWait(practitioner, 'form[action$="/progress"] button')
await axe(practitioner, 'practitioner-progress' + suffix)

// SENCO reads the report and gives feedback; coordinator completes and reads feedback.
await senco.goto(individualUrl)
await Promise.all([senco.waitForNavigation(), senco.click('text=Read the report')])
await axe(senco, 'senco-report' + suffix, shot)
checks.expect((await senco.textContent('body')).includes('Review in two weeks.'), 'the SENCO reads the report')
await senco.goto(individualUrl)
await senco.check('input[name=rating][value="5"]')
await senco.fill('#comments', 'Practical and kind.')
await submitAndWait(senco, 'form[action$="/feedback"] button')
await axe(senco, 'senco-feedback-given' + suffix, shot)
await coordinator.goto(individualUrl)
await submitAndWait(coordinator, 'text=Mark the work complete')
await coordinator.goto(base + '/feedback')
await axe(coordinator, 'coordinator-feedback' + suffix, shot)
checks.expect((await coordinator.textContent('body')).includes('Practical and kind.'), 'coordinator sees the feedback')

// Finance invoices the delivered visit, downloads the PDF, credits part and records payment.
const finance = await signIn(browser, base, 'finance', options)
await finance.goto(base + '/invoices')
await axe(finance, 'finance-invoices' + suffix, shot)
await finance.fill('#period_end', 'end of term')
await submitAndWait(finance, 'form[action="/invoices/run"] button')
checks.expect((await errorsShown(finance)).includes('last day of the period'), 'a bad period end is refused: ' + (await errorsShown(finance)))
await axe(finance, 'finance-invoices-errors' + suffix)
await finance.fill('#period_end', day(-1))
await submitAndWait(finance, 'form[action="/invoices/run"] button')
checks.expect((await finance.textContent('body')).includes('invoice issued'), 'the run issues an invoice')
await Promise.all([finance.waitForNavigation(), finance.locator('tbody tr').first().locator('a').click()])
await axe(finance, 'finance-invoice' + suffix, shot)
const number = (await finance.textContent('h1')).replace('Invoice', '').trim()
checks.expect(/^INV-\d{4}-\d{2}-\d{4}$/.test(number), 'invoice numbered per financial year: ' + number)
checks.expect((await finance.textContent('body')).includes('travel on'), 'the invoice charges the travel reported')
const pdfHref = await finance.getAttribute('a[href$=".pdf"]', 'href')
const pdf = await finance.context().request.get(base + pdfHref)
checks.expect(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf', 'the PDF downloads')
const pdfText = execFileSync('pdftotext', ['-', '-'], { input: await pdf.body() }).toString()
checks.expect(pdfText.includes(number) && pdfText.includes('Payment terms'), 'the PDF names the invoice and its terms')
await finance.fill('#amount_pence', '150')
await submitAndWait(finance, 'form[action$="/credit"] button')
checks.expect((await errorsShown(finance)).includes('reason'), 'a credit note needs a reason')
await finance.fill('#reason', 'Half a mile too many')
await submitAndWait(finance, 'form[action$="/credit"] button')
checks.expect((await finance.textContent('body')).includes('CN-'), 'the credit note is listed')
await submitAndWait(finance, 'form[action$="/pay"] button')
checks.expect((await finance.textContent('.govuk-tag')).includes('Paid'), 'the invoice is paid')
await axe(finance, 'finance-invoice-paid' + suffix)
const csv = await finance.context().request.get(base + '/api/v1/invoices.csv')
checks.expect((await csv.text()).includes(number), 'the CSV export lists the invoice')
await finance.goto(base + '/finance')
await axe(finance, 'finance-dashboard' + suffix, shot)
await senco.goto(base + '/invoices')
checks.expect((await senco.textContent('body')).includes(number), 'the SENCO sees their invoice')
await axe(senco, 'senco-invoices' + suffix)

// Signing out ends the session: the next page asks to sign in.
await submitAndWait(senco, 'text=Sign out')
checks.expect(senco.url().endsWith('/login'), 'signed out to the sign-in page')
await senco.goto(individualUrl)
checks.expect(senco.url().includes('/login?next='), 'after sign-out, pages ask to sign in again')

await browser.close()
console.log(`journey${suffix}: ${checks.failures} failures`)
process.exit(checks.failures > 0 ? 1 : 0)
