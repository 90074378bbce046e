// Trust-wide SEND insight as a director of SEND and a SENCO meet it, with axe-core on each page:
// the coordinator reads the trust's academies in January 2025 beside 2019, sorts them by EHC
// plans, switches to partner schools and another year, opens a school beside its authority
// and England, then the authority's EHC plans by primary need; the SENCO opens their own
// school from the home page and is kept out of another's. Run with SENDHUB_JS=off too.
// Usage: node tests/browser/insight.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS)
import { signIn, Checks, runMode, follow } from './lib.mjs'

const checks = new Checks()
const { base, suffix, options, browser, axe } = await runMode(checks)


const director = await signIn(browser, base, 'coordinator', options)
await director.goto(base + '/')
await follow(director, 'a:has-text("SEND figures")')
checks.expect(director.url().endsWith('/insight'), 'the home page leads to the figures: ' + director.url())
await axe(director, 'insight-trust' + suffix)
const rows = await director.locator('main tbody tr').count()
checks.expect(rows >= 5, `every trust academy has a row, and a total (${rows} rows)`)
checks.expect(await director.locator('main svg').count() >= 2, 'charts stand beside the table')
checks.expect((await director.textContent('main')).includes('2019'), 'January 2019 stands beside 2025')

await follow(director, 'main thead a:has-text("EHC plans %")')
checks.expect(director.url().includes('sort=ehcp_pct'), 'the table sorts by EHC plan percentage')
checks.expect(await director.getAttribute('main th[aria-sort="ascending"]', 'aria-sort') === 'ascending', 'the sorted column says so')

await director.selectOption('#relationship', 'partner')
await director.selectOption('#year', '2019')
await follow(director, 'button:has-text("Show figures")')
checks.expect(director.url().includes('relationship=partner') && director.url().includes('year=2019'), 'partners in 2019: ' + director.url())
await axe(director, 'insight-partners' + suffix)

await director.goto(base + '/insight')
await follow(director, 'main tbody tr th a >> nth=0')
checks.expect(/\/insight\/schools\/\d+$/.test(director.url()), 'a school opens: ' + director.url())
await axe(director, 'insight-school' + suffix)
const school = await director.textContent('main')
checks.expect(school.includes('England'), 'the school stands beside England')
await follow(director, 'main a[href^="/insight/local-authorities/"] >> nth=0')
await axe(director, 'insight-local-authority' + suffix)
const authority = await director.textContent('main')
checks.expect(authority.includes('Autistic spectrum disorder') || authority.includes('Autism'), 'the authority shows its EHC plans by primary need')

const senco = await signIn(browser, base, 'senco', options)
await senco.goto(base + '/')
await follow(senco, 'a:has-text("SEND figures")')
checks.expect(/\/insight\/schools\/\d+$/.test(senco.url()), 'a SENCO goes straight to their own school: ' + senco.url())
await axe(senco, 'insight-own-school' + suffix)
const response = await senco.goto(base + '/insight')
checks.expect(response.status() === 403, 'a SENCO cannot see the trust view')

await browser.close()
console.log(checks.failures === 0 ? 'insight: passed' : `insight: ${checks.failures} failures`)
process.exit(checks.failures === 0 ? 0 : 1)
