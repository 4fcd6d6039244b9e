/**
 * The PDF extractor on real PDFs printed by Chromium from UN-style working papers in the six
 * languages (our own prose), with running headers and footers the way UN documents have them,
 * and on bad input: empty, random, truncated, not a PDF, encrypted, over the limits.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPdfPrinter, type PdfPrinter } from '../../../test/support/chromium-pdf.js';
import { minimalPdf } from '../../../test/support/minimal-pdf.js';
import {
  DEFAULT_LIMITS,
  ExtractionError,
  type ExtractedDocument,
  type ExtractionLimits,
} from '../extracted-document.js';
import { createPdfExtractor, extractPdf } from './pdf.js';

const SYMBOL = 'NPT/CONF.2026/PC.III/WP.7';

interface UnFixture {
  readonly lang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
  readonly htmlLang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly font: string;
  readonly fontSize: string;
  /** First-page masthead lines, printed left to right in every language. */
  readonly masthead: readonly string[];
  /** Session, place and dates, title, submitter, then numbered paragraphs and sub-paragraphs. */
  readonly paragraphs: readonly string[];
  readonly title: string;
  readonly jobNumber: string;
  /**
   * `css`: UN layout with CSS page-margin boxes (no header on page 1, job number, print date,
   * barcode and "Please recycle" at its foot; symbol and `2/3` on alternating sides after).
   * Otherwise Chromium's header and footer templates on every page, with this page-number style.
   */
  readonly running: 'css' | 'dash' | 'bare' | 'page-of';
}

