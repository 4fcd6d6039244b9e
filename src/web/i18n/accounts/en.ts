/**
 * English strings of accounts: the header's account corner, the login page, the notes that stand
 * in for a write form the reader may not use, and the audit log. en.ts spreads them in, so they
 * are ordinary message keys and every other language must give them all.
 */
export const accountsEn = {
  'auth.logIn': 'Log in',
  'auth.logOut': 'Log out',
  'auth.loggingOut': 'Logging out…',
  'auth.logOutFailed': 'Could not log out; try again.',
  'auth.signedIn': 'Signed in',
  'auth.audit': 'Audit log',
  'role.admin': 'Administrator',
  'role.secretariat': 'Secretariat',
  'role.delegate': 'Delegate',
  'role.analyst': 'Analyst',

  'login.title': 'Log in',
  'login.intro':
    'Delegates, analysts, the secretariat and administrators log in with the account they were given. Reading needs no account.',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.sending': 'Logging in…',
  'login.missing': 'Give your user name and your password.',
  'login.failed': 'Could not log in',
  'login.already': 'You are signed in as {name}.',
  'login.continue': 'Continue',

  'gate.documents': 'Uploading documents is for the secretariat.',
  'gate.alignments': 'Correcting alignments is for the secretariat.',
  'gate.glossary': 'Editing the glossary is for the secretariat.',
  'gate.evidence': 'Reviewing evidence is for analysts and the secretariat.',
  'gate.assessments': 'Recording assessments is for analysts.',
  'gate.reports': 'Writing a national report is for the delegates of its State.',
  'gate.audit': 'The audit log is for administrators.',
  'gate.logIn': 'Log in',
  'gate.signedInAs': 'You are signed in as {name} ({role}).',
  'gate.signsAs': 'Signed in as {name}: what you record here is signed “{username}”.',

  'audit.title': 'Audit log',
  'audit.intro':
    'Every sign-in and every change, newest first. Each entry holds the hash of the one before it, so an entry altered or removed breaks the chain.',
  'audit.chain': 'Hash chain',
  'audit.verify': 'Verify the chain',
  'audit.verifying': 'Verifying…',
  'audit.intact': 'The chain is intact: {entries} entries, the newest is #{seq} ({hash}…).',
  'audit.broken': 'The chain is broken: {count} problems in {entries} entries.',
  'audit.finding': 'Entry #{seq}: {problem}.',
  'audit.problem.altered': 'altered',
  'audit.problem.missing': 'missing',
  'audit.problem.truncated': 'truncated',
  'audit.verifyFailed': 'The chain could not be verified',
  'audit.actor': 'Who (user name)',
  'audit.action': 'Action',
  'audit.target': 'Subject',
  'audit.filter': 'Filter',
  'audit.clear': 'Clear the filters',
  'audit.none': 'No entry matches these filters.',
  'audit.range': 'Entries {from}–{to} of {total}, newest first',
  'audit.pages': 'Pages',
  'audit.newer': 'Newer',
  'audit.older': 'Older',
  'audit.col.seq': 'No.',
  'audit.col.at': 'When',
  'audit.col.actor': 'Who',
  'audit.col.action': 'Action',
  'audit.col.target': 'Subject',
  'audit.col.detail': 'Details',
  'audit.col.hash': 'Hash',
} as const;

export type AccountsMessages = Readonly<Record<keyof typeof accountsEn, string>>;
