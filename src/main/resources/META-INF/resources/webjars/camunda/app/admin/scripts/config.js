// AccountFlow's Admin: Camunda's defaults plus AccountFlow's script (sign-in and sign-out on AccountFlow's own page).
export default {
  customScripts: ['../tasklist/scripts/accountflow'],
  disableWelcomeMessage: true
};