const FIXTURES: readonly UnFixture[] = [
  {
    lang: 'en',
    htmlLang: 'en',
    dir: 'ltr',
    font: "'Liberation Serif'",
    fontSize: '13pt',
    masthead: [SYMBOL, 'Distr.: General', '14 April 2025', 'Original: English'],
    title: 'Strengthening the safeguards system: the additional protocol',
    jobNumber: '25-05123 (E)',
    running: 'css',
    paragraphs: [
      'Third session',
      'New York, 28 April–9 May 2025',
      'Strengthening the safeguards system: the additional protocol',
      'Working paper submitted by a group of States parties',
      '1. The States parties submitting this working paper reaffirm that comprehensive safeguards agreements, together with additional protocols, constitute the current verification standard under article III of the Treaty on the Non-Proliferation of Nuclear Weapons (see NPT/CONF.2010/50 (Vol. I)).',
      '2. The additional protocol gives the International Atomic Energy Agency access to information on the whole nuclear fuel cycle and complementary access to sites, which allows the Agency to provide credible assurances of the absence of undeclared nuclear material and activities in a State as a whole.',
      '3. The States parties note with satisfaction that, as at 31 December 2024, additional protocols were in force for 142 States, and they call upon all States that have not yet done so to conclude and bring into force an additional protocol without delay.',
      '4. The States parties recommend that the Review Conference:',
      '(a) Recognize that the universal application of the additional protocol would strengthen the non-proliferation regime and facilitate cooperation in the peaceful uses of nuclear energy;',
      '(b) Encourage the Agency to continue to assist States, on request, in the negotiation and implementation of additional protocols, including through regional seminars and training courses;',
      '(c) Invite States with small quantities protocols to amend or rescind them in line with the decision of the Board of Governors of 2005.',
      '5. Effective safeguards depend on well-functioning State and regional systems of accounting for and control of nuclear material. The States parties stress the importance of adequate legal authority, independence and resources for those authorities.',
      '6. The States parties welcome the continued development of the State-level concept, which takes into account State-specific factors, and underline that its implementation must remain objective, technically based and non-discriminatory.',
      '7. Export controls are an integral part of the non-proliferation regime. The States parties support making the additional protocol a condition of supply for new supply arrangements of nuclear material, equipment and technology.',
      '8. The States parties reaffirm their full support for the safeguards budget of the Agency and call for sustained and predictable financing, so that the Agency can meet a growing verification workload without compromising quality.',
      '9. Finally, the States parties invite all States to share their experience of implementing the additional protocol at the Review Conference, with a view to identifying practical measures that could help other States overcome remaining obstacles.',
    ],
  },
  {
    lang: 'zh',
    htmlLang: 'zh-Hans',
    dir: 'ltr',
    font: "'Noto Sans CJK SC'",
    fontSize: '15pt',
    masthead: [SYMBOL, 'Distr.: General', '14 April 2025', 'Chinese', 'Original: English'],
    title: '加强保障监督制度：附加议定书',
    jobNumber: '25-05123 (C)',
    running: 'css',
    paragraphs: [
      '第三届会议',
      '2025年4月28日至5月9日，纽约',
      '加强保障监督制度：附加议定书',
      '一些缔约国提交的工作文件',
      '1. 提交本工作文件的缔约国重申，全面保障监督协定连同附加议定书构成《不扩散核武器条约》第三条规定的现行核查标准（见NPT/CONF.2010/50 (Vol. I)）。',
      '2. 附加议定书使国际原子能机构能够获得关于整个核燃料循环的信息以及对场址的补充接触，从而使原子能机构能够就一国境内不存在未申报核材料和核活动提供可信的保证。',
      '3. 缔约国满意地注意到，截至2024年12月31日，已有142个国家的附加议定书生效，并呼吁所有尚未缔结和实施附加议定书的国家毫不拖延地这样做。',
      '4. 缔约国建议审议大会：',
      '(a) 确认普遍适用附加议定书将加强不扩散制度，并促进和平利用核能领域的合作；',
      '(b) 鼓励原子能机构继续应请求协助各国谈判和执行附加议定书，包括为此举办区域研讨会和培训班；',
      '(c) 请订有小数量议定书的国家根据理事会2005年的决定修订或废除这些议定书。',
      '5. 有效的保障监督取决于运作良好的国家和区域核材料衡算和控制系统。缔约国强调，这些主管部门必须拥有充分的法律授权、独立性和资源。',
      '6. 缔约国欢迎继续发展国家一级概念，该概念考虑到每个国家的具体因素；缔约国并强调，执行该概念必须保持客观、以技术为基础和不歧视。',
      '7. 出口管制是不扩散制度的组成部分。缔约国支持将附加议定书作为核材料、设备和技术新供应安排的供应条件。',
      '8. 缔约国重申全力支持原子能机构的保障监督预算，并呼吁提供持续和可预测的资金，使原子能机构能够在不影响质量的情况下应对日益增加的核查工作量。',
      '9. 最后，缔约国请所有国家在审议大会上分享执行附加议定书的经验，以期确定可帮助其他国家克服仍然存在的障碍的实际措施。',
    ],
  },
  {
    lang: 'ar',
    htmlLang: 'ar',
    dir: 'rtl',
    font: "'Noto Naskh Arabic'",
    fontSize: '14pt',
    masthead: [SYMBOL, 'Distr.: General', '14 April 2025', 'Arabic', 'Original: English'],
    title: 'تعزيز نظام الضمانات: البروتوكول الإضافي',
    jobNumber: '25-05123 (A)',
    running: 'css',
    paragraphs: [
      'الدورة الثالثة',
      'نيويورك، 28 نيسان/أبريل - 9 أيار/مايو 2025',
      'تعزيز نظام الضمانات: البروتوكول الإضافي',
      'ورقة عمل مقدمة من مجموعة من الدول الأطراف',
      '1 - تؤكد الدول الأطراف المقدمة لورقة العمل هذه من جديد أن اتفاقات الضمانات الشاملة، مقترنة بالبروتوكولات الإضافية، تشكل معيار التحقق الحالي بموجب المادة الثالثة من معاهدة عدم انتشار الأسلحة النووية (انظر الوثيقة NPT/CONF.2010/50 (Vol. I)).',
      '2 - ويتيح البروتوكول الإضافي للوكالة الدولية للطاقة الذرية الحصول على معلومات عن دورة الوقود النووي بأكملها وإمكانية المعاينة التكميلية للمواقع، مما يمكّن الوكالة من تقديم ضمانات موثوقة بعدم وجود مواد وأنشطة نووية غير معلنة في الدولة ككل.',
      '3 - وتلاحظ الدول الأطراف مع الارتياح أن البروتوكولات الإضافية كانت، حتى 31 كانون الأول/ديسمبر 2024، نافذة بالنسبة إلى 142 دولة، وتهيب بجميع الدول التي لم تقم بعد بإبرام بروتوكول إضافي وإنفاذه أن تفعل ذلك دون تأخير.',
      '4 - وتوصي الدول الأطراف بأن يقوم المؤتمر الاستعراضي بما يلي:',
      '(أ) أن يسلم بأن التطبيق العالمي للبروتوكول الإضافي من شأنه أن يعزز نظام عدم الانتشار وأن ييسر التعاون في مجال استخدام الطاقة النووية في الأغراض السلمية؛',
      '(ب) أن يشجع الوكالة على مواصلة مساعدة الدول، بناء على طلبها، في التفاوض على البروتوكولات الإضافية وتنفيذها، بما في ذلك من خلال الحلقات الدراسية الإقليمية والدورات التدريبية؛',
      '(ج) أن يدعو الدول التي لديها بروتوكولات الكميات الصغيرة إلى تعديلها أو إلغائها وفقا لقرار مجلس المحافظين الصادر في عام 2005.',
      '5 - وتتوقف فعالية الضمانات على وجود نظم وطنية وإقليمية لحصر المواد النووية ومراقبتها تعمل على نحو جيد. وتشدد الدول الأطراف على أهمية تمتع تلك السلطات بالصلاحيات القانونية والاستقلالية والموارد الكافية.',
      '6 - وترحب الدول الأطراف بمواصلة تطوير النهج على مستوى الدولة، الذي يراعي العوامل الخاصة بكل دولة، وتؤكد أن تنفيذه يجب أن يظل موضوعيا وقائما على أسس تقنية وغير تمييزي.',
      '7 - وتشكل ضوابط التصدير جزءا لا يتجزأ من نظام عدم الانتشار. وتؤيد الدول الأطراف جعل البروتوكول الإضافي شرطا للتوريد في ترتيبات التوريد الجديدة للمواد والمعدات والتكنولوجيا النووية.',
      '8 - وتؤكد الدول الأطراف من جديد دعمها الكامل لميزانية الضمانات في الوكالة، وتدعو إلى توفير تمويل مستدام ويمكن التنبؤ به، حتى تتمكن الوكالة من مواجهة عبء العمل المتزايد في مجال التحقق دون المساس بالجودة.',
      '9 - وأخيرا، تدعو الدول الأطراف جميع الدول إلى تبادل خبراتها في تنفيذ البروتوكول الإضافي خلال المؤتمر الاستعراضي، بهدف تحديد تدابير عملية يمكن أن تساعد الدول الأخرى على تذليل العقبات المتبقية.',
    ],
  },
  {
    lang: 'fr',
    htmlLang: 'fr',
    dir: 'ltr',
    font: "'Liberation Serif'",
    fontSize: '12pt',
    masthead: [SYMBOL, 'Distr. générale', '14 avril 2025', 'Français', 'Original\u00a0: anglais'],
    title: 'Renforcement du système de garanties\u00a0: le protocole additionnel',
    jobNumber: 'GE.25-05123 (F)',
    running: 'dash',
    paragraphs: [
      'Troisième session',
      'New York, 28 avril-9 mai 2025',
      'Renforcement du système de garanties\u00a0: le protocole additionnel',
      'Document de travail présenté par un groupe d’États parties',
      '1. Les États parties qui présentent ce document de travail réaffirment que les accords de garanties généralisées, conjugués aux protocoles additionnels, constituent la norme de vérification actuelle au titre de l’article III du Traité sur la non-prolifération des armes nucléaires.',
      '2. Le protocole additionnel donne à l’Agence internationale de l’énergie atomique accès aux informations sur l’ensemble du cycle du combustible nucléaire ainsi qu’un accès complémentaire aux sites, ce qui permet à l’Agence de donner des assurances crédibles quant à l’absence de matières et d’activités nucléaires non déclarées dans l’ensemble d’un État.',
      '3. Les États parties notent avec satisfaction qu’au 31 décembre 2024, des protocoles additionnels étaient en vigueur pour 142 États, et ils demandent à tous les États qui ne l’ont pas encore fait de conclure et de mettre en vigueur un protocole additionnel sans tarder.',
      '4. Les États parties recommandent que la Conférence d’examen\u00a0:',
      'a) Reconnaisse que l’application universelle du protocole additionnel renforcerait le régime de non-prolifération et faciliterait la coopération dans le domaine des utilisations pacifiques de l’énergie nucléaire\u00a0;',
      'b) Encourage l’Agence à continuer d’aider les États qui le demandent à négocier et à mettre en œuvre des protocoles additionnels, notamment au moyen de séminaires régionaux et de stages de formation\u00a0;',
      'c) Invite les États ayant conclu un protocole relatif aux petites quantités de matières à le modifier ou à l’abroger conformément à la décision prise par le Conseil des gouverneurs en 2005.',
      '5. L’efficacité des garanties dépend de systèmes nationaux et régionaux de comptabilité et de contrôle des matières nucléaires qui fonctionnent bien. Les États parties soulignent qu’il importe que ces autorités disposent d’un fondement juridique, d’une indépendance et de ressources suffisants.',
      '6. Les États parties se félicitent de la poursuite de l’élaboration du concept au niveau de l’État, qui tient compte de facteurs propres à chaque État, et soulignent que sa mise en œuvre doit demeurer objective, fondée sur des considérations techniques et non discriminatoire.',
      '7. Les contrôles à l’exportation font partie intégrante du régime de non-prolifération. Les États parties sont favorables à ce que le protocole additionnel devienne une condition de fourniture pour les nouveaux arrangements relatifs à la fourniture de matières, d’équipements et de technologies nucléaires.',
      '8. Les États parties réaffirment leur plein appui au budget des garanties de l’Agence et demandent un financement durable et prévisible, afin que l’Agence puisse faire face à une charge de travail croissante en matière de vérification sans que la qualité en pâtisse.',
      '9. Enfin, les États parties invitent tous les États à faire part, lors de la Conférence d’examen, de leur expérience de la mise en œuvre du protocole additionnel, en vue de recenser des mesures pratiques qui pourraient aider d’autres États à surmonter les obstacles qui subsistent.',
    ],
  },
  {
    lang: 'ru',
    htmlLang: 'ru',
    dir: 'ltr',
    font: "'Liberation Serif'",
    fontSize: '12pt',
    masthead: [SYMBOL, 'Distr.: General', '14 April 2025', 'Russian', 'Original: English'],
    title: 'Укрепление системы гарантий: дополнительный протокол',
    jobNumber: '25-05123 (R)',
    running: 'bare',
    paragraphs: [
      'Третья сессия',
      'Нью-Йорк, 28 апреля — 9 мая 2025 года',
      'Укрепление системы гарантий: дополнительный протокол',
      'Рабочий документ, представленный группой государств-участников',
      '1. Государства-участники, представляющие настоящий рабочий документ, вновь подтверждают, что соглашения о всеобъемлющих гарантиях вместе с дополнительными протоколами представляют собой нынешний стандарт проверки согласно статье III Договора о нераспространении ядерного оружия.',
      '2. Дополнительный протокол предоставляет Международному агентству по атомной энергии доступ к информации обо всем ядерном топливном цикле и дополнительный доступ к площадкам, что позволяет Агентству давать достоверные заверения в отсутствии незаявленных ядерного материала и деятельности в государстве в целом.',
      '3. Государства-участники с удовлетворением отмечают, что по состоянию на 31 декабря 2024 года дополнительные протоколы вступили в силу в отношении 142 государств, и призывают все государства, которые еще не сделали этого, безотлагательно заключить дополнительный протокол и ввести его в действие.',
      '4. Государства-участники рекомендуют Конференции по рассмотрению действия Договора:',
      'a) признать, что универсальное применение дополнительного протокола укрепило бы режим нераспространения и облегчило бы сотрудничество в области использования ядерной энергии в мирных целях;',
      'b) призвать Агентство и впредь оказывать государствам по их просьбе помощь в заключении и осуществлении дополнительных протоколов, в том числе путем проведения региональных семинаров и учебных курсов;',
      'c) предложить государствам, имеющим протоколы о малых количествах, изменить или отменить их в соответствии с решением Совета управляющих 2005 года.',
      '5. Эффективность гарантий зависит от надлежащего функционирования государственных и региональных систем учета и контроля ядерного материала. Государства-участники подчеркивают важность наличия у этих органов надлежащих правовых полномочий, независимости и ресурсов.',
      '6. Государства-участники приветствуют дальнейшую разработку концепции на уровне государства, которая учитывает особые факторы каждого государства, и подчеркивают, что ее применение должно оставаться объективным, технически обоснованным и недискриминационным.',
      '7. Экспортный контроль является неотъемлемой частью режима нераспространения. Государства-участники поддерживают превращение дополнительного протокола в условие поставок при новых договоренностях о поставках ядерного материала, оборудования и технологий.',
      '8. Государства-участники вновь заявляют о своей полной поддержке бюджета Агентства на гарантии и призывают к устойчивому и предсказуемому финансированию, с тем чтобы Агентство могло справляться с растущим объемом работы по проверке без ущерба для ее качества.',
      '9. Наконец, государства-участники предлагают всем государствам поделиться на Конференции по рассмотрению действия Договора своим опытом осуществления дополнительного протокола в целях определения практических мер, которые могли бы помочь другим государствам преодолеть сохраняющиеся препятствия.',
    ],
  },
  {
    lang: 'es',
    htmlLang: 'es',
    dir: 'ltr',
    font: "'Liberation Serif'",
    fontSize: '12pt',
    masthead: [SYMBOL, 'Distr. general', '14 de abril de 2025', 'Español', 'Original: inglés'],
    title: 'Fortalecimiento del sistema de salvaguardias: el protocolo adicional',
    jobNumber: '25-05123 (S)',
    running: 'page-of',
    paragraphs: [
      'Tercer período de sesiones',
      'Nueva York, 28 de abril a 9 de mayo de 2025',
      'Fortalecimiento del sistema de salvaguardias: el protocolo adicional',
      'Documento de trabajo presentado por un grupo de Estados partes',
      '1. Los Estados partes que presentan este documento de trabajo reafirman que los acuerdos de salvaguardias amplias, junto con los protocolos adicionales, constituyen la norma de verificación vigente en virtud del artículo III del Tratado sobre la No Proliferación de las Armas Nucleares.',
      '2. El protocolo adicional da al Organismo Internacional de Energía Atómica acceso a información sobre todo el ciclo del combustible nuclear y acceso complementario a los emplazamientos, lo que permite al Organismo ofrecer garantías creíbles de la ausencia de materiales y actividades nucleares no declarados en el conjunto de un Estado.',
      '3. Los Estados partes observan con satisfacción que, al 31 de diciembre de 2024, había protocolos adicionales en vigor para 142 Estados, y exhortan a todos los Estados que aún no lo hayan hecho a que concierten y pongan en vigor sin demora un protocolo adicional.',
      '4. Los Estados partes recomiendan que la Conferencia de Examen:',
      'a) Reconozca que la aplicación universal del protocolo adicional reforzaría el régimen de no proliferación y facilitaría la cooperación en la esfera de los usos pacíficos de la energía nuclear;',
      'b) Aliente al Organismo a que siga ayudando a los Estados que lo soliciten a negociar y aplicar protocolos adicionales, entre otras cosas mediante seminarios regionales y cursos de capacitación;',
      'c) Invite a los Estados que tengan protocolos sobre pequeñas cantidades a que los modifiquen o los dejen sin efecto de conformidad con la decisión adoptada por la Junta de Gobernadores en 2005.',
      '5. La eficacia de las salvaguardias depende de que los sistemas nacionales y regionales de contabilidad y control de los materiales nucleares funcionen correctamente. Los Estados partes destacan la importancia de que dichas autoridades cuenten con facultades jurídicas, independencia y recursos suficientes.',
      '6. Los Estados partes acogen con beneplácito que se siga desarrollando el concepto a nivel de los Estados, que tiene en cuenta los factores propios de cada Estado, y subrayan que su aplicación debe seguir siendo objetiva, basada en criterios técnicos y no discriminatoria.',
      '7. Los controles de las exportaciones son parte integrante del régimen de no proliferación. Los Estados partes apoyan que el protocolo adicional sea una condición para el suministro en los nuevos acuerdos de suministro de materiales, equipo y tecnología nucleares.',
      '8. Los Estados partes reafirman su pleno apoyo al presupuesto de salvaguardias del Organismo y piden una financiación sostenida y previsible, para que el Organismo pueda hacer frente a un volumen creciente de trabajo de verificación sin menoscabo de la calidad.',
      '9. Por último, los Estados partes invitan a todos los Estados a que, en la Conferencia de Examen, den a conocer su experiencia en la aplicación del protocolo adicional, con miras a determinar medidas prácticas que puedan ayudar a otros Estados a superar los obstáculos que persisten.',
    ],
  },
];

