// The front door and the partnerships lead's work, as their users do it, with axe-core on
// each page: the public offer and an enquiry, registering and being approved, an invitation
// accepted, and the lead's enquiries queue and partnerships. Run with SENDHUB_JS=off too.
// Usage: node tests/browser/front_door.mjs BASE_URL   (sign-ins in SENDHUB_LOGINS, email in
// SENDHUB_MAIL_DIR)
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { signIn, Checks, day, runMode, fillDate } from './lib.mjs'

const checks = new Checks()
const { base, jsOff, suffix, options, browser, axe } = await runMode(checks)
const mailDir = process.env.SENDHUB_MAIL_DIR
const stamp = Date.now().toString(36) + (jsOff ? 'n' : 'j')

async function submitAndWait (page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}
const errorsShown = async page => (await page.locator('.govuk-error-summary li').allTextContents()).join('; ')

// The link in the newest email of `kind` to `email`, waiting for the mailer to write it.
async function emailedLink (kind, email, marker) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const files = readdirSync(mailDir).filter(f => f.endsWith(`-${kind}.eml`))
      .sort((a, b) => parseInt(b) - parseInt(a))
    for (const f of files) {
      const text = readFileSync(join(mailDir, f), 'utf8')
      if (!text.includes(`To: ${email}\r`)) continue
      const at = text.indexOf(marker)
      if (at >= 0) return text.slice(at).split(/[\r\n ]/)[0]
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return ''
}

