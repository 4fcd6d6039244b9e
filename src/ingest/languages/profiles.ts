/**
 * @module The six language profiles (see language-profile.ts for what each field means).
 */
import type { LanguageProfile } from './language-profile.js';
import type { Lang } from '../../domain/language-codes.js';

const months = (names: string[][]): Map<string, number> =>
  new Map(names.flatMap((forms, i) => forms.map((f) => [f.toLowerCase(), i + 1] as const)));
const ordinals = (names: string[][]): Map<string, number> =>
  new Map(names.flatMap((forms, i) => forms.map((f) => [f.toLowerCase(), i + 1] as const)));
const languages = (entries: [string, Lang][]): Map<string, Lang> =>
  new Map(entries.map(([k, v]) => [k.toLowerCase(), v]));

export const ENGLISH: LanguageProfile = {
  lang: 'en',
  months: months([
    ['January', 'Jan'],
    ['February', 'Feb'],
    ['March', 'Mar'],
    ['April', 'Apr'],
    ['May'],
    ['June', 'Jun'],
    ['July', 'Jul'],
    ['August', 'Aug'],
    ['September', 'Sep', 'Sept'],
    ['October', 'Oct'],
    ['November', 'Nov'],
    ['December', 'Dec'],
  ]),
  sessionOrdinals: ordinals([['First'], ['Second'], ['Third'], ['Fourth'], ['Fifth']]),
  sessionLine: /^(first|second|third|fourth|fifth) session$/iu,
  originalLine: /^original:\s*(\p{L}+)/iu,
  languageNames: languages([
    ['Arabic', 'ar'],
    ['Chinese', 'zh'],
    ['English', 'en'],
    ['French', 'fr'],
    ['Russian', 'ru'],
    ['Spanish', 'es'],
  ]),
  distributionLine: /^distr\.?:?\s*(general|limited|restricted)/iu,
  agendaLine:
    /^(?:(?:provisional )?agenda item (\d+[\w() ]*)|item (\d+[\w() ]*) of the (?:provisional )?agenda)/iu,
  voteLabels: {
    inFavour: /^in favou?r\s*:/iu,
    against: /^against\s*:/iu,
    abstaining: /^abstentions?\s*:|^abstaining\s*:/iu,
  },
  listConjunction: /\s+and\s+/u,
  sponsorLine: /(?:sponsored|submitted)(?: in the Committee)? by:?\s*(.+?)(?:\.\s|\.$|$)/u,
  subparagraphLetters: 'abcdefghijklmnopqrstuvwxyz',
  resolutionHeading: /^resolution\s+(\d+)\/(\d+)$/iu,
};