const escapeHtml = (s: string) =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const cssString = (s: string) => `"${s.replace(/["\\]/gu, '\\$&')}"`;

/** The fixture as an HTML page; the title, the numbered paragraphs and their sub-paragraphs. */
function fixtureHtml(f: UnFixture): string {
  const [session, place, title, submitter, ...numbered] = f.paragraphs;
  const box = "font-family: 'Liberation Serif'; font-size: 9pt;";
  const page = 'counter(page) "/" counter(pages)';
  const job = cssString(f.jobNumber);
  const css =
    f.running === 'css'
      ? `
    @page :right {
      @top-right { content: ${cssString(SYMBOL)}; ${box} }
      @bottom-left { content: ${job}; ${box} }
      @bottom-right { content: ${page}; ${box} }
    }
    @page :left {
      @top-left { content: ${cssString(SYMBOL)}; ${box} }
      @bottom-left { content: ${page}; ${box} }
      @bottom-right { content: ${job}; ${box} }
    }
    @page :first {
      @top-left { content: none; } @top-right { content: none; }
      @bottom-left { content: ${cssString(`${f.jobNumber}    140425`)} "\\A" "*2505123*"; white-space: pre; ${box} }
      @bottom-right { content: "Please recycle"; ${box} }
    }`
      : '';
  const paragraph = (text: string) => {
    const sub = /^(?:\([a-zа-яأ-ي]\)|[a-z]\))\s/u.test(text);
    return `<p class="${sub ? 'sub' : 'para'}">${escapeHtml(text)}</p>`;
  };
  return `<!doctype html>
<html lang="${f.htmlLang}" dir="${f.dir}">
<head><meta charset="utf-8"><title>${escapeHtml(f.title)}</title>
<style>
  ${css}
  body { font-family: ${f.font}; font-size: ${f.fontSize}; line-height: 1.5; margin: 0; }
  .masthead p { margin: 0 0 0.3em; text-align: right; }
  .session p { margin: 1em 0 0; font-weight: bold; }
  h1 { font-size: 1.25em; margin: 1.2em 0 0.6em; }
  .submitter { font-style: italic; margin: 0 0 1.2em; }
  p.para, p.sub { text-align: justify; margin: 0 0 0.7em; }
  p.sub { padding-inline-start: 2.5em; }
</style></head>
<body>
<div class="masthead">${f.masthead.map((l) => `<p dir="ltr">${escapeHtml(l)}</p>`).join('')}</div>
<div class="session"><p>${escapeHtml(session!)}</p><p>${escapeHtml(place!)}</p></div>
<h1>${escapeHtml(title!)}</h1>
<p class="submitter">${escapeHtml(submitter!)}</p>
${numbered.map(paragraph).join('\n')}
</body></html>`;
}

