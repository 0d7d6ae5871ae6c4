/**
 * The corpus as tables for download: entities, statements and relations as CSV (RFC 4180, UTF-8
 * with a BOM so spreadsheet programs read Arabic correctly), each row tied to its evidence offsets.
 */
import type { Corpus } from '../model/schema';

/** Quotes a CSV field when needed; neutralises leading =+-@ so spreadsheets never run it as a formula. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with a header and a BOM. */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** One row per entity per document. */
export function entitiesCsv(corpus: Corpus): string {
  const rows = corpus.documents.flatMap((d) =>
    d.entities.map((e) => [
      e.id,
      e.type,
      e.label.ar ?? '',
      e.label.en ?? '',
      e.aliases.join(' | '),
      e.wikidata ?? '',
      (e.roles ?? []).map((r) => r.text).join(' | '),
      d.id,
      e.mentions.length,
      e.mentions.map((m) => `${m.start}-${m.end}`).join(' '),
    ]),
  );
  return toCsv(['id', 'type', 'label_ar', 'label_en', 'aliases', 'wikidata', 'roles', 'document', 'mentions', 'offsets'], rows);
}

/** One row per statement, with its speaker, date and chain of transmission. */
export function statementsCsv(corpus: Corpus): string {
  const rows = corpus.documents.flatMap((d) =>
    d.statements.map((s) => [
      s.id,
      d.id,
      s.speaker ?? '',
      s.speakerText?.text ?? '',
      s.cue?.text ?? '',
      s.direct ?? '',
      s.when.start ?? '',
      s.when.end ?? '',
      s.when.precision,
      s.when.reported ? 'reported' : '',
      (s.chain ?? []).map((c) => c.text).join(' ← '),
      s.content ? d.text.slice(s.content.start, s.content.end) : d.text.slice(s.start, s.end),
      `${s.start}-${s.end}`,
    ]),
  );
  return toCsv(
    [
      'id',
      'document',
      'speaker',
      'speaker_text',
      'cue',
      'direct',
      'from',
      'to',
      'precision',
      'dated_by',
      'chain',
      'content',
      'offsets',
    ],
    rows,
  );
}

/** One row per relation, with the text of its first piece of evidence. */
export function relationsCsv(corpus: Corpus): string {
  const rows = corpus.documents.flatMap((d) =>
    d.relations.map((r) => [
      r.id,
      r.type,
      r.source,
      r.target,
      r.weight ?? '',
      d.id,
      r.evidence[0] ? d.text.slice(r.evidence[0].start, r.evidence[0].end) : '',
      r.evidence.map((e) => `${e.start}-${e.end}`).join(' '),
    ]),
  );
  return toCsv(['id', 'type', 'source', 'target', 'weight', 'document', 'evidence', 'offsets'], rows);
}

/** Offers text as a file download (Blob and object URL: no server, works from file:// too). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
