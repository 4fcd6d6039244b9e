/**
 * `/login?next=…`: user name and password, the server's own words when it refuses (one message
 * for any failure, or "too many failed logins"), then back to the page the reader came from. The
 * password goes only to the API; the session is an HttpOnly cookie the page never sees.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api-client.js';
import { Link } from '../components/link.js';
import { useI18n } from '../i18n/i18n-context.js';
import { navigate, readLoginNext, useLocation } from '../router.js';
import { logIn, useSession } from '../session.js';
import { useDocumentTitle } from '../use-document-title.js';

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly error: ApiError };

export function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(t('login.title'));
  const id = useId();
  const { query } = useLocation();
  const next = readLoginNext(query);
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') return setOutcome({ kind: 'missing' });
    setOutcome({ kind: 'sending' });
    logIn(username.trim(), password).then(
      () => navigate(next, { replace: true }),
      (error: unknown) => {
        setPassword('');
        setOutcome({
          kind: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error)),
        });
      },
    );
  };

  const signedIn =
    session.status === 'ready' && session.user !== null && outcome.kind !== 'sending'
      ? session.user
      : null;
  const sending = outcome.kind === 'sending';
  return (
    <div className="login-page">
      <h1>{t('login.title')}</h1>
      <p className="lede">{t('login.intro')}</p>
      {signedIn !== null && (
        <p className="notice login-already">
          {t('login.already', { name: signedIn.displayName })}{' '}
          <Link href={next}>{t('login.continue')}</Link>
        </p>
      )}
      <form
        className="login-form"
        onSubmit={submit}
        aria-busy={sending}
        aria-describedby={outcome.kind === 'idle' ? undefined : `${id}-outcome`}
        noValidate
      >
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('login.username')}</label>
          <input
            id={`${id}-username`}
            name="username"
            type="text"
            dir="ltr"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={100}
            value={username}
            aria-invalid={outcome.kind === 'missing' && username.trim() === ''}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('login.password')}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            dir="ltr"
            autoComplete="current-password"
            maxLength={1000}
            value={password}
            aria-invalid={outcome.kind === 'missing' && password === ''}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={sending}>
            {sending ? t('login.sending') : t('login.submit')}
          </button>
        </div>
        <div id={`${id}-outcome`}>
          {outcome.kind === 'missing' && (
            <p className="field-error" role="alert">
              {t('login.missing')}
            </p>
          )}
          {outcome.kind === 'failed' && (
            <div className="status-error" role="alert">
              <h2>{t('login.failed')}</h2>
              {/* The API's words (English), marked so screen readers read them as such. */}
              <p lang="en" dir="ltr" className="error-message">
                {outcome.error.message}
              </p>
            </div>
          )}
        </div>
      </form>
    </div>
  );
}