function fixtureTemplates(f: UnFixture): { headerTemplate?: string; footerTemplate?: string } {
  if (f.running === 'css') return {};
  const style =
    "font-family: 'Liberation Serif'; font-size: 9pt; width: 100%; margin: 0 20mm; display: flex; justify-content: space-between;";
  const n = '<span class="pageNumber"></span>';
  const total = '<span class="totalPages"></span>';
  const page =
    f.running === 'dash' ? `- ${n} -` : f.running === 'bare' ? n : `Página ${n} de ${total}`;
  return {
    headerTemplate: `<div style="${style}"><span>${SYMBOL}</span><span></span></div>`,
    footerTemplate: `<div style="${style}"><span>${escapeHtml(f.jobNumber)}</span><span>${page}</span></div>`,
  };
}

/** Han, kana, CJK punctuation, full-width forms. */
const CJK = /[\u2E80-\u2FDF\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/** Whitespace as one space, and none beside CJK characters (a wrapped line gives no clue there). */
function normalizeSpace(text: string): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  return collapsed.replace(/ /gu, (space, offset: number) => {
    const before = collapsed[offset - 1];
    const after = collapsed[offset + 1];
    return (before !== undefined && CJK.test(before)) || (after !== undefined && CJK.test(after))
      ? ''
      : space;
  });
}

