// The resource hub and the Autism Education Hub, as their users meet them, with axe-core on
// each page: the public hub signed out (public guidance only, downloads as attachments); a
// coordinator publishes a document, is told when a file is not what its name says, and uploads
// a second version; a SENCO searches and finds it beside the adaptive teaching pack.
// Run with SENDHUB_JS=off too.
// Usage: node tests/browser/resources.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS)
import { signIn, Checks, runMode } from './lib.mjs'

const checks = new Checks()
const { base, jsOff, suffix, options, browser, axe } = await runMode(checks)
const stamp = Date.now().toString(36) + (jsOff ? 'n' : 'j')
const title = `Sensory circuits ${stamp}`
const pdf = text => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`)

async function submitAndWait (page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

// The public hub, signed out.
const visitor = await (await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', ...options })).newPage()
await visitor.goto(base + '/hub/autism')
await axe(visitor, 'hub-autism-public' + suffix)
const hub = await visitor.textContent('main')
checks.expect(hub.includes('Supporting autistic pupils in the classroom'), 'the public sees public autism guidance')
checks.expect(hub.includes('Autism and sensory needs in the classroom'), 'the public sees the autism webinar')
checks.expect(!hub.includes('One-page profile template'), 'templates for partner schools are not public')
const href = await visitor.getAttribute('a:has-text("Download Supporting autistic pupils")', 'href')
const file = await visitor.request.get(base + href)
checks.expect(file.status() === 200 && file.headers()['content-type'] === 'application/pdf', 'public guidance downloads as a PDF')
checks.expect((file.headers()['content-disposition'] ?? '').startsWith('attachment;'), 'a download is always an attachment')
await visitor.goto(base + '/resources')
checks.expect(visitor.url().includes('/login'), 'the resource hub asks the public to sign in')

// A coordinator publishes a document.
const editor = await signIn(browser, base, 'coordinator', options)
await editor.goto(base + '/resources')
await axe(editor, 'resources-editor' + suffix)
await submitAndWait(editor, 'a:has-text("Publish a resource")')
await axe(editor, 'resource-new' + suffix)
await submitAndWait(editor, 'button:has-text("Publish")')
const problems = await editor.textContent('.govuk-error-summary')
checks.expect(problems.includes('title'), 'a missing title is named')
checks.expect(problems.includes('Choose a file'), 'a missing file is named')
await axe(editor, 'resource-new-errors' + suffix)
await editor.fill('#title', title)
await editor.fill('#summary', 'A morning routine of movement that helps pupils get ready to learn.')
await editor.getByLabel('Every school', { exact: true }).check()
await editor.fill('#tags', 'sensory, autism')
await editor.setInputFiles('#file', { name: 'circuits.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') })
await submitAndWait(editor, 'button:has-text("Publish")')
checks.expect((await editor.textContent('.govuk-error-summary')).includes('not what its name says'), 'a file that is not what its name says is refused')
checks.expect(await editor.inputValue('#title') === title, 'the title is kept after an error')
await editor.setInputFiles('#file', { name: 'Sensory circuits.pdf', mimeType: 'application/pdf', buffer: pdf('version one') })
await submitAndWait(editor, 'button:has-text("Publish")')
checks.expect(/\/resources\/\d+$/.test(editor.url()), 'the new resource opens: ' + editor.url())
const resourceUrl = editor.url()
await axe(editor, 'resource-editor' + suffix)

// A second version; the first stays listed.
await editor.setInputFiles('#file', { name: 'Sensory circuits v2.pdf', mimeType: 'application/pdf', buffer: pdf('version two') })
await submitAndWait(editor, 'button:has-text("Upload the new version")')
const page = await editor.textContent('main')
checks.expect(page.includes('Version 2 is uploaded'), 'the new version is confirmed')
checks.expect(page.includes('Sensory circuits.pdf') && page.includes('Sensory circuits v2.pdf'), 'both versions are listed')

// A SENCO searches.
const senco = await signIn(browser, base, 'senco', options)
await senco.goto(base + '/resources')
await senco.fill('#q', `circuits ${stamp}`)
await submitAndWait(senco, 'button:has-text("Search")')
await axe(senco, 'resources-search' + suffix)
checks.expect((await senco.locator('main h3').allTextContents()).map(t => t.trim()).includes(title), 'the SENCO finds the new resource')
checks.expect(!(await senco.textContent('main')).includes('Publish a resource'), 'a SENCO is not offered publishing')
await senco.goto(base + '/resources?q=adaptive+teaching')
const pack = (await senco.locator('main h3').allTextContents()).map(t => t.trim())
checks.expect(pack.includes('Adaptive teaching: a guide for classroom staff'), 'the adaptive teaching pack is found')
checks.expect(!pack.includes('Outreach visits: writing a brief report'), 'trust staff guidance is not shown to a school')
await senco.goto(resourceUrl)
await axe(senco, 'resource-school' + suffix)
const latest = await senco.request.get(resourceUrl + '/file')
checks.expect((await latest.text()).includes('version two'), 'the download is the current version')

await browser.close()
console.log(checks.failures === 0 ? 'resources: passed' : `resources: ${checks.failures} failures`)
process.exit(checks.failures === 0 ? 0 : 1)
