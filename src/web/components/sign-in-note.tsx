/**
 * What stands in for a write form the reader may not use: who may use it, and a link to log in
 * (back to this page afterwards) or, for someone signed in with another role, who they are. Read
 * views stay public; only the forms are gated. `WriteGate` shows its form to the roles the server
 * lets write (permissions.ts) and this note to everyone else.
 */
import type { ReactNode } from 'react';
import type { SessionUser } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { mayWrite, type WriteArea } from '../permissions.js';
import { currentPath, loginHref, useLocation } from '../router.js';
import { useSession } from '../session.js';
import { Link } from './link.js';

export function SignInNote({
  area,
  user,
}: {
  readonly area: WriteArea;
  readonly user: SessionUser | null;
}) {
  const { t } = useI18n();
  useLocation(); // re-rendered when the address changes, so the way back stays current
  const here = currentPath();
  return (
    <p className="sign-in-note">
      <span className="sign-in-note-icon" aria-hidden="true" />
      {t(`gate.${area}`)}{' '}
      {user === null ? (
        <Link href={loginHref(here)}>{t('gate.logIn')}</Link>
      ) : (
        t('gate.signedInAs', { name: user.displayName, role: t(`role.${user.role}`) })
      )}
    </p>
  );
}

/** The form for those who may write in `area`, the note for the others; nothing while the
 * session loads (it answers at once), so the form does not flash up and away. */
export function WriteGate({
  area,
  children,
}: {
  readonly area: WriteArea;
  readonly children: (user: SessionUser) => ReactNode;
}) {
  const session = useSession();
  if (session.status === 'loading') return null;
  const { user } = session;
  if (user !== null && mayWrite(user, area)) return <>{children(user)}</>;
  return <SignInNote area={area} user={user} />;
}

/** Above a form: the account its entries are recorded under (the name in their history). */
export function SignedAs({ user }: { readonly user: SessionUser }) {
  const { t } = useI18n();
  return (
    <p className="signed-as">
      {t('gate.signsAs', { name: user.displayName, username: user.username })}
    </p>
  );
}
