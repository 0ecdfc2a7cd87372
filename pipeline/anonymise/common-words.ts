/**
 * Names that are also everyday English words. A person called Mark or Rose must not turn every
 * "mark" and "rose" of a report into a code, so a name on this list is replaced only where it is
 * written with a capital, and the key does not derive it from a hyphenated surname on its own.
 * Lower case, without diacritics.
 */
const words = `
a an and the of in on at to by for with from as or but if not no so
mark will bill frank grace hope joy faith rose dawn summer may june april august march
amber ruby pearl holly ivy violet lily daisy heather iris jasmine hazel olive poppy fern
willow autumn winter spring sky storm rain river brook brooke cliff dean drew pat sue rob
ray grant jack chase wade bob hunter miles max sunny honey penny patience prudence
constance charity mercy harmony melody destiny angel precious king major earl duke prince
royal guy gene lance glen carol rich victor art don ken jay nick sally skip chip rod peg
kitty dot jewel crystal diamond gem star robin wren drake hawk fox wolf lamb bishop page
porter tanner baker cook butcher carpenter mason potter miller fisher archer turner
walker ward wood hill field ford lane street marsh moss bush bell stone banks lake glass
gold silver steel iron black white brown green grey gray young long short small little
strong sharp cash price hall house church chapel castle tower bridge gates wall well wells
dale vale moor moore heath rush reed root birch ash oak elm pine thorn hay barley rice
bean pepper salt sugar sweet love hart heart dear darling friend day night knight judge
law noble bond best good english french welsh irish frost snow cloud moon early late fry
crisp brand fair hardy jolly merry savage wild wise power mills cross bank lord lady
queen bull bird swan crane finch nightingale peacock rook crow fowler shepherd cooper
chandler thatcher weaver dyer glover steward waters rivers hills woods fields meadows
parks park marks pool lamb game child children baby best case cole coal gill gale
carter rose noel joy eve hope sterling sterling bloom blossom bud buck colt pike bass
lark dove quail free freeman gentle kind goodwill luck lucky happy smart swift quick
rider reader singer speaker trainer buyer seller hope
sunday monday tuesday wednesday thursday friday saturday
sky sage basil rosemary myrtle clementine cherry berry apple
`;

export const commonWords: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));

/** Month names that are also first names: a month reading is likely next to a number or year. */
export const monthNames: ReadonlySet<string> = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** Names that are also modal verbs: at the start of a question they are the verb ("Will you…", "May I…"). */
export const modalWords: ReadonlySet<string> = new Set(['will', 'may', 'can', 'must']);

/** Words that follow a modal verb at the start of a sentence ("Will you", "May the"). */
export const afterModal: ReadonlySet<string> = new Set([
  'i', 'you', 'he', 'she', 'we', 'they', 'it', 'this', 'that', 'these', 'those', 'there', 'the', 'a', 'an', 'be', 'not',
  'have', 'your', 'our', 'his', 'her', 'their', 'its', 'someone', 'anyone', 'everyone', 'all', 'any', 'each', 'also',
  'now', 'then', 'still', 'only', 'well', 'never', 'always', 'often', 'agencies', 'professionals', 'staff',
]);

/** Words before a month ("in May", "since May") that make the month reading likely. */
export const beforeMonth: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'during', 'from', 'by', 'of', 'early', 'late', 'mid', 'last', 'next', 'this', 'before',
  'after', 'between', 'throughout', 'end', 'beginning', 'start', 'to', 'and',
]);
