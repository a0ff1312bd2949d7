// `npm run import:historical -- <file.csv> [--dry-run]`: imports a council's historical records into the database
// that DATABASE_URL names (format: docs/import-format.md). Exit codes: 0 imported (or checked, with --dry-run),
// 1 the file was refused or the import failed, 2 the command was used wrongly or the file could not be read.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { prisma } from '~/lib/db.server';
import { formatNumber } from '~/lib/uk';
import { decodeCsvBytes, formatImportError, NOT_UTF8_MESSAGE } from '~/modules/importing/historical-csv';
import { importHistorical, type ImportCounts } from '~/modules/importing/historical.server';

const USAGE = 'Usage: npm run import:historical -- <file.csv> [--dry-run]';
const ERRORS_SHOWN = 200;

type Arguments = { file: string; dryRun: boolean } | { problem: string };

function readArguments(argv: string[]): Arguments {
  const flags = argv.filter((argument) => argument.startsWith('--'));
  const files = argv.filter((argument) => !argument.startsWith('--'));
  const unknown = flags.filter((flag) => flag !== '--dry-run');
  if (unknown.length > 0) return { problem: `Unknown option ${unknown.join(', ')}.` };
  if (files.length !== 1) return { problem: files.length === 0 ? 'Give the CSV file to import.' : 'Give one CSV file at a time.' };
  return { file: files[0], dryRun: flags.includes('--dry-run') };
}

function describeCounts(counts: ImportCounts, dryRun: boolean): string {
  const rows = `${formatNumber(counts.rows)} rows`;
  const created = formatNumber(counts.created);
  const updated = formatNumber(counts.updated);
  const unchanged = formatNumber(counts.unchanged);
  return dryRun
    ? `Checked ${rows}: nothing was written. Importing would create ${created}, update ${updated} and leave ${unchanged} unchanged.`
    : `Imported ${rows}: ${created} created, ${updated} updated, ${unchanged} unchanged.`;
}

async function main(): Promise<number> {
  const parsed = readArguments(process.argv.slice(2));
  if ('problem' in parsed) {
    console.error(`${parsed.problem}\n${USAGE}`);
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = await readFile(parsed.file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'there is no such file' : 'it cannot be read';
    console.error(`Cannot import ${parsed.file}: ${reason}.\n${USAGE}`);
    return 2;
  }

  const text = decodeCsvBytes(bytes);
  if (text === null) {
    console.error(`Nothing was imported: ${NOT_UTF8_MESSAGE}.`);
    return 1;
  }

  const result = await importHistorical(null, text, { dryRun: parsed.dryRun, fileName: path.basename(parsed.file) });
  if (!result.ok) {
    const count = result.errors.length;
    console.error(`Nothing was imported: the file has ${formatNumber(count)} ${count === 1 ? 'problem' : 'problems'}.`);
    for (const error of result.errors.slice(0, ERRORS_SHOWN)) console.error(formatImportError(error));
    if (count > ERRORS_SHOWN) console.error(`…and ${formatNumber(count - ERRORS_SHOWN)} more.`);
    return 1;
  }
  console.log(describeCounts(result.counts, result.dryRun));
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`The import stopped with an error and nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
