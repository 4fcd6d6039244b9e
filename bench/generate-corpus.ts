/**
 * A deterministic corpus of UN-style documents in the six languages, built from the real sample
 * texts (A/RES/55/100 in six languages, the founding P5 statement): a masthead with a unique
 * symbol, a title, and numbered paragraphs drawn from the real paragraphs. Same seed, same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Lang } from '../src/domain/language-codes.js';
import { assembleParagraphs } from '../src/ingest/text/line-breaks.js';

const SAMPLES = new URL('../data/samples/', import.meta.url);

const SESSION: Record<Lang, string[]> = {
  en: ['First session', 'Second session', 'Third session'],
  fr: ['Première session', 'Deuxième session', 'Troisième session'],
  es: ['Primer período de sesiones', 'Segundo período de sesiones', 'Tercer período de sesiones'],
  ru: ['Первая сессия', 'Вторая сессия', 'Третья сессия'],
  zh: ['第一届会议', '第二届会议', '第三届会议'],
  ar: ['الدورة الأولى', 'الدورة الثانية', 'الدورة الثالثة'],
};

/** mulberry32: small, fast and good enough to pick sentences. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleParagraphs(lang: Lang): { title: string; paragraphs: string[] } {
  const lines = readFileSync(
    new URL(`un-ga-res-55-100/UN_GA_res55-100.${lang}.txt`, SAMPLES),
    'utf8',
  ).split('\n');
  const title = lines[5]!.replace(/^\d+\/\d+\s*[.-]\s*/u, '');
  let paragraphs = lines.slice(7).map((l) => l.replace(/^\d+\s*[.．-]\s*/u, '').trim());
  if (lang === 'zh') {
    const seed = readFileSync(
      new URL('seed/p5-joint-statement-2013.zh.txt', SAMPLES),
      'utf8',
    ).split('\n');
    paragraphs = [...paragraphs, ...assembleParagraphs(seed).slice(4)];
  }
  return { title, paragraphs: paragraphs.filter((p) => p.length > 20) };
}

export interface Corpus {
  readonly dir: string;
  readonly files: string[];
  readonly bytes: number;
  readonly perLanguage: Record<Lang, number>;
}

export function generateCorpus(dir: string, count: number, seed = 2013): Corpus {
  mkdirSync(dir, { recursive: true });
  const next = random(seed);
  const pools = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, sampleParagraphs(lang)]),
  ) as Record<Lang, ReturnType<typeof sampleParagraphs>>;
  const files: string[] = [];
  const perLanguage = Object.fromEntries(LANGUAGES.map((l) => [l, 0])) as Record<Lang, number>;
  let bytes = 0;
  const cycles = [2015, 2020, 2026];
  for (let i = 0; i < count; i++) {
    const lang = LANGUAGES[i % LANGUAGES.length]!;
    const cycle = cycles[Math.floor(next() * cycles.length)]!;
    const session = 1 + Math.floor(next() * 3);
    const pool = pools[lang];
    const paragraphs = Array.from(
      { length: 6 + Math.floor(next() * 14) },
      () => pool.paragraphs[Math.floor(next() * pool.paragraphs.length)]!,
    );
    const lines = [
      `NPT/CONF.${cycle}/PC.${['I', 'II', 'III'][session - 1]}/WP.${i + 1}`,
      'Distr.: General',
      SESSION[lang][session - 1]!,
      '',
      pool.title,
      '',
      ...paragraphs.map((p, k) => (lang === 'ar' ? `${k + 1} - ${p}` : `${k + 1}. ${p}`)),
    ];
    const text = `${lines.join('\n')}\n`;
    const file = join(dir, `doc-${String(i).padStart(5, '0')}.${lang}.txt`);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
    perLanguage[lang]++;
  }
  return { dir, files, bytes, perLanguage };
}
