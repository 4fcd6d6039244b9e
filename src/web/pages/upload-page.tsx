/**
 * `/documents/upload`: the secretariat sends one or more files, with an optional symbol and
 * language for files that do not state them, as multipart/form-data, and sees what became of each
 * file. Rejections of the whole upload (413 too large, 415 not multipart) get their own
 * explanation. Everyone else is told who may upload, and how to log in.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LANGUAGES } from '../../domain/language-codes.js';
import { ApiError, api } from '../api-client.js';
import type { IngestResponse } from '../api-types.js';
import { Link } from '../components/link.js';
import { SignedAs, WriteGate } from '../components/sign-in-note.js';
import { UploadError, UploadResults } from '../components/upload-results.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useDocumentTitle } from '../use-document-title.js';

/** What the ingest reads; the server decides by content, so this only narrows the picker. */
const ACCEPT = '.txt,.pdf,.docx,.html,.htm,.xml';

type UploadState =
  | { readonly status: 'idle' }
  | { readonly status: 'sending' }
  | { readonly status: 'done'; readonly response: IngestResponse }
  | { readonly status: 'failed'; readonly error: ApiError };

export function UploadPage() {
  const { t } = useI18n();
  useDocumentTitle(t('upload.title'));
  return (
    <div>
      <p className="breadcrumb">
        <Link href="/documents">{t('document.back')}</Link>
      </p>
      <h1>{t('upload.title')}</h1>
      <p className="lede">{t('upload.intro')}</p>
      <WriteGate area="documents">
        {(user) => (
          <>
            <SignedAs user={user} />
            <UploadForm />
          </>
        )}
      </WriteGate>
    </div>
  );
}

function UploadForm() {
  const { t } = useI18n();
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const [noFiles, setNoFiles] = useState(false);
  const files = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the page abandons an upload still in flight.
  useEffect(() => () => controller.current?.abort(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if ((files.current?.files?.length ?? 0) === 0) {
      setNoFiles(true);
      files.current?.focus();
      return;
    }
    setNoFiles(false);
    // Empty optional fields are left out rather than sent as "", which the API would refuse.
    for (const key of ['symbol', 'lang']) {
      const value = form.get(key);
      if (typeof value === 'string' && value.trim() === '') form.delete(key);
      else if (typeof value === 'string') form.set(key, value.trim());
    }
    controller.current?.abort();
    const request = new AbortController();
    controller.current = request;
    setState({ status: 'sending' });
    api.upload(form, request.signal).then(
      (response) => setState({ status: 'done', response }),
      (error: unknown) => {
        if (request.signal.aborted) return;
        const failure =
          error instanceof ApiError
            ? error
            : new ApiError(
                0,
                'client_error',
                error instanceof Error ? error.message : String(error),
              );
        setState({ status: 'failed', error: failure });
      },
    );
  };

  const sending = state.status === 'sending';
  return (
    <>
      <form className="upload-form" onSubmit={submit} aria-busy={sending} noValidate>
        <div className="field field-wide">
          <label htmlFor="upload-files">{t('upload.files')}</label>
          <input
            ref={files}
            id="upload-files"
            name="file"
            type="file"
            multiple
            accept={ACCEPT}
            aria-describedby="upload-files-hint"
            aria-invalid={noFiles || undefined}
            onChange={() => setNoFiles(false)}
          />
          <p id="upload-files-hint" className="field-hint">
            {noFiles ? <strong className="field-error">{t('upload.noFiles')}</strong> : null}{' '}
            {t('upload.filesHint')}
          </p>
        </div>
        <div className="field-row">
          <div className="field field-wide">
            <label htmlFor="upload-symbol">{t('upload.symbol')}</label>
            <input
              id="upload-symbol"
              name="symbol"
              type="text"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              maxLength={300}
              aria-describedby="upload-symbol-hint"
            />
            <p id="upload-symbol-hint" className="field-hint">
              {t('upload.symbolHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="upload-lang">{t('upload.lang')}</label>
            <select id="upload-lang" name="lang" defaultValue="">
              <option value="">{t('upload.langAuto')}</option>
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {t(`langName.${code}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={sending}>
            {sending ? t('upload.sending') : t('upload.submit')}
          </button>
        </div>
      </form>
      {sending && (
        <p className="status-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('upload.sending')}
        </p>
      )}
      {state.status === 'done' && <UploadResults response={state.response} />}
      {state.status === 'failed' && <UploadError error={state.error} />}
    </>
  );
}
