import { describe, expect, test } from 'vitest';
import { PIPELINE_MACHINE_VERSION } from '~/modules/pipeline/machine';
import {
  UnknownMachineVersion,
  addTransferredOutTo,
  migratePersistedSnapshot,
  renameStatePaths,
  type PersistedPipelineSnapshot,
} from '~/modules/pipeline/migrations';

const heldAtContacted: PersistedPipelineSnapshot = {
  status: 'active',
  output: undefined,
  error: undefined,
  value: 'onHold',
  context: { route: 'mainstream', heldFrom: 'enquiry' },
  historyValue: { 'pipeline.enquiry.hist': [{ id: 'pipeline.enquiry.contacted' }] },
};

describe('migratePersistedSnapshot', () => {
  test('the current version passes through unchanged', () => {
    expect(PIPELINE_MACHINE_VERSION).toBe(2);
    expect(migratePersistedSnapshot(heldAtContacted, 2)).toBe(heldAtContacted);
  });

  test('version 1 gains an empty transferredOutTo and keeps its state, history and other facts', () => {
    const migrated = migratePersistedSnapshot(heldAtContacted, 1);
    expect(migrated.context).toEqual({ route: 'mainstream', heldFrom: 'enquiry', transferredOutTo: null });
    expect(migrated.value).toBe('onHold');
    expect(migrated.historyValue).toEqual(heldAtContacted.historyValue);
    expect(addTransferredOutTo(heldAtContacted)).toEqual(migrated);
  });

  test.each([0, -1, 1.5, PIPELINE_MACHINE_VERSION + 1, Number.NaN])('version %s is refused', (version) => {
    expect(() => migratePersistedSnapshot(heldAtContacted, version)).toThrow(UnknownMachineVersion);
  });

  test('runs each step in order up to the target version', () => {
    const migrations = {
      1: (snapshot: PersistedPipelineSnapshot) => ({ ...snapshot, context: { ...snapshot.context, steps: ['1→2'] } }),
      2: (snapshot: PersistedPipelineSnapshot) => ({
        ...snapshot,
        context: { ...snapshot.context, steps: [...((snapshot.context.steps as string[] | undefined) ?? []), '2→3'] },
      }),
    };
    expect(migratePersistedSnapshot(heldAtContacted, 1, { migrations, toVersion: 3 }).context.steps).toEqual(['1→2', '2→3']);
    expect(migratePersistedSnapshot(heldAtContacted, 2, { migrations, toVersion: 3 }).context.steps).toEqual(['2→3']);
  });

  test('a missing step is refused rather than skipped', () => {
    const migrations = { 2: (snapshot: PersistedPipelineSnapshot) => snapshot };
    expect(() => migratePersistedSnapshot(heldAtContacted, 1, { migrations, toVersion: 3 })).toThrow(UnknownMachineVersion);
  });
});

describe('renameStatePaths', () => {
  test('renames a leaf in the state value', () => {
    const atContacted = { ...heldAtContacted, value: { enquiry: 'contacted' }, historyValue: {} };
    expect(renameStatePaths(atContacted, { 'enquiry.contacted': 'enquiry.contacting' }).value).toEqual({ enquiry: 'contacting' });
  });

  test('renames ids inside the history value, where XState would drop unknown ids silently', () => {
    const renamed = renameStatePaths(heldAtContacted, { 'enquiry.contacted': 'enquiry.contacting' });
    expect(renamed.value).toBe('onHold');
    expect(renamed.historyValue).toEqual({ 'pipeline.enquiry.hist': [{ id: 'pipeline.enquiry.contacting' }] });
  });

  test('renaming a parent renames every path beneath it, history keys included', () => {
    const renamed = renameStatePaths({ ...heldAtContacted, value: { enquiry: 'received' } }, { enquiry: 'lead' });
    expect(renamed.value).toEqual({ lead: 'received' });
    expect(renamed.historyValue).toEqual({ 'pipeline.lead.hist': [{ id: 'pipeline.lead.contacted' }] });
  });

  test('leaves paths it was not asked about alone', () => {
    const renamed = renameStatePaths(heldAtContacted, { 'assessment.stage1': 'assessment.checks' });
    expect(renamed.value).toBe('onHold');
    expect(renamed.historyValue).toEqual(heldAtContacted.historyValue);
  });
});
