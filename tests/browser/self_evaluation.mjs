// Termly returns and self-evaluation as a SENCO and a director of SEND meet them, with
// axe-core on each page: the SENCO sends a return (told when a figure is not a percentage)
// and rates their school against the framework; the coordinator reads the heat map and its
// training priorities, and imports returns from a CSV file, told the line of a bad row.
// Run with SENDHUB_JS=off too.
// Usage: node tests/browser/self_evaluation.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS)
import { signIn, Checks, runMode, follow } from './lib.mjs'

const checks = new Checks()
const { base, suffix, options, browser, axe } = await runMode(checks)


const senco = await signIn(browser, base, 'senco', options)
await senco.goto(base + '/')
await follow(senco, 'a:has-text("Send your school\'s termly SEND return")')
await axe(senco, 'returns-school' + suffix)
await senco.fill('#ehcp_attendance_pct', '150')
await follow(senco, 'button:has-text("Save the return")')
checks.expect((await senco.textContent('.govuk-error-summary')).includes('from 0 to 100'), 'a figure over 100% is refused beside its box')
await axe(senco, 'returns-school-error' + suffix)
await senco.fill('#ehcp_attendance_pct', '91.2')
await follow(senco, 'button:has-text("Save the return")')
checks.expect((await senco.textContent('main')).includes('91.2%'), 'the saved return is listed')

await senco.goto(base + '/')
await follow(senco, 'a:has-text("Rate your school against")')
await follow(senco, 'main a:has-text("SEND self-evaluation")')
await axe(senco, 'self-evaluation-form' + suffix)
await senco.check('input[name="ratings[0].rating"][value="2"]')
await senco.fill('textarea[name="ratings[0].evidence"]', 'Our new SENCO joined in September')
await follow(senco, 'button:has-text("Save the self-evaluation")')
checks.expect((await senco.textContent('main')).includes('is saved'), 'the self-evaluation is saved')
checks.expect(await senco.isChecked('input[name="ratings[0].rating"][value="2"]'), 'the saved rating is shown again')
checks.expect((await senco.goto(base + '/insight/frameworks/1/summary')).status() === 404, 'a school has no summary page')

const director = await signIn(browser, base, 'coordinator', options)
await director.goto(base + '/')
await follow(director, 'a:has-text("See schools\' self-evaluation")')
await axe(director, 'frameworks' + suffix)
await follow(director, 'main a:has-text("SEND self-evaluation")')
await axe(director, 'heat-map' + suffix)
const heat = await director.textContent('main')
checks.expect(heat.includes('Training priorities'), 'the heat map names the training priorities')
checks.expect(await director.locator('main tbody tr').count() === 20, 'every statement has a row')

await director.goto(base + '/insight/returns')
await axe(director, 'returns-trust' + suffix)
const urn = await director.getAttribute('#school_urn option:nth-child(2)', 'value')
const csv = text => ({ name: 'returns.csv', mimeType: 'text/csv', buffer: Buffer.from(text) })
await director.setInputFiles('#file', csv(`school_urn,term,ehcp_attendance_pct\n${urn},2030-31 autumn,90\n${urn},2030-31 spring,900\n`))
await follow(director, 'button:has-text("Import returns")')
const problem = await director.textContent('.govuk-error-summary')
checks.expect(problem.includes('Line 3') && problem.includes('Nothing from the file was saved'), 'a bad row is named by its line: ' + problem.trim())
await axe(director, 'returns-import-error' + suffix)
await director.setInputFiles('#file', csv(`school_urn,term,ehcp_attendance_pct\n${urn},2030-31 autumn,90\n${urn},2030-31 spring,91\n`))
await follow(director, 'button:has-text("Import returns")')
checks.expect((await director.textContent('main')).includes('2 returns imported'), 'a good file is imported')

await browser.close()
console.log(checks.failures === 0 ? 'self-evaluation: passed' : `self-evaluation: ${checks.failures} failures`)
process.exit(checks.failures === 0 ? 0 : 1)