/**
 * The document's paragraphs: runs of lines between blank lines, joined with a space, except after
 * a line that ends in a slash or a hyphen after a letter (Chromium wraps after those, and the
 * fixtures have no hyphenation: every hyphen is part of a word such as "non-proliferation").
 */
function paragraphsOf(doc: ExtractedDocument): string[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const block of [...doc.blocks, { kind: 'line', text: '' }]) {
    if (block.text === '') {
      if (current !== '') paragraphs.push(normalizeSpace(current));
      current = '';
    } else {
      current += current === '' || /(?:\/|\p{L}-)$/u.test(current) ? block.text : ` ${block.text}`;
    }
  }
  return paragraphs;
}

function debugPrint(name: string, doc: ExtractedDocument): void {
  if (process.env.PDF_DEBUG === undefined) return;
  console.log(`--- ${name} (${doc.extractor}) ${JSON.stringify(doc.warnings)}`);
  for (const b of doc.blocks) console.log(`${b.page ?? '?'} ${b.text}`);
}

async function extractionError(
  input: Buffer,
  limits: ExtractionLimits = DEFAULT_LIMITS,
): Promise<ExtractionError> {
  try {
    await extractPdf(input, limits);
  } catch (error) {
    if (error instanceof ExtractionError) return error;
    throw error;
  }
  throw new Error('expected an ExtractionError');
}

