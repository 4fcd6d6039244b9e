/**
 * @module The monitoring report's headings and labels in its six languages (monitoring-report-
 * html.ts renders with them). The Action Plan's own word for "action" is used in each.
 */
import type { AssessmentStatus, MonitoringData, Stance } from '../domain/evidence.js';

type ReportLang = MonitoringData['lang'];

export interface Messages {
  readonly title: string;
  /** `{n}` is the cycle (e.g. 2026). */
  readonly cycle: string;
  /** `{date}` is the formatted date. */
  readonly generated: string;
  readonly disclaimer: string;
  readonly overview: string;
  readonly confirmed: string;
  readonly suggested: string;
  /** `{n}` is the action number. */
  readonly action: string;
  readonly ourSummary: string;
  readonly officialText: string;
  readonly treatyFigures: string;
  readonly source: string;
  readonly assessments: string;
  readonly assessmentsNote: string;
  readonly colState: string;
  readonly colStatus: string;
  readonly colRationale: string;
  readonly colBy: string;
  readonly colDate: string;
  readonly evidence: string;
  readonly states: string;
  readonly language: string;
  readonly stance: string;
  readonly unreviewed: string;
  readonly noEvidence: string;
  /** Running footer: before the page number, between it and the page count, after the count. */
  readonly pageLabel: readonly [string, string, string];
  readonly listSeparator: string;
  readonly assessmentStatus: Readonly<Record<AssessmentStatus, string>>;
  readonly stances: Readonly<Record<Stance, string>>;
}

export const OFFICIAL_SYMBOL = 'NPT/CONF.2010/50 (Vol. I)';

