/**
 * @module Turns the paths a user gives (files, directories, globs with * ? and **) into the list
 * of files to ingest, in a stable order. Directories contribute the files with a supported
 * extension; a named file is taken whatever its extension (and refused later if need be).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './stages/detect-format.js';

export interface ExpandedPaths {
  readonly files: string[];
  /** Arguments that matched nothing: reported per item, not silently dropped. */
  readonly missing: string[];
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (
      entry.isFile() &&
      SUPPORTED_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))
    )
      out.push(path);
  }
}

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u');
}

export function expandPaths(args: readonly string[], cwd = process.cwd()): ExpandedPaths {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    if (!/[*?]/u.test(arg)) {
      try {
        if (statSync(path).isDirectory()) walk(path, files);
        else files.push(path);
      } catch {
        missing.push(arg);
      }
      continue;
    }
    const firstWild = path.search(/[*?]/u);
    const root = path.slice(0, path.lastIndexOf(sep, firstWild)) || sep;
    const matcher = globToRegExp(path.split(sep).join('/'));
    const candidates: string[] = [];
    try {
      walkAll(root, candidates);
    } catch {
      missing.push(arg);
      continue;
    }
    const matched = candidates.filter((f) => matcher.test(f.split(sep).join('/')));
    if (matched.length === 0) missing.push(arg);
    files.push(...matched);
  }
  return { files: [...new Set(files)], missing };
}

function walkAll(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walkAll(path, out);
    else if (entry.isFile()) out.push(path);
  }
}
