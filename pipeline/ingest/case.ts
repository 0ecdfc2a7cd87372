/**
 * Read and check case.yaml. A mistake is reported with its line and field, and an unknown
 * field with the nearest known one ("did you mean …?").
 */
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { caseSchema, type Case } from '../../schemas/case.ts';
import { DhrError, type Problem } from '../errors.ts';
import { readInput } from '../files.ts';
import { formatField, nearest, valueAt, yamlNodeAt } from './yaml-fields.ts';

export async function loadCaseFile(file: string): Promise<Case> {
  const bytes = await readInput(file);
  return parseCase(bytes.toString('utf8'), file);
}

export function parseCase(source: string, file = 'case.yaml'): Case {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // Only the first: one mistake (an unclosed bracket, a tab) makes the parser report every
    // line after it, and those go away when the first is put right.
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    throw new DhrError('invalid-case', `this is not valid YAML: ${firstLine(e.message)}${yamlHint(e.code, e.message)}`, { file, line: pos.line, column: pos.col });
  }
  const data = toPlainData(doc, file, 'invalid-case');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new DhrError('invalid-case', 'case.yaml must be a list of fields such as "reference:" and "people:"; it is empty or not a mapping', { file, line: 1 });
  }
  const result = caseSchema.safeParse(data);
  if (result.success) return result.data;

  const problems: Problem[] = [];
  const described = result.error.issues.flatMap((issue) => describeIssue(issue, doc, data));
  // A misspelt field is one mistake, not two: "caseLeter" is unknown and so "caseLetter" is
  // missing; the did-you-mean line says both.
  const suggested = new Set(described.filter((d) => d.suggests !== undefined).map((d) => formatField([...d.path.slice(0, -1), d.suggests!])));
  for (const p of described) {
    if (p.required && suggested.has(formatField(p.path))) continue;
    const node = yamlNodeAt(doc.contents as YamlNode | null, p.path);
    const offset = node?.range?.[0];
    const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
    problems.push({ place: { file, line, field: formatField(p.path) || undefined }, message: p.message });
  }
  throw new DhrError('invalid-case', problems[0].message, problems[0].place, problems);
}

/**
 * The document as plain data. The yaml library refuses to expand aliases (*name) past a limit
 * (a "billion laughs" file would fill memory); that refusal becomes a plain error naming the file.
 */
export function toPlainData(doc: { toJS(): unknown }, file: string, code: 'invalid-case' | 'invalid-action-plan'): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(reason)) {
      throw new DhrError(code, 'this file repeats aliases (*name) so many times that reading it would exhaust memory; write the values out in full instead of using anchors and aliases', { file });
    }
    throw new DhrError(code, `this YAML cannot be read (${firstLine(reason)}); check the file in a text editor`, { file });
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

interface Described {
  path: PropertyKey[];
  message: string;
  /** The known field an unknown one is probably meant to be. */
  suggests?: string;
  /** A required field that is missing. */
  required?: boolean;
}

/** What to do about the commonest YAML mistakes. */
function yamlHint(code: string, message: string): string {
  if (/end with a [\]}]/.test(message) || code === 'MISSING_CHAR') return ' (a [ or { opened on this line or one above it is not closed)';
  if (code === 'TAB_AS_INDENT') return ': indent with spaces, not tabs';
  if (code === 'DUPLICATE_KEY') return ': the same field is written twice here; keep one';
  if (code === 'BAD_INDENT') return ': line the field up with the others at its level';
  return '';
}

/** A value as the user wrote it, for messages. */
function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  if (typeof value === 'object') return 'a group of fields';
  return typeof value;
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list (written [a, b] or with "- " lines)',
  object: 'a group of fields',
  date: 'a date written YYYY-MM-DD',
};

function describeIssue(issue: z.core.$ZodIssue, doc: unknown, data: unknown): Described[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path);
    return issue.keys.map((key) => {
      const guess = nearest(key, known);
      return {
        path: [...issue.path, key],
        message: `unknown field "${key}"${guess ? ` — did you mean "${guess}"?` : ' (no field of that name is allowed here): check its spelling, or remove it'}`,
        suggests: guess,
      };
    });
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(data, issue.path) === undefined) {
    return [{ path: issue.path, message: `the field "${String(issue.path.at(-1))}" is required`, required: true }];
  }
  if (issue.code === 'invalid_type') {
    const expected = typeWords[String(issue.expected)] ?? String(issue.expected);
    return [{ path: issue.path, message: `should be ${expected}, not ${describeValue(valueAt(data, issue.path))}` }];
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return [{ path: issue.path, message: `must be one of: ${(issue.values as unknown[]).join(', ')}` }];
  }
  return [{ path: issue.path, message: issue.message }];
}


/** The field names the schema allows at a path (for did-you-mean). */
function knownKeysAt(path: PropertyKey[]): string[] {
  let schema: any = caseSchema;
  for (const key of path) {
    schema = unwrap(schema);
    if (typeof key === 'number') {
      schema = schema?.def?.element;
    } else {
      schema = schema?.shape?.[key];
    }
  }
  schema = unwrap(schema);
  if (schema?.def?.type === 'union') schema = schema.def.options.map(unwrap).find((o: any) => o?.shape);
  return schema?.shape ? Object.keys(schema.shape) : [];
}

function unwrap(schema: any): any {
  let s = schema;
  while (s?.def && ['optional', 'default', 'nullable', 'pipe'].includes(s.def.type)) {
    s = s.def.innerType ?? s.def.in;
  }
  if (s?.def?.type === 'union') {
    const withShape = s.def.options.map(unwrap).find((o: any) => o?.shape || o?.def?.element);
    return withShape ?? s;
  }
  return s;
}




