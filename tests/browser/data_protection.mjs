// Children's data, as its users meet it, with axe-core on each page: someone sets up
// two-step sign-in with an authenticator app and signs in with a code and with a recovery
// code; an administrator answers a subject access request and reads the retention schedule.
// Run with SENDHUB_JS=off too.
// Usage: node tests/browser/data_protection.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS)
import { createHmac } from 'node:crypto'
import { signIn, Checks, logins, runMode } from './lib.mjs'

const checks = new Checks()
const { base, jsOff, suffix, options, browser, axe } = await runMode(checks)
const stamp = Date.now().toString(36) + (jsOff ? 'n' : 'j')

async function submitAndWait (page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

// RFC 6238 with SHA-1, as an authenticator app computes it: an independent check of the
// server's codes.
function base32Decode (text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = 0; let value = 0; const out = []
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c); bits += 5
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 255); bits -= 8 }
  }
  return Buffer.from(out)
}
function totp (secret, step = Math.floor(Date.now() / 30000)) {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest()
  const offset = mac[19] & 15
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0')
}

async function api (method, path, body, token) {
  const response = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) },
    body: body ? JSON.stringify(body) : undefined
  })
  return { status: response.status, json: await response.json() }
}
async function apiToken (role) {
  return (await api('POST', '/api/v1/login', logins[role])).json.token
}

// A new member of finance staff, added by the administrator.
const email = `two.step.${stamp}@trust.example.org`
const password = 'a-long-browser-password'
const admin = await apiToken('admin')
const created = await api('POST', '/api/v1/users', { email, name: 'Tess Twostep', role: 'finance', password }, admin)
checks.expect(created.status === 201, 'the administrator adds a user: ' + JSON.stringify(created.json))

const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', ...options })
const page = await context.newPage()
async function signInWithPassword () {
  await page.goto(base + '/login')
  await page.fill('#email', email)
  await page.fill('#password', password)
  await submitAndWait(page, 'button[type=submit]')
}
await signInWithPassword()
await page.click('a:has-text("Two-step sign-in")')
await page.waitForURL(/\/account\/mfa$/)
await axe(page, 'mfa-start' + suffix)
await page.fill('#password', password)
await submitAndWait(page, 'button:has-text("Set up two-step sign-in")')
checks.expect(await page.locator('svg.app-qr-code').count() === 1, 'a QR code is drawn on the page')
await axe(page, 'mfa-scan' + suffix)
const secret = (await page.textContent('.app-secret')).trim()
await page.fill('#code', '000000' === totp(secret) ? '111111' : '000000')
await submitAndWait(page, 'button:has-text("Turn on two-step sign-in")')
checks.expect((await page.textContent('.govuk-error-summary')).includes('6-digit code'), 'a wrong code is named')
checks.expect(await page.locator('svg.app-qr-code').count() === 1, 'the QR code is shown again after a wrong code')
await page.fill('#code', totp(secret))
await submitAndWait(page, 'button:has-text("Turn on two-step sign-in")')
checks.expect((await page.textContent('main')).includes('Keep your recovery codes'), 'recovery codes are shown')
const codes = await page.locator('.app-recovery-codes code').allTextContents()
checks.expect(codes.length === 10, `ten recovery codes (${codes.length})`)
await axe(page, 'mfa-recovery-codes' + suffix)
await submitAndWait(page, 'text=Sign out')

// Signing in now takes the code too, and nobody is signed in before it.
await signInWithPassword()
checks.expect(page.url().includes('/login/mfa'), 'the password leads to the code step: ' + page.url())
await axe(page, 'mfa-sign-in' + suffix)
await page.fill('#mfa_code', 'zzzzz-zzzzz')
await submitAndWait(page, 'button:has-text("Continue")')
checks.expect((await page.textContent('.govuk-error-summary')).includes('not right'), 'a wrong code is refused')
await page.fill('#mfa_code', codes[0])
await submitAndWait(page, 'button:has-text("Continue")')
checks.expect(new URL(page.url()).pathname === '/', 'a recovery code signs in: ' + page.url())
await page.goto(base + '/account/mfa')
checks.expect((await page.textContent('main')).includes('9 unused recovery codes'), 'one recovery code is spent')

// An administrator answers a subject access request for a pupil named in the demo's requests.
const coordinator = await apiToken('coordinator')
const requests = (await api('GET', '/api/v1/requests', null, coordinator)).json.items
const named = requests.find(r => (r.pupils ?? []).length > 0)
checks.expect(named !== undefined, 'the demo holds a request naming a pupil')
const urn = String(named?.school_urn)
const ref = named?.pupils[0].ref ?? 'none'
const adminPage = await signIn(browser, base, 'admin', options)
await adminPage.goto(base + '/audit')
await adminPage.click('a:has-text("Answer a subject access request")')
await axe(adminPage, 'subject-access' + suffix)
await submitAndWait(adminPage, 'button:has-text("Find requests")')
checks.expect((await adminPage.textContent('.govuk-error-summary')).includes("school's URN"), 'a missing URN is named')
await adminPage.fill('#school_urn', urn)
await adminPage.fill('#ref', ref.toLowerCase())
await submitAndWait(adminPage, 'button:has-text("Find requests")')
checks.expect(await adminPage.locator('table a[href^="/requests/"]').count() >= 1, 'the pupil\'s requests are found')
await axe(adminPage, 'subject-access-found' + suffix)
const [download] = await Promise.all([adminPage.waitForEvent('download'), adminPage.click('button:has-text("Download the pupil\'s records")')])
checks.expect(download.suggestedFilename() === `subject-access-${urn}.zip`, 'the records download as a ZIP: ' + download.suggestedFilename())
await adminPage.goto(base + '/retention')
await axe(adminPage, 'retention' + suffix)
checks.expect((await adminPage.textContent('main')).includes('31 years'), 'the retention schedule is shown')

await browser.close()
console.log(checks.failures === 0 ? 'data protection: passed' : `data protection: ${checks.failures} failures`)
process.exit(checks.failures === 0 ? 0 : 1)
