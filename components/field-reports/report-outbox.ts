// Field reports written without a network, kept in IndexedDB (which holds the photo Blobs) until
// they are sent. Each keeps the id generated when it was written, so a resend after a lost answer
// is stored once on the server.

export type QueuedReport = {
  id: string;
  incidentId: string;
  text: string;
  position: { lat: number; lng: number; accuracy: number | null } | null;
  capturedAt: string;
  utcOffsetMinutes: number;
  photos: { blob: Blob; exif: Blob | null }[];
};

const DB_NAME = 'ecodispatch-field-reports';
const STORE = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

export const queueReport = (report: QueuedReport) => run('readwrite', (store) => store.put(report)).then(() => undefined);
export const removeQueuedReport = (id: string) => run('readwrite', (store) => store.delete(id)).then(() => undefined);
export const queuedReports = (): Promise<QueuedReport[]> =>
  run('readonly', (store) => store.getAll() as IDBRequest<QueuedReport[]>).then((all) => all.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt)));
