import { describe, expect, it } from 'vitest';
import { newRowId } from '~/lib/bulk-insert.server';

describe('ids for rows inserted in bulk', () => {
  it('sort in the order they were made, within a millisecond and across them', () => {
    const ids = [newRowId(1_790_000_000_000), newRowId(1_790_000_000_000), newRowId(1_790_000_000_000), newRowId(1_790_000_000_001), newRowId(1_790_000_060_000)];

    expect([...ids].sort()).toEqual(ids);
  });

  it('are unique and look like the other record ids the app accepts in a URL', () => {
    const ids = Array.from({ length: 10_000 }, () => newRowId());

    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{25}$/);
  });
});
