/**
 * @module Splits a list of State names as UN documents print them ("In favour: Afghanistan,
 * Algeria, …", "赞成：阿富汗、阿尔及利亚、…", "المؤيدون: الاتحاد الروسي، إثيوبيا، …") into names.
 */

const LABEL = /^[^:：]{1,40}[:：]\s*/u;
const SEPARATORS = /\s*[,،、;；]\s*/u;

export interface NameList {
  /** The label before the colon ("In favour"), when there is one. */
  readonly label: string | null;
  readonly names: string[];
}

export function splitNameList(line: string): NameList {
  const text = line.trim();
  const label = LABEL.exec(text);
  const body = label ? text.slice(label[0].length) : text;
  const names = body
    .split(SEPARATORS)
    .map((name) => name.replace(/[.。]+$/u, '').trim())
    .filter((name) => name !== '');
  return { label: label ? label[0].replace(/[:：]\s*$/u, '').trim() : null, names };
}
