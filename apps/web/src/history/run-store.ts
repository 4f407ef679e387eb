import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { RunRecord } from './run-record.js';

interface RunsDb extends DBSchema {
  runs: { key: string; value: RunRecord };
}

const DB_NAME = 'lab-runs';

let db: Promise<IDBPDatabase<RunsDb>> | undefined;

function open(): Promise<IDBPDatabase<RunsDb>> {
  db ??= openDB<RunsDb>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('runs', { keyPath: 'id' });
    },
  });
  return db;
}

/**
 * The page's runs in this browser's IndexedDB (database `lab-runs`), oldest first, through `idb`
 * (a small, well-kept promise wrapper over IndexedDB). Every function rejects when storage is
 * unavailable (private windows may refuse it); the page then keeps runs for the session only.
 */
export const runStore = {
  async list(): Promise<RunRecord[]> {
    return (await (await open()).getAll('runs')).sort((a, b) => a.id.localeCompare(b.id));
  },
  async put(record: RunRecord): Promise<void> {
    await (await open()).put('runs', record);
  },
  async delete(id: string): Promise<void> {
    await (await open()).delete('runs', id);
  },
  async clear(): Promise<void> {
    await (await open()).clear('runs');
  },
};