export const FRENCH: LanguageProfile = {
  lang: 'fr',
  months: months([
    ['janvier', 'janv'],
    ['février', 'fevrier', 'févr'],
    ['mars'],
    ['avril', 'avr'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil'],
    ['août', 'aout'],
    ['septembre', 'sept'],
    ['octobre', 'oct'],
    ['novembre', 'nov'],
    ['décembre', 'decembre', 'déc'],
  ]),
  sessionOrdinals: ordinals([
    ['Première', 'Premiere'],
    ['Deuxième', 'Deuxieme', 'Seconde'],
    ['Troisième', 'Troisieme'],
    ['Quatrième'],
    ['Cinquième'],
  ]),
  sessionLine:
    /^(première|premiere|deuxième|deuxieme|seconde|troisième|troisieme|quatrième|cinquième) session$/iu,
  originalLine: /^original\s*:\s*(\p{L}+)/iu,
  languageNames: languages([
    ['arabe', 'ar'],
    ['chinois', 'zh'],
    ['anglais', 'en'],
    ['français', 'fr'],
    ['francais', 'fr'],
    ['russe', 'ru'],
    ['espagnol', 'es'],
  ]),
  distributionLine: /^distr\.?\s*:?\s*(générale|generale|limitée|limitee|restreinte)/iu,
  agendaLine: /^point\s+(\d+[\w() ]*)\s+de l['’]ordre du jour/iu,
  voteLabels: {
    inFavour: /^ont voté pour\s*:/iu,
    against: /^ont voté contre\s*:/iu,
    abstaining: /^se sont abstenus\s*:/iu,
  },
  listConjunction: /\s+et\s+/u,
  sponsorLine:
    /(?:avait pour auteurs? les pays suivants|présenté par)\s*:?\s*(.+?)(?:\.\s|\.$|\.,|$)/u,
  subparagraphLetters: 'abcdefghijklmnopqrstuvwxyz',
  resolutionHeading: /^résolution\s+(\d+)\/(\d+)$/iu,
};

export const SPANISH: LanguageProfile = {
  lang: 'es',
  months: months([
    ['enero'],
    ['febrero'],
    ['marzo'],
    ['abril'],
    ['mayo'],
    ['junio'],
    ['julio'],
    ['agosto'],
    ['septiembre', 'setiembre'],
    ['octubre'],
    ['noviembre'],
    ['diciembre'],
  ]),
  sessionOrdinals: ordinals([
    ['Primer', 'Primero', 'Primera'],
    ['Segundo', 'Segunda'],
    ['Tercer', 'Tercero', 'Tercera'],
    ['Cuarto', 'Cuarta'],
    ['Quinto', 'Quinta'],
  ]),
  sessionLine:
    /^(primer|primero|primera|segundo|segunda|tercer|tercero|tercera|cuarto|cuarta|quinto|quinta) período de sesiones$/iu,
  originalLine: /^original\s*:\s*(\p{L}+)/iu,
  languageNames: languages([
    ['árabe', 'ar'],
    ['chino', 'zh'],
    ['inglés', 'en'],
    ['ingles', 'en'],
    ['francés', 'fr'],
    ['frances', 'fr'],
    ['ruso', 'ru'],
    ['español', 'es'],
  ]),
  distributionLine: /^distr\.?\s*:?\s*(general|limitada|reservada)/iu,
  agendaLine: /^tema\s+(\d+[\w() ]*)\s+del programa/iu,
  voteLabels: {
    inFavour: /^votos a favor\s*:/iu,
    against: /^votos en contra\s*:/iu,
    abstaining: /^abstenciones\s*:/iu,
  },
  listConjunction: /\s+[ye]\s+/u,
  sponsorLine:
    /patrocinado(?: en la Comisión)? por(?: los países siguientes)?\s*:?\s*(.+?)(?:\.\s|\.$|$)/u,
  subparagraphLetters: 'abcdefghijklmnopqrstuvwxyz',
  resolutionHeading: /^resolución\s+(\d+)\/(\d+)$/iu,
};

export const RUSSIAN: LanguageProfile = {
  lang: 'ru',
  // Genitive forms, as in "22 апреля 2013 года".
  months: months([
    ['января', 'январь'],
    ['февраля', 'февраль'],
    ['марта', 'март'],
    ['апреля', 'апрель'],
    ['мая', 'май'],
    ['июня', 'июнь'],
    ['июля', 'июль'],
    ['августа', 'август'],
    ['сентября', 'сентябрь'],
    ['октября', 'октябрь'],
    ['ноября', 'ноябрь'],
    ['декабря', 'декабрь'],
  ]),
  sessionOrdinals: ordinals([
    ['Первая'],
    ['Вторая'],
    ['Третья'],
    ['Четвертая', 'Четвёртая'],
    ['Пятая'],
  ]),
  sessionLine: /^(первая|вторая|третья|четвертая|четвёртая|пятая) сессия$/iu,
  originalLine: /^подлинный текст\s*:\s*(\p{L}+)/iu,
  languageNames: languages([
    ['арабский', 'ar'],
    ['китайский', 'zh'],
    ['английский', 'en'],
    ['французский', 'fr'],
    ['русский', 'ru'],
    ['испанский', 'es'],
  ]),
  distributionLine: /^distr\.?\s*:?\s*(general|limited|restricted)/iu,
  agendaLine: /^пункт\s+(\d+[\w() ]*)\s+(?:предварительной )?повестки дня/iu,
  voteLabels: {
    inFavour: /^голосовали за\s*:/iu,
    against: /^голосовали против\s*:/iu,
    abstaining: /^воздержались\s*:/iu,
  },
  listConjunction: /\s+и\s+/u,
  sponsorLine:
    /(?:внесли|авторами[^:]{0,40}|представлен[а-я]*[^:]{0,40})\s*:\s*(.+?)(?:\.\s|\.[;,)]|\.$|$)/u,
  subparagraphLetters: 'абвгдежзиклмнопрстуфхцчшщэюя',
  resolutionHeading: /^резолюция\s+(\d+)\/(\d+)$/iu,
};

export const CHINESE: LanguageProfile = {
  lang: 'zh',
  months: new Map(Array.from({ length: 12 }, (_, i) => [`${i + 1}月`, i + 1] as const)),
  sessionOrdinals: ordinals([['一'], ['二'], ['三'], ['四'], ['五']]),
  sessionLine: /^第([一二三四五])届会议$/u,
  originalLine: /^原\s*文\s*[:：]\s*(\p{Script=Han}+)/u,
  languageNames: languages([
    ['阿拉伯文', 'ar'],
    ['中文', 'zh'],
    ['英文', 'en'],
    ['法文', 'fr'],
    ['俄文', 'ru'],
    ['西班牙文', 'es'],
  ]),
  distributionLine: /^distr\.?\s*:?\s*(general|limited|restricted)/iu,
  agendaLine: /^临时议程(?:项目)?\s*(\d+[\w() ]*)/u,
  voteLabels: {
    inFavour: /^赞成\s*[:：]/u,
    against: /^反对\s*[:：]/u,
    abstaining: /^弃权\s*[:：]/u,
  },
  listConjunction: /\s*和\s*/u,
  sponsorLine: /由下列提案国[^：:]*[：:]\s*(.+?)(?:。|$)/u,
  subparagraphLetters: 'abcdefghijklmnopqrstuvwxyz',
  resolutionHeading: /^第\s*(\d+)\/(\d+)\s*号决议$/u,
};

export const ARABIC: LanguageProfile = {
  lang: 'ar',
  // UN Arabic documents pair the Levantine and the Egyptian month name: "نيسان/أبريل".
  months: months([
    ['كانون الثاني/يناير', 'يناير'],
    ['شباط/فبراير', 'فبراير'],
    ['آذار/مارس', 'مارس'],
    ['نيسان/أبريل', 'أبريل'],
    ['أيار/مايو', 'مايو'],
    ['حزيران/يونيه', 'يونيه', 'يونيو'],
    ['تموز/يوليه', 'يوليه', 'يوليو'],
    ['آب/أغسطس', 'أغسطس'],
    ['أيلول/سبتمبر', 'سبتمبر'],
    ['تشرين الأول/أكتوبر', 'أكتوبر'],
    ['تشرين الثاني/نوفمبر', 'نوفمبر'],
    ['كانون الأول/ديسمبر', 'ديسمبر'],
  ]),
  sessionOrdinals: ordinals([['الأولى'], ['الثانية'], ['الثالثة'], ['الرابعة'], ['الخامسة']]),
  sessionLine: /^الدورة (الأولى|الثانية|الثالثة|الرابعة|الخامسة)$/u,
  originalLine: /^الأصل\s*:\s*(?:بال)?(\p{Script=Arabic}+)/u,
  languageNames: languages([
    ['عربية', 'ar'],
    ['العربية', 'ar'],
    ['صينية', 'zh'],
    ['الصينية', 'zh'],
    ['إنكليزية', 'en'],
    ['الإنكليزية', 'en'],
    ['انكليزية', 'en'],
    ['إنجليزية', 'en'],
    ['فرنسية', 'fr'],
    ['الفرنسية', 'fr'],
    ['روسية', 'ru'],
    ['الروسية', 'ru'],
    ['إسبانية', 'es'],
    ['الإسبانية', 'es'],
  ]),
  distributionLine: /^distr\.?\s*:?\s*(general|limited|restricted)/iu,
  agendaLine: /^البند\s+(\d+[\w() ]*)\s+من جدول الأعمال/u,
  voteLabels: {
    inFavour: /^المؤيدون\s*:/u,
    against: /^المعارضون\s*:/u,
    abstaining: /^الممتنعون\s*:/u,
  },
  listConjunction: /\s+و(?=\S)/u,
  sponsorLine: /(?:اشترك في تقديم|مقدم من|قدمت?ه)[^:]{0,80}:\s*(.+?)(?:\.\s|\.[)،,]|\.$|$)/u,
  subparagraphLetters: 'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ',
  resolutionHeading: /^القرار\s+(\d+)\/(\d+)$/u,
};