let printer: PdfPrinter;
const printed = new Map<string, Buffer>();

beforeAll(async () => {
  printer = await launchPdfPrinter();
  for (const f of FIXTURES) {
    const pdf = await printer.printHtmlToPdf(fixtureHtml(f), fixtureTemplates(f));
    printed.set(f.lang, pdf);
    // To look at them: PDF_DEBUG_DIR=/tmp/pdfs, then pdftoppm -png /tmp/pdfs/ar.pdf /tmp/pdfs/ar
    if (process.env.PDF_DEBUG_DIR !== undefined) {
      writeFileSync(join(process.env.PDF_DEBUG_DIR, `${f.lang}.pdf`), pdf);
    }
  }
});

afterAll(async () => {
  await printer?.close();
});

describe('extractPdf on UN working papers printed by Chromium', () => {
  describe.each(FIXTURES)('$lang', (fixture) => {
    let doc: ExtractedDocument;
    beforeAll(async () => {
      doc = await extractPdf(printed.get(fixture.lang)!, DEFAULT_LIMITS);
      debugPrint(fixture.lang, doc);
    });

    it('returns line blocks with pages, over more than one page', () => {
      expect(doc.format).toBe('pdf');
      expect(doc.extractor).toBe(fixture.lang === 'ar' ? 'pdftotext' : 'pdfjs');
      expect(doc.blocks.every((b) => b.kind === 'line' && (b.page ?? 0) >= 1)).toBe(true);
      expect(Math.max(...doc.blocks.map((b) => b.page ?? 0))).toBeGreaterThanOrEqual(2);
      expect(doc.blocks.every((b) => b.text === b.text.trimEnd())).toBe(true);
      // Blank lines only between paragraphs: none first, last or twice in a row.
      expect(doc.blocks[0]?.text).not.toBe('');
      expect(doc.blocks.at(-1)?.text).not.toBe('');
      expect(doc.blocks.some((b, i) => b.text === '' && doc.blocks[i + 1]?.text === '')).toBe(
        false,
      );
    });

    it('gives back every paragraph exactly, in order, each its own paragraph', () => {
      const got = paragraphsOf(doc);
      let from = 0;
      for (const expected of fixture.paragraphs) {
        const at = got.indexOf(normalizeSpace(expected), from);
        expect(got.slice(from), `paragraph not found: ${expected}`).toContain(
          normalizeSpace(expected),
        );
        from = at + 1;
      }
    });

    it('keeps the masthead and drops every running header, footer and page number', () => {
      const texts = doc.blocks.map((b) => b.text);
      // The symbol stays once: in the first page's masthead, not in the headers of later pages.
      expect(texts.filter((t) => t.includes(SYMBOL))).toEqual([SYMBOL]);
      expect(doc.blocks.find((b) => b.text === SYMBOL)?.page).toBe(1);
      for (const line of fixture.masthead.slice(1)) expect(texts).toContain(normalizeSpace(line));
      const jobDigits = fixture.jobNumber.replace(/^GE\./u, '').slice(0, 8);
      for (const t of texts) {
        expect(t).not.toContain(jobDigits);
        expect(t).not.toMatch(
          /140425|\*2505123\*|Please recycle|Página \d|^- ?\d+ ?-$|^\d+(\/\d+)?$/u,
        );
      }
    });

    it('reads the title from the document information', () => {
      expect(doc.metadata.title).toBe(normalizeSpace(fixture.title));
    });
  });

  it('puts Arabic in logical order, marks with their letters, numbers the right way round', async () => {
    const doc = await extractPdf(printed.get('ar')!, DEFAULT_LIMITS);
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('مما يمكّن الوكالة');
    expect(text).toContain('ديسمبر 2024، نافذة');
    expect(text).toContain('بالنسبة إلى 142 دولة');
    expect(text).toContain('(انظر الوثيقة NPT/CONF.2010/50 (Vol. I)).');
    expect(text).toMatch(/^1 - تؤكد الدول الأطراف/mu);
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\uFB50-\uFDFF\uFE70-\uFEFF]/u);
    expect(doc.warnings).toContain(
      'read with pdftotext: pdfjs cannot put Arabic script in reading order',
    );
  });

  it('gives Chinese ideographs, not radicals or compatibility forms, and keeps full-width punctuation', async () => {
    const doc = await extractPdf(printed.get('zh')!, DEFAULT_LIMITS);
    const text = doc.blocks.map((b) => b.text).join('');
    expect(text).not.toMatch(/[\u2E80-\u2FDF]/u);
    expect(
      [...text].filter((c) => c !== c.normalize('NFKC') && !/[\uFF01-\uFF5E]/u.test(c)),
    ).toEqual([]);
    expect(text).toContain('全力支持');
    expect(text).toContain('主管部门');
    expect(text).toContain('重申，全面');
    expect(text).toContain('《不扩散核武器条约》');
  });
});

