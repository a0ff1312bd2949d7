import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';

type AdapterFactory = PrismaBetterSqlite3;
type Adapter = Awaited<ReturnType<AdapterFactory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;
type Release = () => void;

/** First come, first served: each caller waits for everyone before it to release their turn. */
class Turns {
  #last: Promise<void> = Promise.resolve();

  take(): Promise<Release> {
    let release!: Release;
    const turnEnds = new Promise<void>((resolve) => (release = resolve));
    const turnStarts = this.#last.then(() => release);
    this.#last = this.#last.then(() => turnEnds);
    return turnStarts;
  }
}

/**
 * The better-sqlite3 adapter runs every query on one connection and queues transactions behind each other, but a
 * query outside a transaction runs at once, inside whichever transaction is open: it reads that transaction's
 * half-written rows, and its own write is undone if that transaction rolls back. Here a query outside a transaction
 * waits for the open transaction to finish, as it would on a database with a connection per request. Code inside a
 * transaction must use its `tx`: a query on the shared client there waits for its own transaction and times out.
 */
export function serialisedSqlite(factory: AdapterFactory): AdapterFactory {
  return new Proxy(factory, {
    get(target, property) {
      if (property === 'connect') return async () => serialise(await target.connect());
      if (property === 'connectToShadowDb') return async () => serialise(await target.connectToShadowDb());
      return boundMember(target, property);
    },
  });
}

function serialise(adapter: Adapter): Adapter {
  const turns = new Turns();
  async function inTurn<T>(work: () => Promise<T>): Promise<T> {
    const release = await turns.take();
    try {
      return await work();
    } finally {
      release();
    }
  }
  return new Proxy(adapter, {
    get(target, property) {
      switch (property) {
        case 'queryRaw':
          return (query: Parameters<Adapter['queryRaw']>[0]) => inTurn(() => target.queryRaw(query));
        case 'executeRaw':
          return (query: Parameters<Adapter['executeRaw']>[0]) => inTurn(() => target.executeRaw(query));
        case 'executeScript':
          return (script: string) => inTurn(() => target.executeScript(script));
        case 'startTransaction':
          return async (isolationLevel?: Parameters<Adapter['startTransaction']>[0]) => {
            const release = await turns.take();
            try {
              return releasingOnEnd(await target.startTransaction(isolationLevel), release);
            } catch (error) {
              release();
              throw error;
            }
          };
        default:
          return boundMember(target, property);
      }
    },
  });
}

function releasingOnEnd(transaction: Transaction, release: Release): Transaction {
  return new Proxy(transaction, {
    get(target, property) {
      if (property === 'commit' || property === 'rollback') {
        return async () => {
          try {
            await target[property]();
          } finally {
            release();
          }
        };
      }
      return boundMember(target, property);
    },
  });
}

// Methods run on the real object, whose private fields a proxy cannot reach.
function boundMember(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property);
  return typeof value === 'function' ? value.bind(target) : value;
}
