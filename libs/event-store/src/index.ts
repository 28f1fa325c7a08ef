/**
 * Public surface of libs/event-store. Import from here, not from the files behind it.
 *  - the EventStore port and its errors;
 *  - createEventStore(): picks and starts the adapter from configuration, with clear start-up errors;
 *  - SqlDatabase (+ runMigrations): the same PostgreSQL/PGlite connection, for projections that apply
 *    a batch and their checkpoint in one transaction next to the events;
 *  - checkpoint and hash-chain helpers for readers, feeds and auditors;
 *  - the embedded data directory's lock (one process per directory) and its owner-only files;
 *  - verifyStore(): every stream's chain and, on SQL, every stored row (the auditors' check).
 */
export * from './event-store.port';
export * from './event-store.errors';

export type { SqlDatabase, SqlDatabaseKind, SqlExecutor, SqlResult } from './sql/sql-database';
export { PgSqlDatabase, type PgSqlDatabaseOptions } from './sql/pg-sql-database';
export { PgliteSqlDatabase, type PgliteSqlDatabaseOptions } from './sql/pglite-sql-database';
export { runMigrations, currentMigrationVersion, MigrationError, type Migration, type MigrationSet, type MigrationOutcome } from './sql/migration-runner';

export { SqlEventStore, type SqlEventStoreOptions } from './sql-store/sql-event-store.adapter';
export { eventStoreMigrations, EVENT_STORE_NAMESPACE } from './sql-store/event-store.migrations';

export { compareCheckpoints, parseCheckpoint, formatCheckpoint, type ParsedCheckpoint } from './core/checkpoint';
export { canonicalJson, NotJsonError } from './core/canonical-json';
export { canonicalEvent, chainHash, ChainVerifier, GENESIS_HASH, readVerifiedStream, verifyEvents } from './core/hash-chain';

export { createEventStore, type CreateEventStoreOptions, type CreatedEventStore } from './factory/create-event-store.factory';
export { EventStoreDbEventStore, expectedRevisionFor, type EventStoreDbEventStoreOptions } from './eventstoredb/eventstoredb-event-store.adapter';

export { lockDataDir, inspectDataDirLock, embeddedDataDirOf, DataDirLocked, DATA_DIR_LOCK_FILE, type DataDirLock, type DataDirLockHolder, type DataDirLockOptions } from './embedded/data-dir.lock';
export { makeDataDirPrivate } from './embedded/private-data-dir';
export { auditSqlStorage, type StorageAudit, type StorageProblem, type StorageProblemKind } from './audit/storage-audit';
export { verifyStore, type StoreVerification, type StoreVerificationProgress, type VerifiableStore } from './audit/verify-store';
