export interface Migration {
  /** Applied in order; recorded in schema_version. */
  version: number;
  name: string;
  statements: string[];
}
