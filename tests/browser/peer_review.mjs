// Peer review as its people meet it, with axe-core on each page: the demo school's SENCO
// follows their published review's actions and records a finding as a reviewer of another
// school; the coordinator forms a cluster (told what is missing first) and records a
// Partnership Day; finance has no way in. Run with SENDHUB_JS=off too.
// Usage: node tests/browser/peer_review.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS)
import { signIn, Checks, runMode, follow } from './lib.mjs'

const checks = new Checks()
const { base, suffix, options, browser, axe } = await runMode(checks)


const senco = await signIn(browser, base, 'senco', options)
await senco.goto(base + '/')
await follow(senco, 'a:has-text("Take part in your peer review cluster")')
await axe(senco, 'clusters-school' + suffix)
await follow(senco, 'main a:has-text("Somerset primary SEND cluster")')
await axe(senco, 'cluster' + suffix)
const cluster = await senco.textContent('main')
checks.expect(cluster.includes('Themes across the cluster') && cluster.includes('Teaching and the curriculum'), 'the cluster shows its themes by area')
checks.expect(cluster.includes('Reality & Goals'), 'the cluster shows Reality & Goals')

// Their own school's review: published, with actions to follow up.
await follow(senco, 'main a:has-text("Coxley Primary School")')
await axe(senco, 'review-host' + suffix)
const review = await senco.textContent('main')
checks.expect(review.includes('Published to the cluster') && review.includes('Train all teaching assistants'), 'the published review shows its actions')
const reportHref = await senco.getAttribute('a:has-text("review report")', 'href')
const report = await senco.request.get(base + reportHref)
checks.expect(report.status() === 200 && (await report.body()).subarray(0, 4).toString() === '%PDF', 'the report for governors is a PDF')
await follow(senco, 'button:has-text("Record the follow-up")')
checks.expect((await senco.textContent('.govuk-error-summary')).includes('Choose the action') ||
  (await senco.textContent('.govuk-error-summary')).includes('what has happened'), 'a follow-up without a note is refused')
await axe(senco, 'review-follow-up-error' + suffix)
await senco.selectOption('select[name="follow_up.action_id"]', { index: 1 })
await senco.fill('textarea[name="follow_up.note"]', 'Second training session held' + suffix)
await follow(senco, 'button:has-text("Record the follow-up")')
checks.expect((await senco.textContent('main')).includes('Second training session held' + suffix), 'the follow-up is listed under its action')

// A review the SENCO is a reviewer of: still a draft, so findings can be recorded.
await senco.goto(base + '/clusters')
await follow(senco, 'main a:has-text("Somerset primary SEND cluster")')
await follow(senco, 'main li:has-text("Draft") a')
await axe(senco, 'review-reviewer' + suffix)
await follow(senco, 'button:has-text("Record the finding")')
checks.expect((await senco.textContent('.govuk-error-summary')).includes('Enter the finding'), 'a finding without its text is refused beside its box')
await axe(senco, 'review-finding-error' + suffix)
await senco.selectOption('select[name="finding.line_id"]', { index: 1 })
await senco.check('input[name="finding.kind"][value="strength"]')
await senco.fill('textarea[name="finding.text"]', 'Support plans are reviewed with parents' + suffix)
await senco.fill('textarea[name="finding.evidence"]', 'Three plans read')
await follow(senco, 'button:has-text("Record the finding")')
checks.expect((await senco.textContent('main')).includes('Support plans are reviewed with parents' + suffix), 'the finding is shown under its line')
checks.expect(await senco.locator('button:has-text("Publish to the cluster")').count() === 0, 'only the host publishes')

const coordinator = await signIn(browser, base, 'coordinator', options)
await coordinator.goto(base + '/')
await follow(coordinator, 'a:has-text("Run peer review clusters")')
await axe(coordinator, 'clusters-trust' + suffix)
await coordinator.fill('input[name="name"]', 'North cluster ' + suffix)
await coordinator.check('input[name="phase"][value="cross_phase"]')
await coordinator.selectOption('select[name="framework_id"]', { index: 1 })
await follow(coordinator, 'button:has-text("Form the cluster")')
checks.expect((await coordinator.textContent('.govuk-error-summary')).includes('two or more schools'), 'a cluster of fewer than two schools is refused')
await axe(coordinator, 'clusters-error' + suffix)
await coordinator.check('input[name="school_urns"] >> nth=0')
await coordinator.check('input[name="school_urns"] >> nth=1')
await follow(coordinator, 'button:has-text("Form the cluster")')
checks.expect((await coordinator.textContent('h1')).includes('North cluster'), 'the new cluster has its page')
await coordinator.fill('input[name="day.date-day"]', '12')
await coordinator.fill('input[name="day.date-month"]', '1')
await coordinator.fill('input[name="day.date-year"]', '2027')
await coordinator.fill('textarea[name="day.notes"]', 'Schools set shared goals')
await follow(coordinator, 'button:has-text("Record the day")')
checks.expect((await coordinator.textContent('main')).includes('12 January 2027'), 'the Partnership Day is listed')
await axe(coordinator, 'cluster-trust' + suffix)

const finance = await signIn(browser, base, 'finance', options)
checks.expect((await finance.goto(base + '/clusters')).status() === 403, 'finance has no peer review')

await browser.close()
console.log(checks.failures === 0 ? 'peer review: passed' : `peer review: ${checks.failures} failures`)
process.exit(checks.failures === 0 ? 0 : 1)
