/** Tables of the inbound integration; `Database` in schema.ts includes them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InboundTables {}
