import { Store } from '../store/store.js';
import { CliError, type CliIo } from './cli-io.js';
import { storeLocation } from './store-location.js';

/** Open the store a command names, run `work`, always close; a store that cannot open is one clear line. */
export async function withStore<T>(io: CliIo, dbOption: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const location = storeLocation(io, dbOption);
  let store: Store;
  try {
    store = await Store.open(location);
  } catch (error) {
    const shown = location.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
    throw new CliError(`cannot open the store at ${shown}: ${(error as Error).message}`);
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
