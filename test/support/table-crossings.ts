import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Which context owns each table, and which entity names it declares. */
export interface Ownership {
  tables: Map<string, string>;
  entities: Map<string, string>;
}

export interface Crossing {
  file: string;
  line: number;
  context: string;
  /** The table (or entity name) it names, and who owns that. */
  names: string;
  owner: string;
  kind: 'sql' | 'orm';
}

/** Platform's shared tables (outbox, cursors, idempotency, throttling, mail) are for everyone. */
const SHARED_OWNER = 'platform';
const SQL_WORDS = /\b(select|insert|update|delete)\b/i;
const TABLE_AFTER = /\b(?:from|join|update|into|table)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
const ORM_BY_NAME =
  /\b(?:find|findOne|findOneOrFail|findAll|findAndCount|count|getReference|nativeUpdate|nativeDelete|create|upsert|createQueryBuilder|qb)\(\s*['"]([A-Z][A-Za-z0-9]*)['"]/g;

/** Every literal string of a TypeScript file, with the line it starts on. */
function literals(source: string, fileName: string): { text: string; line: number }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ text: node.text, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => ` $x ${span.literal.text}`)].join('');
      found.push({ text, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The tables and entity names of other contexts that one file's code names. */
export function crossingsIn(file: string, source: string, context: string, ownership: Ownership): Crossing[] {
  const crossings: Crossing[] = [];
  const foreign = (owner: string | undefined) =>
    owner !== undefined && owner !== context && owner !== SHARED_OWNER;
  for (const { text, line } of literals(source, file)) {
    if (!SQL_WORDS.test(text)) continue;
    for (const match of text.matchAll(TABLE_AFTER)) {
      const table = match[1].toLowerCase();
      const owner = ownership.tables.get(table);
      if (foreign(owner)) crossings.push({ file, line, context, names: table, owner: owner!, kind: 'sql' });
    }
  }
  for (const match of source.matchAll(ORM_BY_NAME)) {
    const owner = ownership.entities.get(match[1]);
    if (foreign(owner)) {
      const line = source.slice(0, match.index).split('\n').length;
      crossings.push({ file, line, context, names: match[1], owner: owner!, kind: 'orm' });
    }
  }
  return crossings;
}

const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.ts$/;
/** Written before contexts kept their own migrations; they create every context's tables. */
const HISTORY = join('libs', 'platform', 'src', 'database', 'migrations');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith(HISTORY) ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !TEST_FILE.test(path) ? [path] : [];
  });
}

/** Every crossing in libs/: code of one context naming a table or entity another context owns. */
export function crossingsInTree(root: string, ownership: Ownership): Crossing[] {
  const libs = join(root, 'libs');
  return readdirSync(libs).flatMap((context) =>
    sourceFiles(join(libs, context)).flatMap((path) =>
      crossingsIn(relative(root, path), readFileSync(path, 'utf8'), context, ownership),
    ),
  );
}
