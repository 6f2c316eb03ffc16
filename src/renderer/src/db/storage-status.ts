// What the rest of the app may know of the database itself: why storage failed, and notices
// (quota, another window blocking an upgrade). The Dexie instance stays inside db/.
export { describeStorageError, onStorageNotice, type StorageProblem } from './db'
