// The public surface, read from the entry files, which are its only list: the export test, the
// bench's size rows and the size-limit checks all derive from here, so a new public name is added
// in one place. Each entry groups its names under `// [group] …` comments; the groups name what a
// host pays for together (the size rows measure them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from 'oxc-parser';

/**
 * @typedef {object} PublicName
 * @property {string} name the exported name
 * @property {boolean} type whether it is exported with `export type` (no runtime value)
 * @property {string} group the `// [group]` heading it stands under ('' before any)
 * @property {string} from the module it is re-exported from, relative to src/
 */

/** The entries of package.json's exports, by the file that lists their names. */
export const ENTRY_FILES = {
  core: 'src/core.ts',
  react: 'src/reactEntry.ts',
  testing: 'src/testing/index.ts',
  sandbox: 'src/sandbox/index.ts',
};

const GROUP = /^\/\/ \[([\w-]+)\]/;

/**
 * The names one entry file exports, in order, each with its group. Only `export { … } from` and
 * `export type { … } from` are allowed: anything else (a local declaration, `export *`) throws, so
 * that the file stays a plain list.
 * @param {string} root the repository root
 * @param {string} file the entry, relative to root
 * @returns {PublicName[]}
 */
export function entryNames(root, file) {
  const path = join(root, file);
  const code = readFileSync(path, 'utf8');
  const { program, comments, errors } = parseSync(path, code);
  if (errors.length > 0) throw new Error(`${file}: ${errors[0]?.message}`);
  const headings = comments
    .filter((comment) => comment.type === 'Line' && GROUP.test(`//${comment.value}`))
    .map((comment) => ({
      start: comment.start,
      group: GROUP.exec(`//${comment.value}`)?.[1] ?? '',
    }));
  const dir = file.slice('src/'.length, file.lastIndexOf('/') + 1);
  /** @type {PublicName[]} */
  const names = [];
  for (const node of program.body) {
    if (node.type === 'ExpressionStatement' && node.directive) continue;
    if (node.type !== 'ExportNamedDeclaration' || !node.source || node.declaration) {
      throw new Error(
        `${file}: only \`export { … } from\` lists belong in an entry (${node.type})`,
      );
    }
    const group = headings.filter((heading) => heading.start < node.start).at(-1)?.group ?? '';
    const from = join(dir, node.source.value).replace(/\.js$/, '');
    for (const specifier of node.specifiers) {
      const name = specifier.exported.name ?? specifier.exported.value;
      names.push({
        name,
        type: node.exportKind === 'type' || specifier.exportKind === 'type',
        group,
        from,
      });
    }
  }
  return names;
}

/**
 * Every entry's names.
 * @param {string} root the repository root
 * @returns {Record<keyof typeof ENTRY_FILES, PublicName[]>}
 */
export function publicSurface(root) {
  return {
    core: entryNames(root, ENTRY_FILES.core),
    react: entryNames(root, ENTRY_FILES.react),
    testing: entryNames(root, ENTRY_FILES.testing),
    sandbox: entryNames(root, ENTRY_FILES.sandbox),
  };
}

/**
 * The runtime (non-type) names of the given groups, in the order listed.
 * @param {readonly PublicName[]} names
 * @param {...string} groups
 * @returns {string[]}
 */
export function values(names, ...groups) {
  return names.filter((n) => !n.type && groups.includes(n.group)).map((n) => n.name);
}
