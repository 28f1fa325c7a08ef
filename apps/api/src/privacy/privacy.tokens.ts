/** The households' key store behind the app's EncryptingEventStore. */
export const KEY_STORE = Symbol('KeyStore');
export const HOUSEHOLD_ERASER = Symbol('HouseholdEraser');
