// The web application's one script. Pages declare the behaviour they need with data-module="name"; each module lives
// in ./modules/name.js and is loaded only on pages that use it (so the map and chart libraries are fetched only there).
import { initAll as initGovUk } from 'govuk-frontend';
import { initAll as initMoj } from '@ministryofjustice/frontend';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported');
}

initGovUk();
initMoj();

for (const element of document.querySelectorAll('[data-tw-module]')) {
  const name = element.dataset.twModule;
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    continue;
  }

  import(`./modules/${name}.js`)
    .then(module => module.default(element))
    .catch(error => console.error(`Module ${name} failed to start`, error));
}
