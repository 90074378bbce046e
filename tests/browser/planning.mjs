// The coordinator plans a term in the browser and the practitioner subscribes to the calendar
// feed (issue 7), with axe-core on every page reached. SENDHUB_JS=off runs it without
// JavaScript on the other half of the demo's waiting requests.
// Usage: node tests/browser/planning.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS)
import { signIn, Checks, runMode, fillDate } from './lib.mjs'

const checks = new Checks()
const { base, suffix, options, browser, axe } = await runMode(checks)
const submitAndWait = (page, selector) => Promise.all([page.waitForNavigation(), page.click(selector)])

// Coordinator: a plan with a mistake, then three requests planned, one choice pinned, accepted.
const coordinator = await signIn(browser, base, 'coordinator', options)
await coordinator.waitForURL(base + '/')
await coordinator.goto(base + '/plan')
const ids = await coordinator.locator('input[name=request]').evaluateAll(boxes => boxes.map(b => b.value))
checks.expect(ids.length >= 3, `at least three requests wait for a practitioner (${ids.length})`)
const mine = ids.slice(0, 3)
for (const id of ids) if (!mine.includes(id)) await coordinator.uncheck(`#request-${id}`)
await coordinator.fill(`#sessions_${mine[0]}`, '40')
await submitAndWait(coordinator, 'form[action="/plan"] button[type=submit]')
const errors = (await coordinator.locator('.govuk-error-summary li').allTextContents()).join('; ')
checks.expect(errors.includes('visits need'), `too many visits are named: ${errors}`)
checks.expect(await coordinator.locator(`#sessions_${mine[0]}-error`).count() === 1, 'the error sits beside the field')
await axe(coordinator, 'plan-errors' + suffix)
await coordinator.fill(`#sessions_${mine[0]}`, '4')
await submitAndWait(coordinator, 'form[action="/plan"] button[type=submit]')
checks.expect(await coordinator.locator('#proposal').count() === 1, 'a proposal is shown')
const planned = await coordinator.locator('table').nth(1).locator('tbody tr').count()
checks.expect(planned === 3, `three requests in the proposal (${planned})`)
const summary = await coordinator.locator('#proposal + dl').textContent()
const plannedCount = Number(/(\d+) of \d+/.exec(summary)?.[1])
const noneMessage = await coordinator.locator('.govuk-inset-text', { hasText: 'None of these requests' }).count()
checks.expect(plannedCount === 0 ? noneMessage === 1 && !summary.includes('How good') : noneMessage === 0 && summary.includes('How good'),
  `the plan is judged only when something is planned (${plannedCount} planned)`)
await axe(coordinator, 'plan-proposal' + suffix)

// Pin the first request to someone else from its list, and plan again.
const choices = await coordinator.locator(`#pin_${mine[0]} option`).evaluateAll(o => o.map(x => x.value).filter(Boolean))
if (choices.length > 1) {
  await coordinator.selectOption(`#pin_${mine[0]}`, choices[choices.length - 1])
  await submitAndWait(coordinator, 'form[action="/plan"] button[type=submit]')
  checks.expect(await coordinator.locator('.govuk-tag', { hasText: 'Chosen' }).count() === 1, 'the pinned choice is kept')
}
await submitAndWait(coordinator, 'form[action="/plan/accept"] button[type=submit]')
const flash = await coordinator.locator('.govuk-notification-banner').textContent()
checks.expect(flash.includes('The plan is accepted'), `accepted: ${flash.trim()}`)
await axe(coordinator, 'calendar-team-after-plan' + suffix)
const held = await coordinator.locator('.govuk-tag', { hasText: 'Held' }).count()
checks.expect(held > 0, `held visits show in everyone's week (${held})`)

// Practitioner: their calendar, availability with a leave mistake, then the feed link.
const practitioner = await signIn(browser, base, 'practitioner', options)
await practitioner.waitForURL(base + '/')
await practitioner.goto(base + '/calendar?view=month')
await axe(practitioner, 'practitioner-calendar-month' + suffix)
await practitioner.click('text=Working days and leave')
await fillDate(practitioner, 'first', '2027-02-19')
await fillDate(practitioner, 'last', '2027-02-15')
await submitAndWait(practitioner, 'form[action$="/leave"] button[type=submit]')
checks.expect(await practitioner.locator('#last-error').count() === 1, 'backwards leave is refused beside the field')
await axe(practitioner, 'availability-errors' + suffix)
await fillDate(practitioner, 'first', '2027-02-15')
await fillDate(practitioner, 'last', '2027-02-19')
await submitAndWait(practitioner, 'form[action$="/leave"] button[type=submit]')
checks.expect((await practitioner.locator('table').textContent()).includes('15 February 2027'), 'the leave is listed as people write dates')
await submitAndWait(practitioner, 'form[action$="/delete"] button[type=submit]')

await practitioner.goto(base + '/calendar')
await submitAndWait(practitioner, 'form[action="/calendar/feed"] button[type=submit]')
const url = (await practitioner.locator('code').textContent()).trim()
checks.expect(url.includes('/calendar/feed/') && url.endsWith('.ics'), `a feed link is shown: ${url}`)
await axe(practitioner, 'calendar-feed' + suffix)
const feed = await practitioner.context().request.get(url)
const text = await feed.text()
checks.expect(feed.status() === 200 && text.startsWith('BEGIN:VCALENDAR'), `the feed answers (${feed.status()})`)
await submitAndWait(practitioner, 'form[action="/calendar/feed/revoke"] button[type=submit]')
const gone = await practitioner.context().request.get(url)
checks.expect(gone.status() === 404, `a stopped link no longer answers (${gone.status()})`)

await browser.close()
console.log(`planning${suffix}: ${checks.failures} failures`)
process.exit(checks.failures > 0 ? 1 : 0)
