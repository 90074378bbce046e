// Shared helpers of the browser suite: launching Debian's Chromium, signing in, axe-core.
import { chromium } from 'playwright-core'
import { readFileSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8')
export const screenshotDir = pathToFileURL(resolve(process.env.SENDHUB_SCREENSHOT_DIR ??
  fileURLToPath(new URL('../../docs/screenshots', import.meta.url))) + '/')
mkdirSync(screenshotDir, { recursive: true })

export const logins = Object.fromEntries((process.env.SENDHUB_LOGINS ?? '').split(',').filter(Boolean).map(pair => {
  const [role, rest] = pair.split('=')
  const [email, password] = rest.split(':')
  return [role, { email, password }]
}))

export const day = offset => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10)

// The school's most recent school days before today, newest first, as the server counts them
// (weekends, bank holidays and recorded holidays are not school days). `page` is signed in
// as someone who may see the school.
// An ISO date ("2027-02-15") as pages show it ("15 February 2027").
export function readableDate (iso) {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December']
  const [y, m, d] = iso.split('-').map(Number)
  return `${d} ${months[m - 1]} ${y}`
}

// Types an ISO date ("2026-12-14") into a GOV.UK date input's three boxes as a person would.
export async function fillDate (page, id, iso) {
  const [y, m, d] = iso.split('-')
  await page.fill(`#${id}`, String(Number(d)))
  await page.fill(`#${id}-month`, String(Number(m)))
  await page.fill(`#${id}-year`, y)
}

export async function pastSchoolDays (page, base, urn) {
  const r = await page.context().request.get(`${base}/api/v1/school-days?school_urn=${urn}&from=${day(-28)}&to=${day(-1)}`)
  const items = (await r.json()).items
  return items.filter(i => i.school_day).map(i => i.date).reverse()
}

export async function launch () {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']
  })
}

export class Checks {
  constructor () { this.failures = 0 }
  expect (condition, message) {
    if (!condition) { this.failures++; console.log('FAIL ' + message) }
  }

  // axe-core with the WCAG 2.2 AA tags; evaluated over CDP, because our CSP rightly
  // blocks injected inline scripts.
  async axe (page, name, screenshot = false) {
    await page.evaluate(axeSource)
    const result = await page.evaluate(async () => await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
    }))
    for (const v of result.violations) {
      this.failures++
      console.log(`AXE FAIL ${name}: ${v.id} ${v.help} -> ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
    }
    if (screenshot) await page.screenshot({ path: new URL(name + '.png', screenshotDir).pathname, fullPage: true })
    console.log(`ok ${name} (${result.violations.length} axe violations)`)
  }
}

// Clicks a link or button and waits for the page it leads to.
export async function follow (page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

export async function signIn (browser, base, role, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', ...options })
  const page = await context.newPage()
  await page.goto(base + '/login')
  await page.fill('#email', logins[role].email)
  await page.fill('#password', logins[role].password)
  await page.click('button[type=submit]')
  return page
}

// What a script run needs: the base URL, whether JavaScript is off (SENDHUB_JS=off), the
// screenshot suffix for that mode, and an axe check that is skipped without JavaScript
// (nothing, axe included, can run inside the page then; the JS-on run checks the same pages).
export async function runMode (checks) {
  const jsOff = process.env.SENDHUB_JS === 'off'
  return {
    base: process.argv[2],
    jsOff,
    suffix: jsOff ? '-nojs' : '',
    options: { javaScriptEnabled: !jsOff },
    browser: await launch(),
    axe: jsOff ? async () => {} : (page, name, screenshot = true) => checks.axe(page, name, screenshot)
  }
}
