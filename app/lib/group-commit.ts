// Group commit: an item that arrives while a batch is being written waits for the next one, so under load many are
// written in one transaction and a quiet server still writes each at once. SQLite takes one writer at a time, so
// this costs a waiting request nothing and saves a transaction per item (decisions 013 and 015).

type Waiting<Item, Result> = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };

export type GroupCommitOptions<Item, Result> = {
  maxBatch: number;
  /** Writes every item in one go and answers each, in order; if it throws, each item is written with `writeOne`. */
  writeBatch: (items: readonly Item[]) => Promise<Result[]>;
  /** One item on its own, so an item that cannot be written fails only its own request. */
  writeOne: (item: Item) => Promise<Result>;
};

/**
 * A turn of the event loop, so requests whose bodies have arrived reach the queue: a transaction runs on promises
 * alone and would otherwise hold the loop until it commits, leaving every batch with one item in it.
 */
const nextTurnOfEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Returns the function each request calls with its item; it resolves once that item is written. */
export function groupCommit<Item, Result>({ maxBatch, writeBatch, writeOne }: GroupCommitOptions<Item, Result>) {
  const waiting: Waiting<Item, Result>[] = [];
  let writing = false;

  async function writeWaiting() {
    writing = true;
    try {
      while ((await nextTurnOfEventLoop(), waiting.length > 0)) {
        const batch = waiting.splice(0, maxBatch);
        let results: Result[] | null = null;
        try {
          results = await writeBatch(batch.map(({ item }) => item));
        } catch {
          // One item that cannot be written, or a clash with another process, must not fail the others.
        }
        if (results) {
          batch.forEach(({ resolve }, index) => resolve((results as Result[])[index]));
          continue;
        }
        for (const { item, resolve, reject } of batch) {
          try {
            resolve(await writeOne(item));
          } catch (error) {
            reject(error);
          }
        }
      }
    } finally {
      writing = false;
    }
  }

  return (item: Item): Promise<Result> =>
    new Promise((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void writeWaiting();
    });
}
