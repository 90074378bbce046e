// School days in the browser: the coordinator records an authority's term dates on GOV.UK
// date inputs (a mistake first), pastes a CSV with a wrong row, and a practitioner's leave
// over one of their visits shows as a clash on their availability page and the
// coordinator's home page until the leave goes. SENDHUB_JS=off runs it without JavaScript.
// Usage: node tests/browser/school_days.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS)
import { signIn, Checks, runMode, day, fillDate, readableDate } from './lib.mjs'

const checks = new Checks()
const { base, suffix, options, browser, axe } = await runMode(checks)
const submitAndWait = (page, selector) => Promise.all([page.waitForNavigation(), page.click(selector)])
const flashText = async page => (await page.locator('.govuk-notification-banner').textContent()).trim()

// Term dates for Somerset three years ahead, so the demo's own dates are untouched.
const year = Number(day(0).slice(0, 4)) + 3
const academicYear = `${year}-${String(year + 1).slice(2)}`
const coordinator = await signIn(browser, base, 'coordinator', options)
await coordinator.waitForURL(base + '/')
await coordinator.goto(base + '/term-dates')
await axe(coordinator, 'term-dates' + suffix)
await coordinator.selectOption('#la_code', '933')
await coordinator.goto(`${base}/term-dates/edit?la_code=933&academic_year=${academicYear}`)
checks.expect((await coordinator.locator('h1').textContent()).includes(academicYear), 'the year is named')
const fillBoxes = async (name, d, m, y) => {
  await coordinator.fill(`#${name}`, String(d))
  await coordinator.fill(`#${name}-month`, String(m))
  await coordinator.fill(`#${name}-year`, String(y))
}
await fillBoxes('terms-0-starts_on', 4, 9, year)
await fillBoxes('terms-0-ends_on', 18, 12, year)
await fillBoxes('terms-0-half_term_starts_on', 26, 10, year)
await fillBoxes('terms-0-half_term_ends_on', 30, 13, year)  // no thirteenth month
await submitAndWait(coordinator, 'form[action="/term-dates/edit"] button[type=submit]')
checks.expect(await coordinator.locator('#terms-0-half_term_ends_on-error').count() === 1,
  'a date that is not real is refused beside its boxes')
checks.expect(await coordinator.inputValue('#terms-0-half_term_ends_on-month') === '13', 'what was typed is kept')
await axe(coordinator, 'term-dates-errors' + suffix)
await coordinator.fill('#terms-0-half_term_ends_on-month', '10')
await submitAndWait(coordinator, 'form[action="/term-dates/edit"] button[type=submit]')
const saved = await flashText(coordinator)
checks.expect(saved.includes('Term dates for Somerset') && saved.includes('saved'), `saved: ${saved}`)

await coordinator.fill('#csv', 'la_code,academic_year,starts_on,ends_on,half_term_starts_on,half_term_ends_on\n' +
  `878,${academicYear},${year}-09-03,${year}-12-18,,\n878,${academicYear},${year + 1}-01-20,${year + 1}-01-05,,\n`)
await submitAndWait(coordinator, 'form[action="/term-dates/import"] button[type=submit]')
const rowError = (await coordinator.locator('#csv-error').textContent()) ?? ''
checks.expect(rowError.includes('Row 3'), `the wrong row is named: ${rowError.trim()}`)
await axe(coordinator, 'term-dates-import-errors' + suffix)

// Leave over a visit ahead (the term plan of planning.mjs holds some): the coordinator books
// it on the practitioner's availability page.
const calendar = await coordinator.context().request.get(`${base}/api/v1/calendar?from=${day(1)}&to=${day(90)}`)
const visit = (await calendar.json()).items.find(i => i.status === 'planned' || i.status === 'held')
checks.expect(visit !== undefined, 'a visit is planned or held ahead')
if (visit) {
  const href = visit.visit_id ? `/visits/${visit.visit_id}` : `/requests/${visit.request_id}`
  const clashLinks = page => page.locator(`.govuk-list a[href="${href}"]`).count()
  await coordinator.goto(`${base}/practitioners/${visit.practitioner_id}/availability`)
  await fillDate(coordinator, 'first', visit.date)
  await fillDate(coordinator, 'last', visit.date)
  await submitAndWait(coordinator, 'form[action$="/leave"] button[type=submit]')
  const added = await flashText(coordinator)
  checks.expect(added.includes('now clash'), `the clash is announced: ${added}`)
  checks.expect(await clashLinks(coordinator) >= 1, 'the availability page links the clashing visit')
  await axe(coordinator, 'availability-clash' + suffix)

  await coordinator.goto(base + '/')
  checks.expect(await clashLinks(coordinator) >= 1, 'the home page lists the clash')
  await axe(coordinator, 'coordinator-home-clash' + suffix)

  // The leave comes off again and the clash with it.
  await coordinator.goto(`${base}/practitioners/${visit.practitioner_id}/availability`)
  const remove = `form[action$="/delete"]:has(button:has-text("${readableDate(visit.date)}")) button[type=submit]`
  await submitAndWait(coordinator, remove)
  await coordinator.goto(base + '/')
  checks.expect(await clashLinks(coordinator) === 0, 'no clash once the leave is gone')
}

await browser.close()
console.log(`school days${suffix}: ${checks.failures} failures`)
process.exit(checks.failures > 0 ? 1 : 0)
