/**
 * Allowed values for the Home Office data collection form (the guide's Template 29).
 *
 * Where the lists come from (the guide's Template 29 names the fields but gives no lists, so
 * these follow the national standards the Home Office itself uses):
 * - Ethnicity: the 18 ethnic groups of the 2011 Census of England and Wales, which the
 *   government recommends for asking ethnicity ("Ethnicity (ONS)" on the form), as listed by
 *   the Cabinet Office's Ethnicity facts and figures style guide
 *   (ethnicity-facts-figures.service.gov.uk/style-guide/ethnic-groups), plus "Not known".
 * - Method of killing and the verdict or outcome: the categories of the Home Office Homicide
 *   Index as published by the ONS in "Homicide in England and Wales" (apparent method of
 *   killing; outcome of proceedings against the principal suspect), plus the coroner's
 *   conclusions needed when a review follows a death by suicide.
 * - Relationship: the Homicide Index's domestic relationships of victim to principal suspect
 *   (partner or ex-partner, and family), plus "Member of the same household", which section
 *   9 of the Domestic Violence, Crime and Victims Act 2004 adds for DHRs.
 * - Religion: the religion question of the 2011 Census of England and Wales.
 * - Sexual orientation: the ONS harmonised standard for sexual orientation (as in the 2021
 *   Census), plus "Not known".
 * - Sex and gender, disability: Female / Male and Yes / No, each with "Not known".
 * - Police force: the 43 territorial police forces of England and Wales and the British
 *   Transport Police.
 * Councils whose Home Office contact asks for other wording can change the lists here; the
 * checks read them and nothing else.
 */

export interface AllowedValue {
  /** The value as it should be written on the form. */
  value: string;
  /** A heading the value sits under (the broad ethnic group); may be written before the value. */
  group?: string;
  /** Other ways people write the same thing; accepted silently, and offered as suggestions. */
  synonyms?: string[];
}

export interface AllowedList {
  id: string;
  /** The field as Template 29 labels it. */
  label: string;
  values: AllowedValue[];
  /** True when a value may carry detail after it: "Yes: learning disability", "Convicted of murder: life, minimum term 18 years". */
  detail?: boolean;
  source: string;
}

const notKnown: AllowedValue = { value: 'Not known', synonyms: ['unknown', 'not recorded', 'n/k', 'nk'] };

export const ethnicity: AllowedList = {
  id: 'ethnicity',
  label: 'Ethnicity (ONS)',
  source: '2011 Census of England and Wales, 18 ethnic groups',
  values: [
    { group: 'White', value: 'English, Welsh, Scottish, Northern Irish or British', synonyms: ['white british', 'british', 'english', 'welsh', 'scottish', 'white english', 'white uk', 'white scottish', 'white welsh'] },
    { group: 'White', value: 'Irish', synonyms: ['white irish'] },
    { group: 'White', value: 'Gypsy or Irish Traveller', synonyms: ['gypsy', 'traveller', 'irish traveller', 'roma', 'gypsy traveller'] },
    { group: 'White', value: 'Any other White background', synonyms: ['white other', 'other white', 'white european', 'white'] },
    { group: 'Mixed or Multiple ethnic groups', value: 'White and Black Caribbean', synonyms: ['mixed white and black caribbean'] },
    { group: 'Mixed or Multiple ethnic groups', value: 'White and Black African', synonyms: ['mixed white and black african'] },
    { group: 'Mixed or Multiple ethnic groups', value: 'White and Asian', synonyms: ['mixed white and asian'] },
    { group: 'Mixed or Multiple ethnic groups', value: 'Any other Mixed or Multiple ethnic background', synonyms: ['mixed', 'mixed other', 'other mixed', 'dual heritage', 'mixed heritage'] },
    { group: 'Asian or Asian British', value: 'Indian', synonyms: ['asian indian', 'british indian'] },
    { group: 'Asian or Asian British', value: 'Pakistani', synonyms: ['asian pakistani', 'british pakistani'] },
    { group: 'Asian or Asian British', value: 'Bangladeshi', synonyms: ['asian bangladeshi', 'british bangladeshi'] },
    { group: 'Asian or Asian British', value: 'Chinese', synonyms: ['asian chinese', 'british chinese'] },
    { group: 'Asian or Asian British', value: 'Any other Asian background', synonyms: ['asian other', 'other asian', 'asian'] },
    { group: 'Black, African, Caribbean or Black British', value: 'African', synonyms: ['black african'] },
    { group: 'Black, African, Caribbean or Black British', value: 'Caribbean', synonyms: ['black caribbean'] },
    { group: 'Black, African, Caribbean or Black British', value: 'Any other Black, African or Caribbean background', synonyms: ['black other', 'other black', 'black', 'black british'] },
    { group: 'Other ethnic group', value: 'Arab', synonyms: ['arabic'] },
    { group: 'Other ethnic group', value: 'Any other ethnic group', synonyms: ['other', 'other ethnic group'] },
    notKnown,
  ],
};

