/**
 * The family a genogram draws, worked out from case.yaml: who is drawn (family and household;
 * friends, neighbours and colleagues outside the household are not), who are partners, who are
 * whose children, which relationship was abusive, and each person's generation (the victim's
 * is 0, parents -1, children +1).
 *
 * Explicit `parents` come first; where they are missing, each person's `relationship` to the
 * victim ("partner", "ex-husband", "son", "mother", "sister" …) supplies the link. The text of
 * `relationship` is only classified here, never drawn (it may hold a name, and "son" or
 * "daughter" would give a child's sex away).
 */
import type { Case, Person } from '../../schemas/case.ts';
import { DhrError } from '../errors.ts';

export interface FamilyNode {
  key: string;
  person?: Person;
  /** An invisible parent joining siblings whose parents are not in the case. */
  hidden?: boolean;
  generation: number;
  /** Keys of the parents drawn above this person. */
  parents: string[];
  /** Horizontal position, set by the layout. */
  x: number;
}

export interface Couple {
  a: string;
  b: string;
  separated: boolean;
  abusive: boolean;
}

export interface Family {
  victim: Person;
  nodes: Map<string, FamilyNode>;
  couples: Couple[];
  /** Abuse between people who are not partners (a son, a brother …): [perpetrator, victim]. */
  abuseLines: [string, string][];
}

const familyRoles = new Set(['victim', 'alleged perpetrator', 'perpetrator', 'child', 'family member', 'partner', 'ex-partner']);

type Kind = 'partner' | 'parent' | 'child' | 'grandparent' | 'grandchild' | 'sibling' | 'older' | 'younger' | 'same';

/** What a relationship to the victim says about the family tree. */
export function classifyRelationship(relationship: string | undefined): { kind: Kind | null; separated: boolean; indirect: boolean } {
  const whole = (relationship ?? '').toLowerCase();
  // "partner's son", "son of Adult XAP": related to someone else, not directly to the victim;
  // the word that says what they are is the one after the possessive, or before "of".
  const possessive = /['’]s\s+(.+)$/.exec(whole);
  const of = /^(.+?)\s+of\b/.exec(whole);
  const indirect = Boolean(possessive || of);
  const r = possessive ? possessive[1] : of ? of[1] : whole;
  const separated = /\bex\b|\bex-|former|estranged|separated|divorced/.test(r);
  const kinds: [RegExp, Kind][] = [
    [/grand(mother|father|parent|ma|pa)/, 'grandparent'],
    [/grand(son|daughter|child)/, 'grandchild'],
    [/\b(partner|husband|wife|spouse|boyfriend|girlfriend|fianc[eé]e?)\b/, 'partner'],
    [/\b(step)?(mother|father|parent|mum|dad)\b/, 'parent'],
    [/\b(step)?(son|daughter|child)\b/, 'child'],
    [/\b(step|half[- ])?(brother|sister|sibling)\b/, 'sibling'],
    [/\b(aunt|uncle)\b/, 'older'],
    [/\b(niece|nephew)\b/, 'younger'],
    [/\bcousin\b/, 'same'],
  ];
  const found = kinds.find(([pattern]) => pattern.test(r));
  return { kind: found ? found[1] : null, separated, indirect };
}

export function isPerpetrator(p: Person): boolean {
  return p.role === 'perpetrator' || p.role === 'alleged perpetrator';
}

export function isChild(p: Person): boolean {
  return p.role === 'child' || (p.age !== undefined && p.age < 18);
}

export function coupleOf(couples: Couple[], a: string, b: string): Couple | undefined {
  return couples.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));
}

/** Family and household members, and anyone named as a parent of someone drawn. */
function drawnPeople(caseModel: Case): Map<string, FamilyNode> {
  const byCode = new Map(caseModel.people.map((p) => [p.code, p]));
  const included = new Set<string>();
  for (const p of caseModel.people) if (familyRoles.has(p.role) || p.household) included.add(p.code);
  let grew = true;
  while (grew) {
    grew = false;
    for (const code of [...included]) {
      for (const parent of byCode.get(code)?.parents ?? []) {
        if (byCode.has(parent) && !included.has(parent)) {
          included.add(parent);
          grew = true;
        }
      }
    }
  }
  const nodes = new Map<string, FamilyNode>();
  for (const code of included) {
    const person = byCode.get(code) as Person;
    nodes.set(code, { key: code, person, generation: 0, parents: (person.parents ?? []).filter((c) => included.has(c)), x: 0 });
  }
  return nodes;
}

