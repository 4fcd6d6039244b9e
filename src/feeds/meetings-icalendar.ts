/**
 * @module An iCalendar (RFC 5545) calendar of the review cycle's meetings: all-day events,
 * CRLF line ends, lines folded at 75 octets, text escaped.
 */
import type { Meeting } from '../domain/model.js';

function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Folds a content line so no line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compact = (date: string) => date.replace(/-/g, '');
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function meetingsICalendar(meetings: readonly Meeting[], stamp: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Pillars//NPT review cycle//EN',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:NPT review cycle',
  ];
  for (const m of meetings) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${m.id}@pillars`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(m.startDate)}`,
      // DTEND of an all-day event is exclusive: the day after the last day.
      `DTEND;VALUE=DATE:${compact(dayAfter(m.endDate))}`,
      `SUMMARY:${escapeText(m.names.en)}`,
      `LOCATION:${escapeText(m.city)}`,
      `DESCRIPTION:${escapeText(`${m.symbolPrefix ? `Documents: ${m.symbolPrefix}/…. ` : ''}${m.note ? `${m.note} ` : ''}Source: ${m.source}`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
