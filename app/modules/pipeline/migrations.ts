import type { Snapshot } from 'xstate';
import { PIPELINE_MACHINE_VERSION } from './machine';

// Pure steps that rewrite a persisted snapshot from one machine version to the next (STYLE.md §3.4). To add one: bump
// PIPELINE_MACHINE_VERSION, add MIGRATIONS[old version], add a fixture under tests/fixtures/pipeline-snapshots/v<new>/
// and write a decision record.

/** The JSON shape of `getPersistedSnapshot` for this machine, as stored in Household.pipelineSnapshot. */
export type PersistedPipelineSnapshot = Snapshot<unknown> & {
  value: unknown;
  context: Record<string, unknown>;
  historyValue?: Record<string, { id: string }[]>;
};

export type SnapshotMigration = (snapshot: PersistedPipelineSnapshot) => PersistedPipelineSnapshot;

/** Version 2 added the transferred-out exit; its context field is null on every case written before it existed. */
export const addTransferredOutTo: SnapshotMigration = (snapshot) => ({
  ...snapshot,
  context: { ...snapshot.context, transferredOutTo: null },
});

/** MIGRATIONS[n] turns a snapshot written by machine version n into one for version n + 1. */
const MIGRATIONS: Readonly<Record<number, SnapshotMigration>> = { 1: addTransferredOutTo };

export class UnknownMachineVersion extends Error {
  constructor(readonly machineVersion: number) {
    super(`No pipeline snapshot migration path from machine version ${machineVersion} to ${PIPELINE_MACHINE_VERSION}`);
    this.name = 'UnknownMachineVersion';
  }
}

/** Runs every step from `fromVersion` to the current version; never guesses at an unknown version. */
export function migratePersistedSnapshot(
  snapshot: PersistedPipelineSnapshot,
  fromVersion: number,
  steps: { migrations?: Readonly<Record<number, SnapshotMigration>>; toVersion?: number } = {},
): PersistedPipelineSnapshot {
  const migrations = steps.migrations ?? MIGRATIONS;
  const toVersion = steps.toVersion ?? PIPELINE_MACHINE_VERSION;
  if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion > toVersion) {
    throw new UnknownMachineVersion(fromVersion);
  }
  let migrated = snapshot;
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = migrations[version];
    if (!step) throw new UnknownMachineVersion(fromVersion);
    migrated = step(migrated);
  }
  return migrated;
}

const MACHINE_ID_PREFIX = 'pipeline.';

function renamePath(path: string, renames: Readonly<Record<string, string>>): string {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const prefix = segments.slice(0, length).join('.');
    const renamed = renames[prefix];
    if (renamed !== undefined) return [renamed, ...segments.slice(length)].join('.');
  }
  return path;
}

function valueToPath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const [key, child] = Object.entries(value)[0] ?? [];
    if (key !== undefined) return `${key}.${valueToPath(child)}`;
  }
  throw new Error('A persisted pipeline snapshot has no state value');
}

function pathToValue(path: string): unknown {
  const [head, ...rest] = path.split('.');
  return rest.length === 0 ? head : { [head]: pathToValue(rest.join('.')) };
}

function renameNodeId(id: string, renames: Readonly<Record<string, string>>): string {
  if (!id.startsWith(MACHINE_ID_PREFIX)) return id;
  return MACHINE_ID_PREFIX + renamePath(id.slice(MACHINE_ID_PREFIX.length), renames);
}

/**
 * A building block for migration steps: renames state paths ('enquiry.contacted' → 'enquiry.contacting', or a whole
 * parent such as 'enquiry' → 'lead') in the state value and inside the history value, where XState would otherwise
 * drop an unknown id silently.
 */
export function renameStatePaths(
  snapshot: PersistedPipelineSnapshot,
  renames: Readonly<Record<string, string>>,
): PersistedPipelineSnapshot {
  const historyValue = Object.fromEntries(
    Object.entries(snapshot.historyValue ?? {}).map(([historyId, entries]) => [
      renameNodeId(historyId, renames),
      entries.map((entry) => ({ id: renameNodeId(entry.id, renames) })),
    ]),
  );
  return { ...snapshot, value: pathToValue(renamePath(valueToPath(snapshot.value), renames)), historyValue };
}