/** Links from each person's relationship to the victim, where case.yaml gives no parents. */
function inferLinks(victim: Person, nodes: Map<string, FamilyNode>, couples: Couple[]): Map<string, number> {
  const addCouple = (a: string, b: string, separated: boolean): void => {
    if (a !== b && !coupleOf(couples, a, b)) couples.push({ a, b, separated, abusive: false });
  };
  const generationHint = new Map<string, number>();
  const siblings: string[] = [];
  const victimNode = nodes.get(victim.code) as FamilyNode;
  for (const node of nodes.values()) {
    const p = node.person as Person;
    if (p.code === victim.code) continue;
    const { kind, separated, indirect } = classifyRelationship(p.relationship);
    const exRole = p.role === 'ex-partner';
    if (kind === 'partner' || ((p.role === 'partner' || exRole) && kind === null)) {
      if (!indirect) addCouple(victim.code, p.code, separated || exRole);
      generationHint.set(p.code, 0);
    } else if (kind === 'parent') {
      if (!indirect && (victim.parents ?? []).length === 0 && victimNode.parents.length < 2) victimNode.parents.push(p.code);
      generationHint.set(p.code, -1);
    } else if (kind === 'child') {
      if (!indirect && node.parents.length === 0) node.parents.push(victim.code);
      generationHint.set(p.code, 1);
    } else if (kind === 'sibling') {
      generationHint.set(p.code, 0);
      if (!indirect && node.parents.length === 0) siblings.push(p.code);
    } else if (kind !== null) {
      generationHint.set(p.code, { grandparent: -2, grandchild: 2, older: -1, younger: 1, same: 0 }[kind]);
    }
  }
  if (siblings.length > 0) {
    if (victimNode.parents.length > 0) {
      for (const s of siblings) (nodes.get(s) as FamilyNode).parents.push(...victimNode.parents);
    } else {
      // Siblings whose parents are not in the case: joined under a parent that is not drawn.
      const hidden: FamilyNode = { key: '#siblings', hidden: true, generation: 0, parents: [], x: 0 };
      nodes.set(hidden.key, hidden);
      victimNode.parents.push(hidden.key);
      for (const s of siblings) (nodes.get(s) as FamilyNode).parents.push(hidden.key);
    }
  }
  // Two parents of one child are a couple.
  for (const node of nodes.values()) if (node.parents.length === 2) addCouple(node.parents[0], node.parents[1], false);
  return generationHint;
}

/** Generations: from the victim (0) along parent, child and partner links; hints for the rest. */
function assignGenerations(victim: Person, nodes: Map<string, FamilyNode>, couples: Couple[], hints: Map<string, number>): void {
  const assigned = new Set<string>([victim.code]);
  (nodes.get(victim.code) as FamilyNode).generation = 0;
  const queue = [victim.code];
  const childrenOf = (key: string): FamilyNode[] => [...nodes.values()].filter((n) => n.parents.includes(key));
  while (queue.length) {
    const key = queue.shift() as string;
    const node = nodes.get(key) as FamilyNode;
    const visit = (other: string, generation: number): void => {
      if (assigned.has(other) || !nodes.has(other)) return;
      assigned.add(other);
      (nodes.get(other) as FamilyNode).generation = generation;
      queue.push(other);
    };
    for (const parent of node.parents) visit(parent, node.generation - 1);
    for (const child of childrenOf(key)) visit(child.key, node.generation + 1);
    for (const c of couples) {
      if (c.a === key) visit(c.b, node.generation);
      if (c.b === key) visit(c.a, node.generation);
    }
    if (queue.length === 0) {
      // Someone not linked to the victim's tree: start again from them, at their hinted generation.
      const next = [...nodes.values()].find((n) => !assigned.has(n.key) && hints.has(n.key)) ?? [...nodes.values()].find((n) => !assigned.has(n.key));
      if (next) {
        assigned.add(next.key);
        next.generation = hints.get(next.key) ?? 0;
        queue.push(next.key);
      }
    }
  }
}

export function familyOf(caseModel: Case): Family {
  const victim = caseModel.people.find((p) => p.role === 'victim');
  if (!victim) throw new DhrError('invalid-case', 'the case lists no person with the role "victim"', { field: 'people' });
  const nodes = drawnPeople(caseModel);
  const couples: Couple[] = [];
  const hints = inferLinks(victim, nodes, couples);
  // The abusive relationship: victim and perpetrator.
  const abuseLines: [string, string][] = [];
  for (const node of nodes.values()) {
    if (!node.person || !isPerpetrator(node.person)) continue;
    const couple = coupleOf(couples, victim.code, node.key);
    if (couple) couple.abusive = true;
    else abuseLines.push([node.key, victim.code]);
  }
  assignGenerations(victim, nodes, couples, hints);
  return { victim, nodes, couples, abuseLines };
}
