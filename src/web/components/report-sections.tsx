/**
 * A report version to read: its sections in the template's order, each with its number and title
 * in the UI language and its text in the report's language and direction, paragraph by paragraph.
 * The text is the delegates' own plain text, shown as text (never as markup).
 */
import { isLang } from '../../domain/language-codes.js';
import { dirOf, useI18n } from '../i18n/i18n-context.js';
import type { ReportTemplate, ReportVersion } from './reports-api.js';

/** Paragraphs are separated by blank lines; single line breaks stay inside a paragraph. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n+/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

export function ReportSections({
  version,
  template,
  reportLang,
}: {
  readonly version: ReportVersion;
  readonly template: ReportTemplate;
  readonly reportLang: string;
}) {
  const { t, lang } = useI18n();
  const textLang = isLang(reportLang) ? reportLang : 'en';
  return (
    <section className="report-sections" aria-labelledby="report-sections-title">
      <h2 id="report-sections-title">{t('report.sections')}</h2>
      {template.sections.map((section) => {
        const paragraphs = paragraphsOf(version.sections[section.id] ?? '');
        return (
          <section
            key={section.id}
            className="report-section"
            id={`section-${section.id}`}
            aria-labelledby={`section-${section.id}-title`}
          >
            <h3 id={`section-${section.id}-title`} className="report-section-title">
              <span className="section-number">{section.number}</span> {section.title[lang]}
            </h3>
            {paragraphs.length === 0 ? (
              <p className="empty">{t('report.empty')}</p>
            ) : (
              <div className="report-text" lang={textLang} dir={dirOf(textLang)}>
                {paragraphs.map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
              </div>
            )}
          </section>
        );
      })}
    </section>
  );
}
