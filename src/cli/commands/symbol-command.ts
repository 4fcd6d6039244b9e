/**
 * @module `pillars symbol`: parse UN document symbols and show their canonical spelling, the work
 * they belong to and their parts. Needs no store: it is a pure function of its arguments.
 */
import type { Command } from 'commander';
import { toRoman } from '../../ingest/symbols/roman-numerals.js';
import {
  parseSymbol,
  revisionLabel,
  type SymbolError,
  type UnSymbol,
} from '../../ingest/symbols/un-symbol.js';
import type { Output } from '../output.js';

export type SymbolResult =
  { input: string; symbol: UnSymbol } | { input: string; error: SymbolError };

/** One result per input, in order: the parsed symbol, or where and why parsing failed. */
export function presentSymbols(inputs: readonly string[]): SymbolResult[] {
  return inputs.map((input) => {
    const parse = parseSymbol(input);
    return parse.ok ? { input, symbol: parse.symbol } : { input, error: parse.error };
  });
}

/** The input as one table cell: a line break pasted from a PDF would break the table. */
function printable(text: string): string {
  let out = '';
  for (const ch of text) out += ch < ' ' ? JSON.stringify(ch).slice(1, -1) : ch;
  return out;
}

/** The fields a reader looks for, beyond body, series and number, as `name value` pairs. */
function details(symbol: UnSymbol): string {
  const parts: string[] = [];
  if (symbol.conference !== undefined) parts.push(`RevCon ${symbol.conference}`);
  if (symbol.prepCom !== undefined) parts.push(`PrepCom ${toRoman(symbol.prepCom)}`);
  if (symbol.mainCommittee !== undefined)
    parts.push(`Main Committee ${toRoman(symbol.mainCommittee)}`);
  if (symbol.subsidiaryBody !== undefined) parts.push(`subsidiary body ${symbol.subsidiaryBody}`);
  if (symbol.committee !== undefined) parts.push(`organ ${symbol.committee}`);
  if (symbol.session !== undefined)
    parts.push(
      `session ${symbol.specialSession ? `${symbol.specialSession}-` : ''}${symbol.session}`,
    );
  if (symbol.year !== undefined) parts.push(`year ${symbol.year}`);
  if (symbol.volume !== undefined) parts.push(`volume ${symbol.volume}`);
  if (symbol.part !== undefined) parts.push(`part ${symbol.part}`);
  if (symbol.resumption !== undefined) parts.push(`resumption ${symbol.resumption}`);
  if (symbol.reissued) parts.push('reissued');
  return parts.join(', ');
}

export function registerSymbolCommand(program: Command, out: Output): void {
  program
    .command('symbol <symbols...>')
    .description(
      'parse UN document symbols (NPT/CONF.2015/PC.II/WP.13, A/RES/55/100, S/RES/1540 (2004), ...): canonical form, work, revision and parts',
    )
    .option('--json', 'print JSON only: one {input, symbol} or {input, error} per symbol, in order')
    .action((symbols: string[], options: { json?: boolean }) => {
      const results = presentSymbols(symbols);
      if (options.json) out.json(results);
      else {
        out.table(
          ['input', 'canonical', 'work', 'revision', 'body', 'series', 'number', 'details'],
          results.map((r) =>
            'symbol' in r
              ? [
                  printable(r.input),
                  r.symbol.canonical,
                  r.symbol.base,
                  revisionLabel(r.symbol),
                  r.symbol.body,
                  r.symbol.series,
                  r.symbol.number ?? '',
                  details(r.symbol),
                ]
              : [printable(r.input), 'INVALID', '', '', '', '', '', r.error.message],
          ),
        );
      }
      // Report on every input first, then fail: one bad symbol must not hide the others.
      const failed = results.filter(
        (r): r is Extract<SymbolResult, { error: SymbolError }> => 'error' in r,
      );
      for (const r of failed)
        out.error(`pillars: not a UN document symbol '${printable(r.input)}': ${r.error.message}`);
      if (failed.length > 0) process.exitCode = 1;
    });
}