export const sex: AllowedList = {
  id: 'sex',
  label: 'Gender',
  source: 'Home Office data form: sex of victim and perpetrator',
  values: [
    { value: 'Female', synonyms: ['f', 'woman', 'women'] },
    { value: 'Male', synonyms: ['m', 'man', 'men'] },
    { value: 'Other', synonyms: ['non-binary', 'nonbinary'] },
    notKnown,
  ],
};

export const relationship: AllowedList = {
  id: 'relationship',
  label: 'Relationship',
  detail: true,
  source: 'Home Office Homicide Index relationship of victim to principal suspect (domestic categories); DVCVA 2004 s.9',
  values: [
    { value: 'Spouse', synonyms: ['wife', 'husband', 'married partner'] },
    { value: 'Civil partner' },
    { value: 'Cohabiting partner', synonyms: ['partner', 'cohabitee', 'co-habitee', 'cohabiting', 'live-in partner', 'current partner', 'intimate partner'] },
    { value: 'Boyfriend or girlfriend', synonyms: ['boyfriend', 'girlfriend', 'partner not living together', 'non-cohabiting partner'] },
    { value: 'Ex-spouse or ex-civil partner', synonyms: ['ex-wife', 'ex-husband', 'former wife', 'former husband', 'ex spouse', 'ex-civil partner', 'estranged wife', 'estranged husband'] },
    { value: 'Ex-cohabiting partner', synonyms: ['ex-partner', 'ex partner', 'former partner', 'estranged partner'] },
    { value: 'Ex-boyfriend or ex-girlfriend', synonyms: ['ex-boyfriend', 'ex-girlfriend', 'former boyfriend', 'former girlfriend'] },
    { value: 'Son or daughter', synonyms: ['son', 'daughter', 'child', 'adult child'] },
    { value: 'Stepson or stepdaughter', synonyms: ['stepson', 'stepdaughter', 'step-son', 'step-daughter', 'stepchild'] },
    { value: 'Parent', synonyms: ['mother', 'father', 'mum', 'dad'] },
    { value: 'Step-parent', synonyms: ['stepmother', 'stepfather', 'step-mother', 'step-father'] },
    { value: 'Grandparent', synonyms: ['grandmother', 'grandfather'] },
    { value: 'Grandchild', synonyms: ['grandson', 'granddaughter'] },
    { value: 'Brother or sister', synonyms: ['brother', 'sister', 'sibling'] },
    { value: 'Other family member', synonyms: ['aunt', 'uncle', 'cousin', 'niece', 'nephew', 'in-law', 'mother-in-law', 'father-in-law', 'family member', 'relative'] },
    { value: 'Member of the same household', synonyms: ['household member', 'lodger', 'housemate', 'flatmate', 'carer'] },
    { value: 'Other' },
    notKnown,
  ],
};

