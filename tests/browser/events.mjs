// Training and events, as their users meet them, with axe-core on each page: the public
// listing without signing in; an organiser publishes a course; a SENCO books two colleagues
// (one confirmed, one waiting), cancels the first so the second is promoted; the organiser
// takes the register; the SENCO downloads the certificate and gives feedback.
// Run with SENDHUB_JS=off too.
// Usage: node tests/browser/events.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS)
import { signIn, Checks, runMode, day, fillDate } from './lib.mjs'

const checks = new Checks()
const { base, jsOff, suffix, options, browser, axe } = await runMode(checks)
const stamp = Date.now().toString(36) + (jsOff ? 'n' : 'j')
const title = `Attention autism ${stamp}`

async function submitAndWait (page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

// The public listing, signed out.
const visitor = await (await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', ...options })).newPage()
await visitor.goto(base + '/events')
await axe(visitor, 'events-public' + suffix)
const listed = (await visitor.locator('main h2').allTextContents()).map(t => t.trim())
checks.expect(listed.includes('Autism and sensory needs in the classroom'), 'the public sees the free webinar')
checks.expect(listed.includes('Annual SEND conference'), 'the public sees the conference for schools')
checks.expect(!listed.includes('SENCO network meeting'), 'events for SENCOs only are not listed publicly')
await visitor.goto(base + '/events/1')
checks.expect(visitor.url().includes('/login'), 'an event page asks the public to sign in')

// An organiser publishes a one-place course.
const organiser = await signIn(browser, base, 'partnerships', options)
await organiser.goto(base + '/events')
await submitAndWait(organiser, 'a:has-text("Create an event")')
await axe(organiser, 'event-new' + suffix)
await submitAndWait(organiser, 'button:has-text("Publish")')
const summary = await organiser.textContent('.govuk-error-summary')
checks.expect(summary.includes("Enter the event's title"), 'a missing title is named')
await organiser.fill('#title', title)
await organiser.getByLabel('Course', { exact: true }).check()
await organiser.getByLabel("Every school's staff", { exact: true }).check()
await organiser.fill('#summary', 'Structured attention activities for autistic pupils.')
await fillDate(organiser, 'date', day(40))
await organiser.fill('#start_time', '9:30am')
await organiser.fill('#end_time', '12pm')
await organiser.fill('#venue', 'Kingsmoor Academy, Taunton')
await organiser.fill('#capacity', '1')
await organiser.fill('#price', '25')
await organiser.fill('#tags', 'autism')
await submitAndWait(organiser, 'button:has-text("Publish")')
checks.expect(/\/events\/\d+$/.test(organiser.url()), 'the new event opens: ' + organiser.url())
const eventUrl = organiser.url()
await axe(organiser, 'event-organiser' + suffix)

// A SENCO books two colleagues: the first has the place, the second waits.
const senco = await signIn(browser, base, 'senco', options)
await senco.goto(eventUrl)
await axe(senco, 'event-school' + suffix)
await submitAndWait(senco, 'button:has-text("Book a place")')
checks.expect((await senco.textContent('.govuk-error-summary')).includes('Enter the name'), 'a missing name is named')
await senco.fill('#attendee_name', 'Lee Larch')
await senco.fill('#attendee_email', `lee.${stamp}@school.example.org`)
await submitAndWait(senco, 'button:has-text("Book a place")')
checks.expect((await senco.textContent('main')).includes('Lee Larch has a place'), 'the first booking is confirmed')
await senco.fill('#attendee_name', 'Mo Maple')
await senco.fill('#attendee_email', `mo.${stamp}@school.example.org`)
await submitAndWait(senco, 'button:has-text("Book a place")')
checks.expect((await senco.textContent('main')).includes('Mo Maple is on the waiting list'), 'the second waits')
await axe(senco, 'event-booked' + suffix)

// Cancelling the confirmed place promotes the person waiting.
await submitAndWait(senco, 'button:has-text("Cancel"):has-text("Lee Larch")')
const afterCancel = senco.locator('tr', { hasText: 'Mo Maple' })
checks.expect((await afterCancel.textContent()).includes('Confirmed'), 'the person waiting now has the place')

// The organiser takes the register.
await organiser.goto(eventUrl)
await organiser.getByLabel(/Mo Maple/).check()
await submitAndWait(organiser, 'button:has-text("Save the register")')
checks.expect((await organiser.textContent('main')).includes('The register is saved'), 'the register is saved')

// The SENCO downloads the certificate and gives feedback.
await senco.goto(eventUrl)
const href = await senco.getAttribute('a:has-text("Certificate")', 'href')
const pdf = await senco.request.get(base + href)
checks.expect(pdf.status() === 200 && pdf.headers()['content-type'] === 'application/pdf', 'the certificate downloads as a PDF')
await submitAndWait(senco, 'a:has-text("Give feedback")')
await axe(senco, 'event-feedback' + suffix)
await submitAndWait(senco, 'button:has-text("Send feedback")')
checks.expect((await senco.textContent('.govuk-error-summary')).includes('rating'), 'a missing rating is named')
await senco.getByLabel('4: good').check()
await senco.fill('#comment', 'Clear and practical.')
await submitAndWait(senco, 'button:has-text("Send feedback")')
checks.expect((await senco.textContent('main')).includes('your feedback is recorded'), 'the feedback is recorded')
await organiser.goto(eventUrl)
checks.expect((await organiser.textContent('main')).includes('rated 4.00 out of 5'), 'the organiser reads the average')

// The demo's full course shows its waiting list to the organiser.
await organiser.goto(base + '/events')
await submitAndWait(organiser, 'a:has-text("Precision teaching")')
checks.expect((await organiser.textContent('main')).includes('2 waiting'), 'the full course has two waiting')

await browser.close()
console.log(checks.failures === 0 ? 'events: passed' : `events: ${checks.failures} failures`)
process.exit(checks.failures === 0 ? 0 : 1)
