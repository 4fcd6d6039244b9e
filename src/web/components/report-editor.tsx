/**
 * The section editor of a delegate's own report: every section of the template as a textarea
 * beside its guidance and the actions it reports on, saved by itself a second after typing stops
 * and when the field is left (report-autosave.ts decides what is sent, on which base, and what a
 * 409 means). Each section says where its text stands (saving, saved at 10:42, not saved); a
 * section someone else changed meanwhile shows both texts side by side until the delegate keeps
 * theirs or their own. The workflow buttons wait until everything is saved.
 */
import { useEffect, useReducer, useRef } from 'react';
import { isLang } from '../../domain/language-codes.js';
import { ApiError } from '../api-client.js';
import { dirOf, useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { useActionLabel } from './action-labels.js';
import { Link } from './link.js';
import { actionNumberOf } from './monitoring-terms.js';
import {
  editorReducer,
  hasUnsaved,
  initialEditorState,
  nextSave,
  readConflict,
  type EditorEvent,
  type SectionDraft,
} from './report-autosave.js';
import { useDateTimeFormats } from './report-bits.js';
import { ReportWorkflow } from './report-workflow.js';
import {
  saveSection,
  type Report,
  type ReportTemplate,
  type TemplateSection,
} from './reports-api.js';

/** Typing pauses this long before the section is saved. */
export const AUTOSAVE_DELAY_MS = 1000;

export function ReportEditor({
  report,
  template,
  onChanged,
}: {
  readonly report: Report;
  readonly template: ReportTemplate;
  /** The report changed status or version: reload it (its buttons and facts). */
  readonly onChanged: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const latest = report.versions.at(-1)!;
  const [state, dispatch] = useReducer(editorReducer, undefined, () =>
    initialEditorState(
      { version: latest.version, revision: latest.revision },
      latest.sections,
      template.sections.map((section) => section.id),
    ),
  );
  const timers = useRef(new Map<string, number>());
  const reportId = report.id;

  // One save at a time: when none is in flight, the next in the queue goes, on the newest base.
  useEffect(() => {
    const next = nextSave(state);
    if (next === null) return;
    dispatch({ type: 'sent', section: next.section });
    saveSection(reportId, next.section, {
      text: next.text,
      baseVersion: next.base.version,
      baseRevision: next.base.revision,
    }).then(
      (result) =>
        dispatch({
          type: 'saved',
          section: next.section,
          result,
          at: result.updatedAt,
        }),
      (error: unknown) => {
        const theirs =
          error instanceof ApiError && error.status === 409 ? readConflict(error.detail) : null;
        dispatch(
          theirs === null
            ? {
                type: 'failed',
                section: next.section,
                error:
                  error instanceof ApiError
                    ? { code: error.code, message: error.message }
                    : { code: 'client_error', message: String(error) },
              }
            : { type: 'conflict', section: next.section, theirs },
        );
      },
    );
  }, [state, reportId]);

  // A save that started a new version changed the report's status and buttons.
  const started = state.versionsStarted;
  useEffect(() => {
    if (started > 0) onChanged();
    // onChanged is the page's reload; only a new version calls it.
  }, [started]);

  // Leaving the page with text unsaved asks first (the browser's own question).
  const unsaved = hasUnsaved(state);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
    };
  }, []);

  const send = (event: EditorEvent) => dispatch(event);
  const typed = (section: string, text: string) => {
    send({ type: 'typed', section, text });
    window.clearTimeout(timers.current.get(section));
    timers.current.set(
      section,
      window.setTimeout(() => send({ type: 'flush', section }), AUTOSAVE_DELAY_MS),
    );
  };
  const left = (section: string) => {
    window.clearTimeout(timers.current.get(section));
    send({ type: 'flush', section });
  };

  return (
    <>
      <ReportWorkflow
        report={report}
        unsaved={unsaved}
        onDone={onChanged}
        revision={state.base.version === latest.version ? state.base.revision : undefined}
      />
      <section className="report-editor" aria-labelledby="report-editor-title">
        <h2 id="report-editor-title">{t('editor.title')}</h2>
        <p className="muted">{t('editor.intro')}</p>
        {report.editStartsVersion && state.versionsStarted === 0 && (
          <p className="notice">
            {t('editor.startsVersion', {
              version: formatNumber(latest.version),
              status: t(`reportStatus.${latest.status}`),
              next: formatNumber(latest.version + 1),
            })}
          </p>
        )}
        {template.sections.map((section) => (
          <SectionEditor
            key={section.id}
            section={section}
            draft={state.sections[section.id]!}
            reportLang={report.lang}
            onType={(text) => typed(section.id, text)}
            onLeave={() => left(section.id)}
            onKeepMine={() => send({ type: 'keepMine', section: section.id })}
            onTakeTheirs={() => send({ type: 'takeTheirs', section: section.id })}
            onRetry={() => send({ type: 'retry', section: section.id })}
          />
        ))}
      </section>
    </>
  );
}

