// Types of publicSurface.mjs (plain JavaScript so that the size-limit configuration can load it).
export interface PublicName {
  /** The exported name. */
  name: string;
  /** Whether it is exported with `export type` (no runtime value). */
  type: boolean;
  /** The `// [group]` heading it stands under ('' before any). */
  group: string;
  /** The module it is re-exported from, relative to src/, without extension. */
  from: string;
}
export declare const ENTRY_FILES: {
  core: string;
  react: string;
  testing: string;
  sandbox: string;
};
export declare function entryNames(root: string, file: string): PublicName[];
export declare function publicSurface(root: string): Record<keyof typeof ENTRY_FILES, PublicName[]>;
export declare function values(names: readonly PublicName[], ...groups: string[]): string[];
