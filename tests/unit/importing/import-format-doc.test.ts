import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { COUNCILS } from '../../../prisma/seed/councils';
import { CLOSURE_REASONS, PERSONS_CHOICE_REASONS } from '~/modules/codes/closure-reasons';
import { DEREGISTRATION_REASONS } from '~/modules/codes/deregistration-reasons';
import { ENQUIRY_INTERESTS, ENQUIRY_SOURCES } from '~/modules/codes/enquiry';
import { IMPORT_COLUMNS, validateHistoricalCsv } from '~/modules/importing/historical-csv';

// docs/import-format.md is what councils read to prepare their files, so it must list every column and every code
// the import accepts, with the same labels, AW codes and groups as the code lists.
const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/import-format.md'), 'utf8');
const tableRows = doc.split('\n').filter((line) => line.startsWith('| `'));

/** The doc's table row for a code, within the section under `heading` (HEALTH, for one, is in two lists). */
function rowFor(heading: string, code: string): string | undefined {
  const start = doc.indexOf(heading);
  if (start === -1) throw new Error(`docs/import-format.md has no "${heading}" section`);
  const end = doc.indexOf('\n### ', start + heading.length);
  const section = doc.slice(start, end === -1 ? undefined : end);
  return section.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
}

describe('docs/import-format.md', () => {
  test('describes every column', () => {
    for (const column of IMPORT_COLUMNS) expect(tableRows.some((line) => line.startsWith(`| \`${column}\` |`)), column).toBe(true);
  });

  test('names every council id', () => {
    for (const council of COUNCILS) expect(doc).toContain(`\`${council.id}\``);
  });

  test('lists every enquiry type and source with its label', () => {
    for (const { code, label } of ENQUIRY_INTERESTS) expect(rowFor('### Enquiry types', code), code).toBe(`| \`${code}\` | ${label} |`);
    for (const { code, label } of ENQUIRY_SOURCES) expect(rowFor('### Sources', code), code).toBe(`| \`${code}\` | ${label} |`);
  });

  test('lists every closure reason with its label, and the AW code of each of the person’s own reasons', () => {
    const awCodes = new Map<string, string>(PERSONS_CHOICE_REASONS.map((reason) => [reason.code, reason.awCode]));
    for (const { code, label } of CLOSURE_REASONS) {
      const awCode = awCodes.get(code);
      const expected = awCode ? `| \`${code}\` | ${label} | \`${awCode}\` |` : `| \`${code}\` | ${label} |`;
      expect(rowFor('### Closure reasons', code), code).toBe(expected);
    }
  });

  test('lists every deregistration reason with its label and group', () => {
    const groupNames = { resigned: 'Resigned', otherEnding: 'Other ending' } as const;
    for (const { code, label, group } of DEREGISTRATION_REASONS) {
      expect(rowFor('### Deregistration reasons', code), code).toBe(`| \`${code}\` | ${label} | ${groupNames[group]} |`);
    }
  });

  test('its example file is one the import accepts', () => {
    const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const result = validateHistoricalCsv(example, { today: '2026-04-07', councilIds: COUNCILS.map((council) => council.id) });
    expect(result.ok && result.rows.map((row) => row.reference)).toEqual(['DC-2019-0042', 'DS-2024-0007', 'NC-2023-0311']);
  });
});