export const methodOfKilling: AllowedList = {
  id: 'method-of-killing',
  label: 'Method of killing',
  source: 'Home Office Homicide Index apparent method of killing (ONS, Homicide in England and Wales)',
  values: [
    { value: 'Sharp instrument', synonyms: ['knife', 'stabbing', 'stabbed', 'stab wound', 'stab wounds', 'knife or sharp instrument', 'sharp implement', 'knife or sharp implement'] },
    { value: 'Blunt instrument', synonyms: ['blunt force', 'blunt implement', 'hammer', 'bludgeoned'] },
    { value: 'Hitting, kicking, etc. (without a weapon)', synonyms: ['hitting', 'kicking', 'punching', 'beating', 'beaten', 'assault', 'hitting kicking', 'without a weapon'] },
    { value: 'Strangulation, asphyxiation', synonyms: ['strangulation', 'strangled', 'asphyxiation', 'asphyxia', 'suffocation', 'smothering', 'smothered', 'manual strangulation', 'ligature strangulation'] },
    { value: 'Shooting', synonyms: ['shot', 'firearm', 'gun', 'gunshot'] },
    { value: 'Burning', synonyms: ['fire', 'arson', 'burns', 'burned'] },
    { value: 'Poison or drugs', synonyms: ['poison', 'poisoning', 'drugs', 'overdose'] },
    { value: 'Motor vehicle', synonyms: ['vehicle', 'car', 'run over'] },
    { value: 'Drowning', synonyms: ['drowned'] },
    { value: 'Explosives', synonyms: ['explosion', 'explosive'] },
    { value: 'Suicide', synonyms: ['took own life', 'took their own life', 'died by suicide'] },
    { value: 'Other' },
    notKnown,
  ],
};

export const verdict: AllowedList = {
  id: 'verdict',
  label: 'Details of verdict',
  detail: true,
  source: 'Home Office Homicide Index outcome of proceedings against the principal suspect; coroner\'s conclusions',
  values: [
    { value: 'Convicted of murder', synonyms: ['murder', 'guilty of murder', 'pleaded guilty to murder', 'found guilty of murder'] },
    { value: 'Convicted of manslaughter (diminished responsibility)', synonyms: ['section 2 manslaughter', 'manslaughter diminished responsibility', 'manslaughter on the grounds of diminished responsibility'] },
    { value: 'Convicted of manslaughter (loss of control)', synonyms: ['manslaughter loss of control'] },
    { value: 'Convicted of manslaughter (other)', synonyms: ['manslaughter', 'guilty of manslaughter', 'pleaded guilty to manslaughter', 'unlawful act manslaughter', 'gross negligence manslaughter'] },
    { value: 'Convicted of infanticide', synonyms: ['infanticide'] },
    { value: 'Convicted of another offence', synonyms: ['other offence', 'lesser offence'] },
    { value: 'Not guilty', synonyms: ['acquitted', 'acquittal', 'found not guilty'] },
    { value: 'Unfit to plead', synonyms: ['hospital order', 'not guilty by reason of insanity', 'insanity'] },
    { value: 'Perpetrator died', synonyms: ['suspect died', 'perpetrator took their own life', 'suspect committed suicide', 'murder-suicide', 'homicide-suicide'] },
    { value: 'Not charged', synonyms: ['no charge', 'no further action', 'nfa', 'no suspect charged'] },
    { value: 'Proceedings pending', synonyms: ['awaiting trial', 'pending', 'trial pending', 'ongoing'] },
    { value: 'Coroner: suicide', synonyms: ['suicide', 'inquest suicide'] },
    { value: 'Coroner: open conclusion', synonyms: ['open verdict', 'open conclusion'] },
    { value: 'Coroner: narrative conclusion', synonyms: ['narrative verdict', 'narrative conclusion'] },
    { value: 'Coroner: unlawful killing', synonyms: ['unlawful killing'] },
    { value: 'Other' },
  ],
};

