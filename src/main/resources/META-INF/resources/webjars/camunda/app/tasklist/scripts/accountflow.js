// AccountFlow in the Camunda webapps: sign-in and sign-out happen on AccountFlow's own page, and the page marks
// which apps the person may open, so the styles can hide links that would only lead to "not authorized".
const appRoot = document.querySelector('base').getAttribute('app-root');
const accountFlowRoot = appRoot.replace(/\/camunda$/, '');

// the session is gone (signed out here or elsewhere): AccountFlow's login asks for the password again
function signInOnAccountFlowsPage() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace(accountFlowRoot + '/login?logout');
  }
}

function markOpenableApps() {
  fetch(appRoot + '/api/admin/auth/user/default', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : {authorizedApps: []}))
    .then(user => {
      ['cockpit', 'admin'].forEach(app => {
        document.body.classList.toggle('accountflow-no-' + app, (user.authorizedApps || []).indexOf(app) < 0);
      });
    })
    .catch(() => document.body.classList.add('accountflow-no-cockpit', 'accountflow-no-admin'));
}

// "Start process" only for someone who may start one (Camunda's start permissions decide)
function markWhetherAnythingCanBeStarted() {
  const startable = 'latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true';
  fetch(appRoot + '/api/engine/engine/default/process-definition/count?' + startable,
        {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : {count: 0}))
    .then(result => document.body.classList.toggle('accountflow-nothing-to-start', !(result.count > 0)))
    .catch(() => document.body.classList.add('accountflow-nothing-to-start'));
}

window.addEventListener('hashchange', signInOnAccountFlowsPage);
signInOnAccountFlowsPage();
markOpenableApps();
if (window.location.pathname.indexOf('/app/tasklist/') >= 0) {
  markWhetherAnythingCanBeStarted();
}

export default [];
