/**
 * The header's account corner: "Log in" for the public (back to the page afterwards); for someone
 * signed in, their name, role and State, the audit log for administrators, and "Log out".
 */
import { useState } from 'react';
import type { SessionUser } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { auditHref, currentPath, loginHref, useLocation } from '../router.js';
import { logOut, useSession } from '../session.js';
import { useStateNames } from '../use-names.js';
import { Link } from './link.js';

export function UserMenu() {
  const { t } = useI18n();
  const session = useSession();
  const { route } = useLocation();
  // Keeps its place while the session loads, so the header does not jump.
  if (session.status === 'loading') return <div className="user-menu" />;
  if (session.user === null) {
    if (route.page === 'login') return <div className="user-menu" />;
    return (
      <div className="user-menu">
        <Link href={loginHref(currentPath())} className="login-link">
          {t('auth.logIn')}
        </Link>
      </div>
    );
  }
  return <SignedInMenu user={session.user} />;
}

function SignedInMenu({ user }: { readonly user: SessionUser }) {
  const { t } = useI18n();
  const [leaving, setLeaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const leave = () => {
    setLeaving(true);
    setFailed(false);
    logOut().then(
      () => setLeaving(false),
      () => {
        setLeaving(false);
        setFailed(true);
      },
    );
  };
  return (
    <div className="user-menu" aria-label={t('auth.signedIn')} role="group">
      <span className="user-who">
        <span className="user-name" dir="auto">
          {user.displayName}
        </span>
        <span className="user-role">
          {t(`role.${user.role}`)}
          {user.stateCode !== null && (
            <>
              {' · '}
              <StateName code={user.stateCode} />
            </>
          )}
        </span>
      </span>
      {user.role === 'admin' && (
        <Link href={auditHref()} className="user-link">
          {t('auth.audit')}
        </Link>
      )}
      <button type="button" className="logout-button" disabled={leaving} onClick={leave}>
        {leaving ? t('auth.loggingOut') : t('auth.logOut')}
      </button>
      {failed && (
        <span role="alert" className="user-error">
          {t('auth.logOutFailed')}
        </span>
      )}
    </div>
  );
}

function StateName({ code }: { readonly code: string }) {
  const nameOf = useStateNames();
  return <>{nameOf(code)}</>;
}