describe('extractPdf on other PDFs', () => {
  it('warns about a page with no text (a scan) and keeps going', async () => {
    const html = `<!doctype html><html><body>
      <p style="font: 12pt 'Liberation Serif'">A page of text before a scanned annex.</p>
      <div style="break-before: page"><svg width="400" height="300"><rect width="400" height="300" fill="#888"/></svg></div>
    </body></html>`;
    const doc = await extractPdf(await printer.printHtmlToPdf(html), DEFAULT_LIMITS);
    expect(doc.blocks.map((b) => b.text)).toEqual(['A page of text before a scanned annex.']);
    expect(doc.warnings).toContain('page 2 has no extractable text: scanned image?');
    expect(doc.metadata.title).toBeUndefined();
  });

  it('returns no lines and a warning for a PDF with no text at all', async () => {
    const html = `<!doctype html><html><body><svg width="400" height="300"><circle cx="150" cy="150" r="100"/></svg></body></html>`;
    const doc = await extractPdf(await printer.printHtmlToPdf(html), DEFAULT_LIMITS);
    expect(doc.blocks).toEqual([]);
    expect(doc.warnings).toContain('page 1 has no extractable text: scanned image?');
  });

  it('opens a PDF encrypted with an owner password only, and says so', async () => {
    const doc = await extractPdf(
      minimalPdf('Restricted but readable', { owner: 'o' }),
      DEFAULT_LIMITS,
    );
    expect(doc.blocks.map((b) => b.text)).toEqual(['Restricted but readable']);
    expect(doc.warnings.join(' ')).toMatch(/encrypted/u);
  });

  it('falls back to pdfjs, with a warning, when pdftotext is not installed', async () => {
    const extract = createPdfExtractor({ pdftotextCommand: '/nonexistent/pdftotext' });
    const doc = await extract(printed.get('ar')!, DEFAULT_LIMITS);
    expect(doc.extractor).toBe('pdfjs');
    expect(doc.warnings.join(' ')).toMatch(/pdftotext is not installed/u);
    expect(doc.blocks.length).toBeGreaterThan(20);
  });

  it('reads a minimal hand-written PDF', async () => {
    const doc = await extractPdf(minimalPdf('Hello from a hand-made PDF'), DEFAULT_LIMITS);
    expect(doc.blocks.map((b) => b.text)).toEqual(['Hello from a hand-made PDF']);
    expect(doc.extractor).toBe('pdfjs');
  });
});

