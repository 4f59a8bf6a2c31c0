// An input the importer cannot use; the message is the Chinese text the user reads.
export class ImportError extends Error {}
