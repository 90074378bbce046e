// Keyboard only: a SENCO completes the request form and a coordinator triages it with
// Tab, arrows, typing and Enter; focus is always visible and on screen, and after an error
// focus moves to the error summary (WCAG 2.1.1, 2.4.7, 2.4.11).
import { launch, signIn, Checks, day } from './lib.mjs'

const base = process.argv[2]
const checks = new Checks()
const browser = await launch()

async function tabTo (page, selector, limit = 250) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const state = await page.evaluate(sel => {
      const el = document.activeElement
      if (!el) return { match: false }
      const style = getComputedStyle(el)
      const rect = el.getBoundingClientRect()
      return {
        match: el.matches(sel),
        visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
        onScreen: rect.bottom > 0 && rect.top < window.innerHeight && rect.right > 0 && rect.left < window.innerWidth
      }
    }, selector)
    if (state.match) {
      checks.expect(state.visible, `focus is visible on ${selector}`)
      checks.expect(state.onScreen, `focused ${selector} is on screen`)
      return
    }
  }
  checks.expect(false, `reached ${selector} with Tab`)
}

async function pressEnterAndWait (page) {
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
}

async function type (page, selector, text) {
  await tabTo(page, selector)
  await page.keyboard.type(text)
}

// A date input: day, Tab, month, Tab, year, as a keyboard user moves through its boxes.
async function typeDate (page, id, iso) {
  const [y, m, d] = iso.split('-')
  await type(page, '#' + id, String(Number(d)))
  await page.keyboard.press('Tab')
  await page.keyboard.type(String(Number(m)))
  await page.keyboard.press('Tab')
  await page.keyboard.type(y)
}

const senco = await signIn(browser, base, 'senco')
await senco.goto(base + '/requests/new')
await tabTo(senco, '#kind')
await senco.keyboard.press('Space')
await type(senco, '#pupils-0-ref', 'KB')
await tabTo(senco, 'button[value=submit]')
await pressEnterAndWait(senco)
checks.expect(await senco.evaluate(() => !!document.activeElement.closest('.govuk-error-summary')),
  'after an error, focus is on the error summary')
await type(senco, '#pupils-0-year_group', 'Y3')
await type(senco, '#pupils-0-need_route', 'SEN')
await type(senco, '#pupils-0-primary_need', 'Aut')
await tabTo(senco, '#consent-type')
await senco.keyboard.press('Space')
await typeDate(senco, 'consent-obtained_on', day(-1))
await type(senco, '#consent-obtained_by', 'Keyboard User')
await tabTo(senco, 'input[name=expertise_level]')
await senco.keyboard.press('ArrowDown')
await typeDate(senco, 'preferred_date', day(12))
await type(senco, '#concern', 'Completed with the keyboard alone.')
await tabTo(senco, 'button[value=submit]')
await pressEnterAndWait(senco)
checks.expect(/\/requests\/\d+$/.test(senco.url()), 'request submitted with the keyboard: ' + senco.url() + ' ' + (await senco.locator('.govuk-error-summary li').allTextContents().catch(() => [])).join('; '))
const requestUrl = senco.url()

const coordinator = await signIn(browser, base, 'coordinator')
await coordinator.goto(requestUrl)
await tabTo(coordinator, '#decision')
await coordinator.keyboard.press('Space')
await type(coordinator, '#expertise_level', 'Teacher')
await tabTo(coordinator, 'form[action$="/triage"] button')
await pressEnterAndWait(coordinator)
checks.expect((await coordinator.textContent('body')).includes('Decision saved'), 'triaged with the keyboard')
await checks.axe(coordinator, 'keyboard-triaged')

await browser.close()
console.log(`keyboard: ${checks.failures} failures`)
process.exit(checks.failures > 0 ? 1 : 0)