describe('extractPdf refuses bad input with a clear ExtractionError', () => {
  it('an empty file', async () => {
    const error = await extractionError(Buffer.alloc(0));
    expect(error.code).toBe('empty_file');
    expect(error.message).toMatch(/empty/u);
  });

  it('random bytes', async () => {
    const error = await extractionError(randomBytes(4096));
    expect(error.code).toBe('format_mismatch');
    expect(error.message).toMatch(/not a PDF/u);
  });

  it('a text file renamed .pdf', async () => {
    const error = await extractionError(Buffer.from('Distr.: General\nThis is plain text.\n'));
    expect(error.code).toBe('format_mismatch');
    expect(error.message).toMatch(/not a PDF.*plain text/u);
  });

  it('a PDF cut to half its length', async () => {
    const pdf = printed.get('en')!;
    const error = await extractionError(pdf.subarray(0, Math.floor(pdf.length / 2)));
    expect(error.code).toBe('corrupt_file');
    expect(error.message).toMatch(/damaged or truncated: Invalid PDF structure/u);
  });

  it('a PDF that needs a password', async () => {
    const pdf = minimalPdf('Confidential draft', { user: 'secret', owner: 'owner' });
    const error = await extractionError(pdf);
    expect(error.code).toBe('encrypted_file');
    expect(error.message).toMatch(/encrypted and needs a password/u);
    // The fixture is a real encrypted PDF: with the password, pdfjs reads it.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const opened = await getDocument({
      data: new Uint8Array(pdf),
      password: 'secret',
      verbosity: 0,
    }).promise;
    const content = await (await opened.getPage(1)).getTextContent();
    expect(content.items.map((i) => ('str' in i ? i.str : '')).join('')).toBe('Confidential draft');
    await opened.destroy();
  });

  it('a file over the size limit', async () => {
    const error = await extractionError(printed.get('en')!, {
      ...DEFAULT_LIMITS,
      maxInputBytes: 1000,
    });
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/over the limit/u);
  });

  it('more text than the limit', async () => {
    const error = await extractionError(printed.get('en')!, {
      ...DEFAULT_LIMITS,
      maxTextChars: 500,
    });
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/more than 500 characters/u);
  });

  it('reading that takes longer than the time limit', async () => {
    const error = await extractionError(printed.get('zh')!, { ...DEFAULT_LIMITS, timeoutMs: 1 });
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/longer than the limit of 1 ms/u);
  });

  it('time running out at any step leaves no stray failure behind', async () => {
    const stray: unknown[] = [];
    const onStray = (reason: unknown) => stray.push(reason);
    process.on('unhandledRejection', onStray);
    try {
      for (let ms = 0; ms <= 40; ms += 2) {
        try {
          await extractPdf(printed.get('zh')!, { ...DEFAULT_LIMITS, timeoutMs: ms });
        } catch (error) {
          expect((error as ExtractionError).code).toBe('timeout');
        }
      }
      // Rejections are reported after a turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', onStray);
    }
    expect(stray).toEqual([]);
  });
});