// Anyone: the offer, then an enquiry put right after a mistake.
const visitor = await (await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', ...options })).newPage()
await visitor.goto(base + '/offer')
await axe(visitor, 'public-offer' + suffix)
checks.expect((await visitor.textContent('main')).includes('a day'), 'the offer shows day rates')
await visitor.click('a:has-text("Send an enquiry")')
await visitor.fill('#name', 'Kim Doyle')
await submitAndWait(visitor, 'button:has-text("Send enquiry")')
checks.expect((await errorsShown(visitor)).includes('Enter your school or organisation'), 'a missing organisation is named: ' + await errorsShown(visitor))
await axe(visitor, 'public-contact-errors' + suffix)
checks.expect(await visitor.inputValue('#name') === 'Kim Doyle', 'typed name kept after an error')
await visitor.fill('#email', `kim.${stamp}@example.org`)
await visitor.fill('#organisation', 'Riverside Primary School')
await visitor.check('input[name=topic][value=outreach]')
await visitor.fill('#message', 'Could someone visit to advise our teaching assistants?')
await submitAndWait(visitor, 'button:has-text("Send enquiry")')
checks.expect(visitor.url().endsWith('/contact/sent'), 'the enquiry is sent: ' + visitor.url())
await axe(visitor, 'public-contact-sent' + suffix)

// A school's member of staff registers.
const email = `new.${stamp}@school.example.org`
await visitor.goto(base + '/register')
await axe(visitor, 'public-register' + suffix)
await visitor.fill('#q', 'Primary')
await submitAndWait(visitor, 'button:has-text("Find your school")')
await axe(visitor, 'public-register-found' + suffix)
await submitAndWait(visitor, 'main ul a[href^="/register?urn="]')
await visitor.fill('#name', 'Nia Evans')
await visitor.fill('#email', email)
await visitor.fill('#password', 'short')
await submitAndWait(visitor, 'button:has-text("Register")')
const registerErrors = await errorsShown(visitor)
checks.expect(registerErrors.includes('12 characters'), 'a short password is refused: ' + registerErrors)
checks.expect(registerErrors.includes('role'), 'the role is asked for: ' + registerErrors)
await axe(visitor, 'public-register-errors' + suffix)
await visitor.check('input[name=role][value=headteacher]')
await visitor.fill('#password', 'a quiet river in spring')
await submitAndWait(visitor, 'button:has-text("Register")')
checks.expect(visitor.url().endsWith('/register/sent'), 'registered: ' + visitor.url() + ' ' + await errorsShown(visitor))
const verify = await emailedLink('registration_verify', email, 'http')
checks.expect(verify.includes('/register/verify?token='), 'a verification link is emailed')
await visitor.goto(verify.replace(/^https?:\/\/[^/]+/, base))
checks.expect((await visitor.textContent('h1')).includes('confirmed'), 'the email address is confirmed')
await axe(visitor, 'public-register-verified' + suffix)

// The partnerships lead approves it, invites someone, and works the enquiries.
const lead = await signIn(browser, base, 'partnerships', options)
await axe(lead, 'partnerships-home' + suffix)
await lead.goto(base + '/registrations')
const card = lead.locator('.govuk-summary-card', { hasText: email })
checks.expect(await card.count() === 1, 'the new registration waits for approval')
await Promise.all([lead.waitForNavigation(), card.locator('button:has-text("Approve")').click()])
checks.expect((await lead.textContent('.govuk-notification-banner')).includes('can now sign in'), 'approved')
const person = await signIn(browser, base, 'partnerships', options)
await person.context().clearCookies()
await person.goto(base + '/login')
await person.fill('#email', email)
await person.fill('#password', 'a quiet river in spring')
await submitAndWait(person, 'button[type=submit]')
checks.expect((await person.textContent('header')).includes('Headteacher'), 'the registered headteacher signs in')
await axe(person, 'headteacher-home' + suffix)

const invited = `invited.${stamp}@school.example.org`
await lead.goto(base + '/invitations')
await axe(lead, 'partnerships-invitations' + suffix)
await lead.fill('#email', invited)
await lead.check('input[name=role][value=senco]')
const urn = new URL(visitor.url()).searchParams.get('urn') ?? (await lead.evaluate(async () =>
  (await (await fetch('/api/v1/schools?limit=1')).json()).items[0].urn))
await lead.fill('#school_urn', String(urn))
await submitAndWait(lead, 'button:has-text("Send invitation")')
checks.expect((await lead.textContent('main')).includes(invited), 'the invitation is listed')
const accept = await emailedLink('invitation', invited, 'http')
checks.expect(accept.includes('/invitations/accept?token='), 'an invitation link is emailed')
const newcomer = await (await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', ...options })).newPage()
await newcomer.goto(accept.replace(/^https?:\/\/[^/]+/, base))
await axe(newcomer, 'public-invitation-accept' + suffix)
await newcomer.fill('#name', 'Rae Kim')
await newcomer.fill('#password', 'a quiet river in spring')
await submitAndWait(newcomer, 'button:has-text("Create your account")')
checks.expect(newcomer.url().includes('/login'), 'accepting leads to sign-in')
await newcomer.fill('#email', invited)
await newcomer.fill('#password', 'a quiet river in spring')
await submitAndWait(newcomer, 'button[type=submit]')
checks.expect((await newcomer.textContent('header')).includes('School SENCO'), 'the invited SENCO signs in')

await lead.goto(base + '/enquiries?status=new')
await axe(lead, 'partnerships-enquiries' + suffix)
await submitAndWait(lead, 'main table a')
await lead.selectOption('#user_id', { index: 1 })
await submitAndWait(lead, 'button:has-text("Assign")')
await lead.fill('#text', 'Rang the school and offered a visit.')
await submitAndWait(lead, 'button:has-text("Add note")')
checks.expect((await lead.textContent('main')).includes('Rang the school'), 'the note is shown')
await axe(lead, 'partnerships-enquiry' + suffix)
await submitAndWait(lead, 'button:has-text("Close enquiry")')
checks.expect((await lead.textContent('main')).includes('Closed'), 'the enquiry is closed')

await lead.goto(base + '/partnerships/new')
await lead.fill('#model', 'Service buy-back')
await submitAndWait(lead, 'button:has-text("Record partnership")')
const partnershipErrors = await errorsShown(lead)
checks.expect(partnershipErrors.includes('partner school'), 'a partner is needed: ' + partnershipErrors)
await axe(lead, 'partnerships-new-errors' + suffix)
await lead.fill('#school_urns', String(urn))
await fillDate(lead, 'starts_on', day(0))
await fillDate(lead, 'review_due_on', day(180))
await lead.check('input[name=services][value=outreach]')
await lead.fill('#lead_contact-name', 'Dana Hughes')
await submitAndWait(lead, 'button:has-text("Record partnership")')
checks.expect(/\/partnerships\/\d+$/.test(lead.url()), 'the partnership is recorded: ' + await errorsShown(lead))
await axe(lead, 'partnerships-show' + suffix)
await lead.goto(base + '/partnerships?review=due')
await axe(lead, 'partnerships-reviews-due' + suffix)

await browser.close()
console.log(`front door${suffix}: ${checks.failures} failures`)
process.exit(checks.failures > 0 ? 1 : 0)
