// Progressive enhancement only: every page works without this file.
// GOV.UK Frontend components start only where the browser supports them.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled')
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported')
}
initAll()