/** Headings and labels per report language. The Action Plan's own word for "action" is used. */
export const MESSAGES: Readonly<Record<ReportLang, Messages>> = {
  en: {
    title: 'Monitoring report: 2010 NPT Action Plan',
    cycle: 'Review cycle {n}',
    generated: 'Generated on {date}',
    disclaimer: `The summaries of actions in this report are our own wording, not the official text. The official text of the Action Plan is in document ${OFFICIAL_SYMBOL}.`,
    overview: 'Evidence per pillar',
    confirmed: 'Confirmed',
    suggested: 'Suggested (unreviewed)',
    action: 'Action {n}',
    ourSummary: 'Our summary',
    officialText: 'Official text',
    treatyFigures: 'Treaty status',
    source: 'Source',
    assessments: 'Assessments',
    assessmentsNote:
      'Assessments are judgements by the people named below. They are not part of the evidence.',
    colState: 'State',
    colStatus: 'Status',
    colRationale: 'Rationale',
    colBy: 'By',
    colDate: 'Date',
    evidence: 'Evidence',
    states: 'States',
    language: 'Language',
    stance: 'Stance',
    unreviewed: 'Suggested — not yet reviewed',
    noEvidence: 'No evidence recorded',
    pageLabel: ['Page ', ' of ', ''],
    listSeparator: ', ',
    assessmentStatus: {
      implemented: 'Implemented',
      'partially-implemented': 'Partially implemented',
      'not-implemented': 'Not implemented',
      'no-information': 'No information',
      'not-applicable': 'Not applicable',
    },
    stances: {
      'reports-implementation': 'Reports implementation',
      reaffirms: 'Reaffirms',
      'calls-for': 'Calls for',
      'expresses-concern': 'Expresses concern',
      'reports-non-implementation': 'Reports non-implementation',
    },
  },
  fr: {
    title: 'Rapport de suivi : Plan d’action du TNP de 2010',
    cycle: 'Cycle d’examen {n}',
    generated: 'Établi le {date}',
    disclaimer: `Les résumés des mesures figurant dans le présent rapport sont rédigés par nos soins et ne constituent pas le texte officiel. Le texte officiel du Plan d’action figure dans le document ${OFFICIAL_SYMBOL}.`,
    overview: 'Éléments probants par pilier',
    confirmed: 'Confirmés',
    suggested: 'Suggérés (non vérifiés)',
    action: 'Mesure {n}',
    ourSummary: 'Notre résumé',
    officialText: 'Texte officiel',
    treatyFigures: 'État des traités',
    source: 'Source',
    assessments: 'Évaluations',
    assessmentsNote:
      'Les évaluations sont des appréciations des personnes indiquées ci-dessous. Elles ne font pas partie des éléments probants.',
    colState: 'État',
    colStatus: 'Statut',
    colRationale: 'Justification',
    colBy: 'Par',
    colDate: 'Date',
    evidence: 'Éléments probants',
    states: 'États',
    language: 'Langue',
    stance: 'Position',
    unreviewed: 'Suggéré — pas encore vérifié',
    noEvidence: 'Aucun élément probant enregistré',
    pageLabel: ['Page ', ' sur ', ''],
    listSeparator: ', ',
    assessmentStatus: {
      implemented: 'Mise en œuvre',
      'partially-implemented': 'Partiellement mise en œuvre',
      'not-implemented': 'Non mise en œuvre',
      'no-information': 'Aucune information',
      'not-applicable': 'Sans objet',
    },
    stances: {
      'reports-implementation': 'Fait état de la mise en œuvre',
      reaffirms: 'Réaffirme',
      'calls-for': 'Demande',
      'expresses-concern': 'Exprime sa préoccupation',
      'reports-non-implementation': 'Fait état de la non-mise en œuvre',
    },
  },
  es: {
    title: 'Informe de seguimiento: Plan de Acción del TNP de 2010',
    cycle: 'Ciclo de examen {n}',
    generated: 'Generado el {date}',
    disclaimer: `Los resúmenes de las medidas que figuran en este informe son de redacción propia y no constituyen el texto oficial. El texto oficial del Plan de Acción figura en el documento ${OFFICIAL_SYMBOL}.`,
    overview: 'Pruebas por pilar',
    confirmed: 'Confirmadas',
    suggested: 'Sugeridas (sin revisar)',
    action: 'Medida {n}',
    ourSummary: 'Nuestro resumen',
    officialText: 'Texto oficial',
    treatyFigures: 'Estado de los tratados',
    source: 'Fuente',
    assessments: 'Evaluaciones',
    assessmentsNote:
      'Las evaluaciones son juicios de las personas indicadas a continuación. No forman parte de las pruebas.',
    colState: 'Estado',
    colStatus: 'Situación',
    colRationale: 'Justificación',
    colBy: 'Por',
    colDate: 'Fecha',
    evidence: 'Pruebas',
    states: 'Estados',
    language: 'Idioma',
    stance: 'Postura',
    unreviewed: 'Sugerida — aún sin revisar',
    noEvidence: 'No hay pruebas registradas',
    pageLabel: ['Página ', ' de ', ''],
    listSeparator: ', ',
    assessmentStatus: {
      implemented: 'Aplicada',
      'partially-implemented': 'Parcialmente aplicada',
      'not-implemented': 'No aplicada',
      'no-information': 'Sin información',
      'not-applicable': 'No procede',
    },
    stances: {
      'reports-implementation': 'Informa de la aplicación',
      reaffirms: 'Reafirma',
      'calls-for': 'Pide',
      'expresses-concern': 'Expresa preocupación',
      'reports-non-implementation': 'Informa de la falta de aplicación',
    },
  },
  ru: {
    title: 'Доклад о мониторинге: План действий ДНЯО 2010 года',
    cycle: 'Обзорный цикл {n}',
    generated: 'Дата составления: {date}',
    disclaimer: `Краткие изложения действий в настоящем докладе сформулированы нами и не являются официальным текстом. Официальный текст Плана действий содержится в документе ${OFFICIAL_SYMBOL}.`,
    overview: 'Свидетельства по компонентам',
    confirmed: 'Подтверждённые',
    suggested: 'Предложенные (не проверены)',
    action: 'Действие {n}',
    ourSummary: 'Наше краткое изложение',
    officialText: 'Официальный текст',
    treatyFigures: 'Статус договоров',
    source: 'Источник',
    assessments: 'Оценки',
    assessmentsNote:
      'Оценки — это суждения указанных ниже лиц. Они не являются частью свидетельств.',
    colState: 'Государство',
    colStatus: 'Статус',
    colRationale: 'Обоснование',
    colBy: 'Автор',
    colDate: 'Дата',
    evidence: 'Свидетельства',
    states: 'Государства',
    language: 'Язык',
    stance: 'Позиция',
    unreviewed: 'Предложено — ещё не проверено',
    noEvidence: 'Свидетельства не зарегистрированы',
    pageLabel: ['Стр. ', ' из ', ''],
    listSeparator: ', ',
    assessmentStatus: {
      implemented: 'Выполнено',
      'partially-implemented': 'Выполнено частично',
      'not-implemented': 'Не выполнено',
      'no-information': 'Нет информации',
      'not-applicable': 'Неприменимо',
    },
    stances: {
      'reports-implementation': 'Сообщает о выполнении',
      reaffirms: 'Подтверждает',
      'calls-for': 'Призывает',
      'expresses-concern': 'Выражает обеспокоенность',
      'reports-non-implementation': 'Сообщает о невыполнении',
    },
  },
  zh: {
    title: '监测报告：2010年《不扩散核武器条约》行动计划',
    cycle: '{n}年审议周期',
    generated: '生成日期：{date}',
    disclaimer: `本报告中各项行动的摘要系我们自行撰写，并非正式文本。《行动计划》的正式文本载于${OFFICIAL_SYMBOL}号文件。`,
    overview: '各支柱的证据',
    confirmed: '已确认',
    suggested: '建议（未审核）',
    action: '行动{n}',
    ourSummary: '我们的摘要',
    officialText: '正式文本',
    treatyFigures: '条约状况',
    source: '来源',
    assessments: '评估',
    assessmentsNote: '评估是下列人员作出的判断，不属于证据。',
    colState: '国家',
    colStatus: '状况',
    colRationale: '理由',
    colBy: '评估人',
    colDate: '日期',
    evidence: '证据',
    states: '国家',
    language: '语言',
    stance: '立场',
    unreviewed: '建议——尚未审核',
    noEvidence: '未记录证据',
    pageLabel: ['第 ', ' 页，共 ', ' 页'],
    listSeparator: '、',
    assessmentStatus: {
      implemented: '已执行',
      'partially-implemented': '部分执行',
      'not-implemented': '未执行',
      'no-information': '无信息',
      'not-applicable': '不适用',
    },
    stances: {
      'reports-implementation': '报告执行情况',
      reaffirms: '重申',
      'calls-for': '呼吁',
      'expresses-concern': '表示关切',
      'reports-non-implementation': '报告未执行',
    },
  },
  ar: {
    title: 'تقرير الرصد: خطة عمل مؤتمر استعراض معاهدة عدم الانتشار لعام 2010',
    cycle: 'دورة الاستعراض {n}',
    generated: 'تاريخ الإنشاء: {date}',
    disclaimer: `ملخصات الإجراءات الواردة في هذا التقرير من صياغتنا، وليست النص الرسمي. ويرد النص الرسمي لخطة العمل في الوثيقة ${OFFICIAL_SYMBOL}.`,
    overview: 'الأدلة حسب الركيزة',
    confirmed: 'مؤكَّدة',
    suggested: 'مقترحة (لم تُراجَع)',
    action: 'الإجراء {n}',
    ourSummary: 'ملخصنا',
    officialText: 'النص الرسمي',
    treatyFigures: 'حالة المعاهدات',
    source: 'المصدر',
    assessments: 'التقييمات',
    assessmentsNote: 'التقييمات أحكام صادرة عن الأشخاص المذكورين أدناه، وليست جزءاً من الأدلة.',
    colState: 'الدولة',
    colStatus: 'الحالة',
    colRationale: 'المبررات',
    colBy: 'المقيِّم',
    colDate: 'التاريخ',
    evidence: 'الأدلة',
    states: 'الدول',
    language: 'اللغة',
    stance: 'الموقف',
    unreviewed: 'مقترح — لم تتم مراجعته بعد',
    noEvidence: 'لم تُسجَّل أدلة',
    pageLabel: ['الصفحة ', ' من ', ''],
    listSeparator: '، ',
    assessmentStatus: {
      implemented: 'منفَّذ',
      'partially-implemented': 'منفَّذ جزئياً',
      'not-implemented': 'غير منفَّذ',
      'no-information': 'لا توجد معلومات',
      'not-applicable': 'لا ينطبق',
    },
    stances: {
      'reports-implementation': 'يفيد بالتنفيذ',
      reaffirms: 'يؤكد من جديد',
      'calls-for': 'يدعو إلى',
      'expresses-concern': 'يعرب عن القلق',
      'reports-non-implementation': 'يفيد بعدم التنفيذ',
    },
  },
};