function SectionEditor({
  section,
  draft,
  reportLang,
  onType,
  onLeave,
  onKeepMine,
  onTakeTheirs,
  onRetry,
}: {
  readonly section: TemplateSection;
  readonly draft: SectionDraft;
  readonly reportLang: string;
  readonly onType: (text: string) => void;
  readonly onLeave: () => void;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
  readonly onRetry: () => void;
}) {
  const { t, lang } = useI18n();
  const textAttrs = useTextAttrs();
  const label = useActionLabel();
  const titleId = `section-${section.id}-title`;
  const statusId = `section-${section.id}-status`;
  const textLang = isLang(reportLang) ? reportLang : 'en';
  // Guidance is written in English and Chinese; Chinese readers get theirs.
  const guidanceLang = lang === 'zh' ? 'zh' : 'en';
  return (
    <section
      className={`report-section-edit is-${draft.status}`}
      id={`section-${section.id}`}
      aria-labelledby={titleId}
    >
      <h3 id={titleId} className="report-section-title">
        <span className="section-number">{section.number}</span> {section.title[lang]}
      </h3>
      <div className="report-section-body">
        <div className="report-section-main">
          <textarea
            aria-labelledby={titleId}
            aria-describedby={statusId}
            lang={textLang}
            dir={dirOf(textLang)}
            rows={9}
            value={draft.text}
            onChange={(event) => onType(event.target.value)}
            onBlur={onLeave}
          />
          <SaveStatus draft={draft} id={statusId} onRetry={onRetry} />
        </div>
        <aside
          className="report-guidance"
          aria-label={t('editor.guidanceFor', { number: section.number })}
        >
          <h4>{t('editor.guidance')}</h4>
          <p className="guidance-origin">{t('editor.guidanceOrigin')}</p>
          <p className="guidance-text" {...textAttrs(guidanceLang)}>
            {section.guidance[guidanceLang]}
          </p>
          <h4>{t('editor.actions')}</h4>
          <ul className="section-actions">
            {section.actions.map((action) => (
              <li key={action}>
                <Link href={`/actions/${action}`}>{label({ number: actionNumberOf(action) })}</Link>
              </li>
            ))}
          </ul>
        </aside>
      </div>
      {draft.status === 'conflict' && draft.theirs !== null && (
        <ConflictPanel
          draft={draft}
          textLang={textLang}
          onKeepMine={onKeepMine}
          onTakeTheirs={onTakeTheirs}
        />
      )}
    </section>
  );
}

function SaveStatus({
  draft,
  id,
  onRetry,
}: {
  readonly draft: SectionDraft;
  readonly id: string;
  readonly onRetry: () => void;
}) {
  const { t } = useI18n();
  const { formatTime } = useDateTimeFormats();
  return (
    <div className={`save-status save-${draft.status}`}>
      {/* Always present, so screen readers already watch it when the status changes. */}
      <p role="status" id={id}>
        {draft.status === 'dirty' && t('editor.save.dirty')}
        {draft.status === 'saving' && t('editor.save.saving')}
        {draft.status === 'saved' &&
          draft.savedAt !== null &&
          t('editor.save.saved', { time: formatTime(draft.savedAt) })}
        {draft.status === 'failed' && t('editor.save.failed')}
        {draft.status === 'conflict' && t('editor.save.conflict')}
      </p>
      {draft.status === 'failed' && draft.error !== null && (
        <>
          <p lang="en" dir="ltr" className="error-message">
            {draft.error.message}
          </p>
          <button type="button" className="button button-quiet" onClick={onRetry}>
            {t('editor.retry')}
          </button>
        </>
      )}
    </div>
  );
}

function ConflictPanel({
  draft,
  textLang,
  onKeepMine,
  onTakeTheirs,
}: {
  readonly draft: SectionDraft;
  readonly textLang: string;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
}) {
  const { t } = useI18n();
  const { formatDateTime } = useDateTimeFormats();
  const theirs = draft.theirs!;
  const attrs = { lang: textLang, dir: isLang(textLang) ? dirOf(textLang) : ('auto' as const) };
  return (
    <div className="conflict-panel" role="group" aria-label={t('conflict.title')}>
      <h4>{t('conflict.title')}</h4>
      <p>{t('conflict.intro')}</p>
      <div className="conflict-texts">
        <section className="conflict-text conflict-theirs">
          <h5>{t('conflict.theirs')}</h5>
          <p className="conflict-meta">
            {t('conflict.theirsBy', {
              name: theirs.updatedBy,
              time: formatDateTime(theirs.updatedAt),
            })}
          </p>
          <div className="conflict-body" {...attrs}>
            {theirs.text === '' ? (
              <span className="empty">{t('conflict.empty')}</span>
            ) : (
              theirs.text
            )}
          </div>
        </section>
        <section className="conflict-text conflict-yours">
          <h5>{t('conflict.yours')}</h5>
          <p className="conflict-meta">{t('conflict.yoursNote')}</p>
          <div className="conflict-body" {...attrs}>
            {draft.text === '' ? <span className="empty">{t('conflict.empty')}</span> : draft.text}
          </div>
        </section>
      </div>
      <div className="conflict-actions">
        <button type="button" className="button" onClick={onKeepMine}>
          {t('conflict.keepMine')}
        </button>
        <button type="button" className="button button-quiet" onClick={onTakeTheirs}>
          {t('conflict.takeTheirs')}
        </button>
      </div>
    </div>
  );
}
