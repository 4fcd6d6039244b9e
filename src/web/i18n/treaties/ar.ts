/** Arabic strings of the treaty-participation views (terminology of the Arabic texts of the treaties). Rendered RTL. */
import type { TreatyMessages } from './en.js';

export const treatiesAr: TreatyMessages = {
  'asOf.label': 'الوضع في تاريخ',
  'asOf.today': 'العودة إلى اليوم',
  'asOf.hint': 'محسوب من أحداث التوقيع والتصديق والانسحاب المسجلة والمؤرخة، مع مصدر كل منها.',

  'standing.party': 'دولة طرف',
  'standing.consented': 'صدّقت — لم يبدأ النفاذ بعد',
  'standing.signed': 'موقِّعة',
  'standing.withdrawal-pending': 'انسحاب لم يصبح نافذا بعد',
  'standing.withdrawn': 'منسحبة',
  'standing.ratification-withdrawn': 'سُحب التصديق',
  'standing.expired': 'انتهى أجل المعاهدة',
  'standing.not-signed': 'غير موقِّعة',
  'consent.ratification': 'تصديق',
  'consent.accession': 'انضمام',
  'consent.succession': 'خلافة',
  'consent.acceptance': 'قبول',
  'consent.approval': 'موافقة',
  'consent.consent-to-be-bound': 'رضا بالالتزام',

  'participation.title': 'المشاركة في {date}',
  'participation.none': 'لا يوجد توقيع أو تصديق أو انسحاب مسجل بشأن هذا الصك.',
  'participation.basis':
    'محسوب من الأحداث المسجلة حتى هذا التاريخ وعددها {count}. تُحتسب الدولة التي لا حدث مسجلا لها دولةً غير موقِّعة.',
  'participation.legend': 'الدول حسب الوضع',

  'eif.title': 'بدء النفاذ',
  'eif.inForce': 'نافذ منذ {date}',
  'eif.computed': 'تاريخ محسوب من التصديقات المسجلة وفقا لقاعدة بدء النفاذ.',
  'eif.recorded':
    'التاريخ حسب سجلات الجهة الوديعة: التصديقات المسجلة لا تبلغ العدد الذي تشترطه القاعدة.',
  'eif.notInForce': 'غير نافذ في {date}',
  'eif.count': 'التصديقات والانضمامات: {consents} من أصل {required} مطلوبة.',
  'eif.pending': 'بلغ العدد المطلوب؛ يبدأ نفاذ الصك بعد انقضاء المدة التي تحددها قاعدته.',
  'eif.annex': 'دول المرفق 2 التي صدّقت: {done} من أصل {required}.',
  'eif.missing': 'دول المرفق 2 التي لم تصدّق بعد ({count})',
  'eif.perState': 'يبدأ نفاذه إزاء كل دولة من تاريخ تصديقها؛ لا يوجد تاريخ واحد لبدء النفاذ.',
  'eif.rule': 'القاعدة',

  'chart.map': 'الخريطة',
  'chart.mapAlt':
    'خريطة العالم لوضع الدول إزاء {instrument} في {date}، بلون لكل وضع كما في مفتاح الألوان. ويعرض الجدول أدناه المعلومات نفسها.',
  'chart.timeline': 'التطور عبر الزمن',
  'chart.timelineAlt':
    'رسم بياني لعدد الدول الموقِّعة والدول الأطراف في {instrument} عبر الزمن حتى {date}. ويعرض الجدول أدناه التواريخ.',
  'chart.failed': 'تعذّر تحميل الصورة.',

  'parties.title': 'الدول التي سُجلت لها أحداث',
  'parties.filter': 'الوضع',
  'parties.allStandings': 'جميع الأوضاع',
  'parties.none': 'لا توجد دولة في هذا الوضع في هذا التاريخ.',
  'col.state': 'الدولة',
  'col.standing': 'الوضع',
  'col.signed': 'التوقيع',
  'col.consented': 'التصديق أو الانضمام',
  'col.inForceFrom': 'نافذ إزاءها منذ',
  'col.withdrawal': 'الانسحاب',
  'col.sources': 'المصادر',
  'col.protocol': 'البروتوكول',
  'withdrawal.notice': 'الإخطار: {date}',
  'withdrawal.effective': 'النفاذ: {date}',
  'sources.show': 'المصادر ({count})',
  'sources.withNotes': 'المصادر والملاحظات ({count})',
  'sources.notes': 'ملاحظات',

  'state.treaties': 'المعاهدات',
  'state.noTreaties': 'لا يوجد توقيع أو تصديق أو انسحاب مسجل لهذه الدولة.',

  'nwfz.title': 'بروتوكولات معاهدات المناطق الخالية من الأسلحة النووية',
  'nwfz.link':
    'الدول الحائزة للأسلحة النووية وبروتوكولات معاهدات المناطق الخالية من الأسلحة النووية',
  'nwfz.intro':
    'ما وقّعته وصدّقت عليه كل دولة من الدول الخمس الحائزة للأسلحة النووية من كل بروتوكول في التاريخ المختار، استنادا إلى الأحداث المسجلة.',
  'nwfz.caption': 'البروتوكولات (الصفوف) والدول الحائزة للأسلحة النووية (الأعمدة) في {date}',
  'nwfz.signed': 'التوقيع',
  'nwfz.ratified': 'التصديق',
  'nwfz.neither': 'لم توقّع ولم تصدّق',
  'nwfz.details': 'المصادر والملاحظات: {protocol}، {state}',
  'nwfz.legendRatified': 'صدّقت',
  'nwfz.legendSigned': 'وقّعت ولم تصدّق',
  'nwfz.empty': 'لا يوجد بروتوكول مسجل.',
};
