import { prisma } from '~/lib/db.server';

// The dashboards' figures, remembered per filter while the data they were counted from is unchanged (decision 014).
// Triggers bump ReportingDataVersion in the same transaction as any change to the tables the reports count from, so
// a figure remembered under an older version is never shown: the next request counts again. The version is read
// before counting, so a change committed while counting can only make the remembered figures newer than their
// version, never older.

const MOST_REMEMBERED = 200;
const remembered = new Map<string, { version: number; figures: Promise<unknown> }>();

export async function rememberFigures<T>(name: string, filter: object, count: () => Promise<T>): Promise<T> {
  const version = await reportingDataVersion();
  if (version === null) return count();
  const key = `${name} ${JSON.stringify(filter)}`;
  const entry = remembered.get(key);
  if (entry && entry.version === version) return entry.figures as Promise<T>;

  const figures = count();
  remembered.delete(key);
  remembered.set(key, { version, figures });
  if (remembered.size > MOST_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  figures.catch(() => {
    if (remembered.get(key)?.figures === figures) remembered.delete(key);
  });
  return figures;
}

/** Null when the version row is missing (a database emptied by hand): then nothing is remembered. */
async function reportingDataVersion(): Promise<number | null> {
  const row = await prisma.reportingDataVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? null;
}