export const religion: AllowedList = {
  id: 'religion',
  label: 'Religion',
  detail: true,
  source: '2011 Census of England and Wales, religion question',
  values: [
    { value: 'No religion', synonyms: ['none', 'atheist', 'no faith', 'agnostic'] },
    { value: 'Christian', synonyms: ['christianity', 'church of england', 'catholic', 'roman catholic', 'methodist', 'baptist', 'protestant', 'anglican', 'orthodox christian'] },
    { value: 'Buddhist', synonyms: ['buddhism'] },
    { value: 'Hindu', synonyms: ['hinduism'] },
    { value: 'Jewish', synonyms: ['judaism'] },
    { value: 'Muslim', synonyms: ['islam', 'islamic'] },
    { value: 'Sikh', synonyms: ['sikhism'] },
    { value: 'Any other religion', synonyms: ['other religion', 'other', 'pagan'] },
    { value: 'Not stated', synonyms: ['prefer not to say', 'declined'] },
    notKnown,
  ],
};

export const sexualOrientation: AllowedList = {
  id: 'sexual-orientation',
  label: 'Sexual orientation',
  source: 'ONS harmonised standard for sexual orientation (2021 Census)',
  values: [
    { value: 'Heterosexual or straight', synonyms: ['heterosexual', 'straight'] },
    { value: 'Gay or lesbian', synonyms: ['gay', 'lesbian', 'homosexual'] },
    { value: 'Bisexual', synonyms: ['bi'] },
    { value: 'Other sexual orientation', synonyms: ['other', 'pansexual', 'asexual', 'queer'] },
    { value: 'Prefer not to say', synonyms: ['not stated', 'declined'] },
    notKnown,
  ],
};

export const disability: AllowedList = {
  id: 'disability',
  label: 'Disability',
  detail: true,
  source: 'Home Office data form: Yes / No, with the disability described',
  values: [{ value: 'Yes', synonyms: ['disabled', 'y'] }, { value: 'No', synonyms: ['none', 'none known', 'none recorded', 'not disabled', 'n', 'no disability'] }, notKnown],
};

export const policeForce: AllowedList = {
  id: 'police-force',
  label: 'Police Force',
  source: 'The 43 territorial police forces of England and Wales, and the British Transport Police',
  values: [
    'Avon and Somerset Constabulary',
    'Bedfordshire Police',
    'Cambridgeshire Constabulary',
    'Cheshire Constabulary',
    'City of London Police',
    'Cleveland Police',
    'Cumbria Constabulary',
    'Derbyshire Constabulary',
    'Devon and Cornwall Police',
    'Dorset Police',
    'Durham Constabulary',
    'Dyfed-Powys Police',
    'Essex Police',
    'Gloucestershire Constabulary',
    'Greater Manchester Police',
    'Gwent Police',
    'Hampshire and Isle of Wight Constabulary',
    'Hertfordshire Constabulary',
    'Humberside Police',
    'Kent Police',
    'Lancashire Constabulary',
    'Leicestershire Police',
    'Lincolnshire Police',
    'Merseyside Police',
    'Metropolitan Police Service',
    'Norfolk Constabulary',
    'North Wales Police',
    'North Yorkshire Police',
    'Northamptonshire Police',
    'Northumbria Police',
    'Nottinghamshire Police',
    'South Wales Police',
    'South Yorkshire Police',
    'Staffordshire Police',
    'Suffolk Constabulary',
    'Surrey Police',
    'Sussex Police',
    'Thames Valley Police',
    'Warwickshire Police',
    'West Mercia Police',
    'West Midlands Police',
    'West Yorkshire Police',
    'Wiltshire Police',
    'British Transport Police',
  ].map((value) => ({
    value,
    // "South Yorkshire", "South Yorkshire Constabulary" and "Met Police" all mean the same force.
    synonyms: [value.replace(/ (Police Service|Police|Constabulary)$/, '')].concat(
      value === 'Metropolitan Police Service' ? ['Met Police', 'Metropolitan Police', 'the Met'] : value === 'Hampshire and Isle of Wight Constabulary' ? ['Hampshire Constabulary', 'Hampshire Police'] : [],
    ),
  })),
};

export const dataFormLists = { ethnicity, sex, relationship, methodOfKilling, verdict, religion, sexualOrientation, disability, policeForce };
