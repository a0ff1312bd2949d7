import { describe, expect, it } from 'vitest';
import { groupCommit } from '~/lib/group-commit';

/** A writer that records each batch it was given and answers each item doubled. */
function recordingWriter({ failBatchesWith }: { failBatchesWith?: number } = {}) {
  const batches: number[][] = [];
  const singles: number[] = [];
  const submit = groupCommit<number, number>({
    maxBatch: 4,
    writeBatch: async (items) => {
      batches.push([...items]);
      if (failBatchesWith !== undefined && items.includes(failBatchesWith)) throw new Error('one item spoils the batch');
      return items.map((item) => item * 2);
    },
    writeOne: async (item) => {
      singles.push(item);
      if (item === failBatchesWith) throw new Error(`item ${item} cannot be written`);
      return item * 2;
    },
  });
  return { submit, batches, singles };
}

/** Each item submitted from its own callback, as each HTTP request's action runs. */
function submitInSeparateTurns(submit: (item: number) => Promise<number>, items: number[]) {
  return Promise.allSettled(items.map((item) => new Promise<number>((resolve, reject) => setImmediate(() => submit(item).then(resolve, reject)))));
}

describe('group commit', () => {
  it('writes items that arrive in separate turns of the event loop together, up to the batch size', async () => {
    const { submit, batches } = recordingWriter();

    const results = await submitInSeparateTurns(submit, [1, 2, 3, 4, 5, 6]);

    expect(results).toEqual([2, 4, 6, 8, 10, 12].map((value) => ({ status: 'fulfilled', value })));
    expect(batches).toEqual([[1, 2, 3, 4], [5, 6]]);
  });

  it('writes a lone item at once, in a batch of its own', async () => {
    const { submit, batches } = recordingWriter();

    expect(await submit(7)).toBe(14);
    expect(await submit(8)).toBe(16);
    expect(batches).toEqual([[7], [8]]);
  });

  it('writes each item on its own when the batch fails, so only the bad item’s request fails', async () => {
    const { submit, batches, singles } = recordingWriter({ failBatchesWith: 2 });

    const results = await submitInSeparateTurns(submit, [1, 2, 3]);

    expect(batches).toEqual([[1, 2, 3]]);
    expect(singles).toEqual([1, 2, 3]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 2 });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: new Error('item 2 cannot be written') });
    expect(results[2]).toEqual({ status: 'fulfilled', value: 6 });
  });
});
