/**
 * @module The glossary's domains. Free of dependencies so the web bundle can import the list
 * without zod (as language-codes.ts does for the languages).
 */
export const GLOSSARY_DOMAINS = [
  'disarmament',
  'non-proliferation',
  'peaceful-uses',
  'verification',
  'test-ban',
  'safeguards',
  'export-control',
  'nuclear-security',
  'nwfz',
  'institutions',
  'treaties',
] as const;
export type GlossaryDomain = (typeof GLOSSARY_DOMAINS)[number];
