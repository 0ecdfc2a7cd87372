/**
 * Checklists as data: the guide's "checklist for an excellent IMR" (the 14 points, in the
 * guide's order and wording), the sections of the overview report (Template 27) and of the
 * executive summary (Template 28), and the nine protected characteristics of the Equality Act
 * 2010. The validators in pipeline/validate/ read these lists; the assemble stage can use the
 * same section ids so a report and its check never disagree about what a section is called.
 *
 * Phrase lists are matched case-insensitively on word boundaries; a phrase ending in "*"
 * matches any word that starts with it ("interview*" matches "interviewed", "interviews").
 */

export interface ChecklistItemSpec {
  id: number;
  /** Short title in the guide's words, for tables and headings. */
  title: string;
  /** The item exactly as the guide words it (Sheffield guidance 2017, checklist for an excellent IMR). */
  guideText: string;
  /** What the check looks for, in plain English (printed in the validation report). */
  evidence: string;
  /** What the text alone cannot show, so a person must still judge (printed beside the verdict). */
  judgement?: string;
}

export const imrChecklist: ChecklistItemSpec[] = [
  {
    id: 1,
    title: 'A suitably independent author, clearly stated',
    guideText: 'The agency identified a suitably independent author to complete the IMR and this is clearly stated in the IMR',
    evidence: 'A statement near the author details or in the introduction that the author is independent, or had no involvement in the case.',
  },
  {
    id: 2,
    title: 'An overview of the role of the agency',
    guideText: 'The IMR author has provided an overview of the role of the agency',
    evidence: 'An "About the organisation" part of the introduction that describes what the agency does (more than a line, and not the template\'s own prompt).',
  },
  {
    id: 3,
    title: "The author's background and suitability",
    guideText: 'The IMR author has provided a brief summary of their background and suitability to complete this IMR',
    evidence: "The author's job title, and a sentence about their experience, training or background.",
    judgement: 'Whether that background makes the author suitable is for a person to decide.',
  },
  {
    id: 4,
    title: 'Follows the template and is fully anonymised',
    guideText:
      'The IMR follows the template provided by SSCP and is fully anonymised using the codes provided. Professionals should be identified by their job title and a list provided as a separate Template',
    evidence:
      'All six sections of the template; no name, address or other identifier from the case key; no possible name the key does not list; professionals by job-title code, never a title and surname such as "PC Jones" or "Dr Patel".',
    judgement: 'Whether the separate list of professionals was sent to the co-ordinator cannot be seen from the IMR.',
  },
  {
    id: 5,
    title: 'Each term of reference set out and answered',
    guideText: 'The Terms of Reference are clearly set out and each Term of Reference subject answered, if applicable to the agency',
    evidence: "Each term of reference in case.yaml is answered in the Analysis section (matched by its key words), or the IMR says why it does not apply.",
  },
  {
    id: 6,
    title: 'The records accessed',
    guideText: 'The IMR sets out which records were accessed',
    evidence: 'A sentence naming the records, files, case notes or systems that were read or reviewed.',
  },
  {
    id: 7,
    title: 'Relevant staff interviewed, or why not',
    guideText:
      'All relevant staff have been interviewed, a transcript of the interview is available, has been shared with the interviewee and has been retained for the purposes of disclosure to a criminal investigation should the need arise. Where it has not been possible to interview relevant staff, this has been fully explained in the IMR.',
    evidence: 'A statement of which staff were interviewed and that a record of each interview was kept and shared; or the reason staff could not be interviewed.',
    judgement: 'Whether every relevant member of staff was interviewed is for a person to judge against the chronology.',
  },
  {
    id: 8,
    title: "The victim's voice comes through",
    guideText: 'The IMR has retained a focus on the people concerned and the victim\'s voice comes through in the IMR',
    evidence: 'What the victim said, wanted or felt: reported speech ("she said", "told", "disclosed"), quotations, wishes and feelings, tied to the victim.',
  },
  {
    id: 9,
    title: 'Race, culture, language, religion and disability addressed',
    guideText: 'The IMR has addressed issues of race, culture, language, religion and disability',
    evidence: 'Each of race (or ethnicity), culture, language, religion and disability is discussed, even if only to say it was not relevant.',
  },
  {
    id: 10,
    title: 'Analytical and critical; good practice identified',
    guideText:
      'The IMR is well structured, comprehensive, and analytical and looks openly and critically at practice, decisions made, and services offered to the homicide victim, perpetrator, and/or members of their family(ies) or household(s). Good practice is identified',
    evidence: 'The Analysis section weighs practice against what should have happened ("should have", "missed opportunity", "because", "not in line with") and names good practice.',
    judgement: 'How open and critical the analysis is can only be judged by reading it.',
  },
  {
    id: 11,
    title: 'Well-founded conclusions and key lessons',
    guideText: 'The IMR reaches well founded conclusions and identifies the key lessons to be learnt',
    evidence: 'A Conclusions section of substance, and the lessons to be learnt stated.',
    judgement: 'Whether the conclusions follow from the analysis is for a person to judge.',
  },
  {
    id: 12,
    title: 'SMARTER recommendations',
    guideText:
      'The recommendations flow from the lessons learnt and are SMARTER (specific, measurable, achievable, realistic and timely with evaluation and review built in). There are recommendations on how to evaluate the impact and review the implementation.',
    evidence: 'Each recommendation is a single action with an owner, a measure, a date, and evaluation or review built in.',
    judgement: 'Whether a recommendation is achievable and realistic is for a person to judge.',
  },
  {
    id: 13,
    title: 'Signed off by a senior manager',
    guideText: 'The IMR has been signed off by a Senior Manager in the agency',
    evidence: 'The cover is countersigned with the name or job title of the person signing off, and a date.',
  },
  {
    id: 14,
    title: 'A plan to feed the findings back to staff',
    guideText: 'There is a clear plan of how the findings will be fed back to the staff members involved.',
    evidence: 'A statement of how the findings will be fed back, shared or briefed to the staff involved.',
  },
];

/** Phrases the IMR checks look for, kept here so they can be read and changed without code. */
export const imrPhrases = {
  independence: [
    'independent*',
    'no involvement',
    'no operational involvement',
    'no direct involvement',
    'no previous involvement',
    'no prior involvement',
    'not involved in the case',
    'not been involved',
    'had no contact with',
    'no contact with the',
    'no managerial responsibility',
    'no line management',
  ],
  background: [
    'experience*',
    "years' experience",
    'years of experience',
    'years in',
    'years as',
    'qualified',
    'qualification*',
    'background',
    'trained',
    'training in',
    'career',
    'previously worked',
    'previously employed',
    'previously managed',
    'equips',
    'suitab*',
    'worked as',
    'worked in',
    'registered',
    'specialis*',
  ],
  agencyRole: ['provides', 'provide', 'is responsible for', 'responsible for', 'deliver*', 'commission*', 'services to', 'service for', 'employs', 'serves'],
  records: ['record*', 'sources of information', 'case notes', 'case file*', 'files', 'notes', 'systems', 'database*', 'minutes', 'policies', 'procedures', 'documents', 'supervision records', 'electronic'],
  recordsAccess: ['access*', 'review*', 'examin*', 'read', 'consult*', 'search*', 'sources', 'used', 'checked', 'scrutinised', 'analysed'],
  interview: ['interview*'],
  interviewRecord: ['transcript*', 'written record', 'record of the interview', 'records of the interviews', 'notes of the interview', 'shared with the interviewee', 'shared with them', 'signed by', 'agreed by', 'retained', 'kept'],
  interviewReason: ['because', 'as the', 'as they', 'as he', 'as she', 'due to', 'since', 'left the', 'retired', 'unavailable', 'long-term sick', 'sickness', 'maternity leave', 'no longer', 'deceased', 'could not be contacted', 'declined'],
  /** The victim's own voice: her wishes and feelings (what she said is matched separately, in quotation marks). */
  voiceWishes: [
    'wanted',
    'did not want',
    "didn't want",
    'wished',
    'wishes',
    'hoped',
    'felt',
    'feelings',
    'feared',
    'afraid',
    'scared',
    'frightened',
    'her view',
    'his view',
    'her views',
    'his views',
    'asked for',
    'begged',
    'pleaded',
    'in her words',
    'in his words',
    'in her own words',
    'in his own words',
  ],
  /** Reported speech: someone's account of what the victim said, not her voice on its own. */
  voiceReported: ['said', 'says', 'told', 'tells', 'disclosed', 'reported that', 'explained', 'described', 'stated', 'mentioned', 'replied', 'answered', 'asked'],
  goodPractice: ['good practice', 'best practice', 'commend*', 'exemplary', 'practice was good', 'above and beyond', 'went beyond'],
  analytical: [
    'should have',
    'could have',
    'would have',
    'missed opportunit*',
    'opportunity was missed',
    'did not',
    'was not',
    'were not',
    'because',
    'therefore',
    'however',
    'not in line with',
    'in line with',
    'contrary to',
    'policy',
    'procedure*',
    'guidance',
    'expected',
    'failed to',
    'failure',
  ],
  lessons: ['lesson*', 'learning', 'learnt', 'learned'],
  feedback: [
    'feedback',
    'feed back',
    'fed back',
    'debrief*',
    'share the learning',
    'shared with staff',
    'shared with the staff',
    'shared with practitioners',
    'briefing*',
    'briefed',
    'cascade*',
    'learning event*',
    'team meeting*',
    'seven minute briefing',
    '7 minute briefing',
  ],
  notApplicable: ['not applicable', 'does not apply', 'did not apply', 'no involvement', 'not relevant to this agency', 'outside the remit', 'no information'],
};

/**
 * The Sheffield IMR template's own guidance sentences (Template 2). Left in an IMR they are not
 * the author's words: the checks ignore any sentence that begins like one of these.
 */
export const imrTemplatePrompts: string[] = [
  'Throughout the report please ensure that your report is fully anonymised',
  'A full list of those professionals identified in the report should be kept securely',
  'Below is the wording for the introduction of the report',
  'In cases where you choose to use an alternative introduction',
  'Include here a brief description of your organisation',
  'Copy in terms of reference here',
  'The terms of reference considered in undertaking this Domestic Homicide Review have been agreed as',
  'Insert the sources of information your agency has used',
  'Where unable to interview staff please state the reason for this',
  'If any parallel reviews',
  'Insert a description of the victim',
  'Insert a family tree or genogram',
  'Provide a pen portrait of the victim',
  'Highlight the people that your agency had contact with',
  'You should already have assembled a comprehensive chronology',
  'This section of the report is the accompanying narrative',
  'Episodes of service provision may be broken down',
  'The analysis should consider the events that occurred',
  'Pull together the findings and analysis',
  'Individual agency recommendations for action contained in the report will be considered',
  'Any individual agency recommendations not included in the overview report',
  'Recommendations for action must flow from the conclusions',
  'Any recommendation that suggest immediate action is required',
  'In most cases recommendations should follow a SMARTER framework',
  'please insert name and designation',
  'State what your job title is',
  'State you are independent of any operational involvement in the case',
  'Author: (please insert',
  'Countersigned: (please insert',
  'insert agency name',
  'Insert agreed initials',
];

/** The five IMR equality themes of checklist item 9, each with the words that show it was addressed. */
export const imrEqualityThemes: { id: string; title: string; phrases: string[] }[] = [
  {
    id: 'race',
    title: 'race',
    phrases: ['race', 'racial', 'racism', 'ethnic*', 'nationality', 'white british', 'black british', 'asian british', 'immigration'],
  },
  { id: 'culture', title: 'culture', phrases: ['cultur*', 'heritage', 'tradition*', 'customs'] },
  {
    id: 'language',
    title: 'language',
    phrases: ['language*', 'interpret*', 'translat*', 'first language', 'english as a second language', 'spoke english', 'speaks english', 'linguistic'],
  },
  {
    id: 'religion',
    title: 'religion',
    phrases: ['religio*', 'faith', 'belief*', 'church', 'mosque', 'temple', 'synagogue', 'gurdwara', 'christian', 'catholic', 'protestant', 'anglican', 'methodist', 'muslim', 'islam*', 'hindu', 'sikh', 'jewish', 'buddhist', 'atheist'],
  },
  {
    id: 'disability',
    title: 'disability',
    phrases: ['disab*', 'impairment*', 'learning difficult*', 'reasonable adjustment*', 'deaf', 'blind', 'wheelchair'],
  },
];

/** The nine protected characteristics of the Equality Act 2010, section 4. */
export const protectedCharacteristics: { id: string; title: string; phrases: string[] }[] = [
  { id: 'age', title: 'age', phrases: ['age', 'ages', 'aged', 'ageism', 'year-old', 'years old', 'older', 'elderly', 'young person', 'younger'] },
  { id: 'disability', title: 'disability', phrases: ['disab*', 'impairment*', 'learning difficult*'] },
  { id: 'gender-reassignment', title: 'gender reassignment', phrases: ['gender reassignment', 'transgender', 'trans', 'gender identity'] },
  { id: 'marriage', title: 'marriage and civil partnership', phrases: ['marriage', 'married', 'civil partner*', 'spouse'] },
  { id: 'pregnancy', title: 'pregnancy and maternity', phrases: ['pregnan*', 'maternity', 'antenatal', 'postnatal'] },
  { id: 'race', title: 'race', phrases: ['race', 'racial', 'racism', 'ethnic*', 'nationality', 'white british', 'white irish', 'black british', 'asian british', 'mixed heritage', 'dual heritage'] },
  { id: 'religion', title: 'religion or belief', phrases: ['religio*', 'belief*', 'faith'] },
  { id: 'sex', title: 'sex', phrases: ['sex', 'gender', 'female', 'male', 'women', 'men', 'woman', 'man'] },
  { id: 'sexual-orientation', title: 'sexual orientation', phrases: ['sexual orientation', 'sexuality', 'heterosexual', 'gay', 'lesbian', 'bisexual', 'lgbt*'] },
];

/** One section of a report template. */
export interface ReportSectionSpec {
  /** Stable id; the assemble stage uses the same ids. */
  id: string;
  /** The heading as the guide's template gives it. */
  title: string;
  /** Other headings that mean the same section (compared without case, numbers or punctuation). */
  aliases: string[];
  /** False for parts the template shows but a report may leave out (appendices). */
  required: boolean;
  /** What the guide asks this section to contain, for the "what to do" of a problem. */
  guide: string;
}

/** Template 27: the overview report, in the guide's order (the title page and contents are generated). */
export const overviewReportSections: ReportSectionSpec[] = [
  { id: 'introduction', title: 'Introduction', aliases: [], required: true, guide: 'who the review is about, the circumstances that led to it, the period it covers and why, and the purpose of a DHR' },
  { id: 'timescales', title: 'Timescales', aliases: ['timescale'], required: true, guide: 'when the review began and concluded, and the reasons for any delay' },
  { id: 'confidentiality', title: 'Confidentiality', aliases: [], required: true, guide: 'the pseudonyms agreed with the family, and the age and ethnicity of the victim and perpetrator' },
  { id: 'terms-of-reference', title: 'Terms of reference', aliases: ['terms of reference for the review'], required: true, guide: 'the terms of reference as agreed by the panel' },
  { id: 'methodology', title: 'Methodology', aliases: [], required: true, guide: 'the decision to hold a review and who made it; the documents used and whether interviews were held' },
  {
    id: 'involvement-of-family',
    title: 'Involvement of family, friends, work colleagues, neighbours and wider community',
    aliases: ['involvement of family', 'involvement of family and friends', 'family involvement', 'involvement of family friends work colleagues neighbours and wider community'],
    required: true,
    guide: 'when people were contacted and by whom, whether the family had an advocate, saw the terms of reference and the draft, and met the panel',
  },
  { id: 'contributors', title: 'Contributors to the review', aliases: ['contributors'], required: true, guide: 'the agencies and others who contributed, what they contributed, and how the IMR authors are independent' },
  { id: 'review-panel', title: 'The review panel members', aliases: ['review panel members', 'review panel', 'panel members'], required: true, guide: 'the panel members with role and agency, how often the panel met, and their independence' },
  { id: 'author', title: 'Author of the overview report', aliases: ['author', 'chair and author', 'independent chair and author'], required: true, guide: "the chair's and author's independence, career and relevant experience" },
  { id: 'parallel-reviews', title: 'Parallel reviews', aliases: ['parallel reviews and processes'], required: true, guide: 'any inquest or other review, and whether it informed this one' },
  { id: 'equality-and-diversity', title: 'Equality and diversity', aliases: ['equality', 'equality and diversity issues'], required: true, guide: 'the nine protected characteristics of the Equality Act 2010, and any barriers to services' },
  { id: 'dissemination', title: 'Dissemination', aliases: [], required: true, guide: 'who will receive copies of the report' },
  { id: 'background', title: 'Background information (the facts)', aliases: ['background information', 'background', 'the facts'], required: true, guide: 'where the victim lived, a synopsis of the homicide, the cause of death, the household, and the criminal proceedings' },
  { id: 'chronology', title: 'Chronology', aliases: ['combined chronology', 'combined narrative chronology'], required: true, guide: 'the background history and a combined narrative chronology of agencies\' contact' },
  { id: 'overview', title: 'Overview', aliases: [], required: true, guide: 'what the agencies knew about the victim, the perpetrator and their families' },
  { id: 'analysis', title: 'Analysis', aliases: [], required: true, guide: 'the terms of reference answered: how and why events occurred, decisions, actions, good practice' },
  { id: 'conclusions', title: 'Conclusions', aliases: ['conclusion'], required: true, guide: 'the main issues identified and the conclusions drawn from them' },
  { id: 'lessons-learnt', title: 'Lessons to be learnt', aliases: ['lessons to be learned', 'lessons learnt', 'lessons learned', 'lessons'], required: true, guide: 'the lessons, how they become recommendations, and any early learning already acted upon' },
  { id: 'recommendations', title: 'Recommendations', aliases: ['recommendations from the review'], required: true, guide: 'the IMR recommendations and any of national impact, focused and specific' },
  { id: 'action-plan', title: 'Action plan', aliases: ['appendix action plan'], required: false, guide: 'the action plan (Template 25)' },
  { id: 'merged-chronology', title: 'Merged chronology', aliases: ['appendix chronology', 'combined chronology appendix'], required: false, guide: 'every agency\'s chronology rows in date order' },
];

/** Template 28: the executive summary, in the guide's order. */
export const executiveSummarySections: ReportSectionSpec[] = [
  { id: 'review-process', title: 'The review process', aliases: ['review process'], required: true, guide: 'the process, the pseudonyms used with ages and ethnicity, the criminal proceedings, and the agencies contacted' },
  { id: 'contributors', title: 'Contributors to the review', aliases: ['contributors'], required: true, guide: 'the agencies and others who contributed and how the IMR authors are independent' },
  { id: 'review-panel', title: 'The review panel members', aliases: ['review panel members', 'review panel', 'panel members'], required: true, guide: 'the panel members with role and agency, how often the panel met, and their independence' },
  { id: 'author', title: 'Author of the overview report', aliases: ['author', 'chair and author'], required: true, guide: "the chair's and author's independence, career and relevant experience" },
  { id: 'terms-of-reference', title: 'Terms of reference for the review', aliases: ['terms of reference'], required: true, guide: 'the terms of reference as agreed by the panel' },
  { id: 'summary-chronology', title: 'Summary chronology', aliases: ['chronology', 'summary of chronology'], required: true, guide: 'the key facts from the background and combined chronology' },
  { id: 'key-issues', title: 'Key issues arising from the review', aliases: ['key issues'], required: true, guide: 'the key issues the review found' },
  { id: 'conclusions', title: 'Conclusions', aliases: ['conclusion'], required: true, guide: 'the conclusions drawn' },
  { id: 'lessons-learnt', title: 'Lessons to be learned', aliases: ['lessons to be learnt', 'lessons learnt', 'lessons learned', 'lessons'], required: true, guide: 'the lessons to be learned' },
  { id: 'recommendations', title: 'Recommendations from the review', aliases: ['recommendations'], required: true, guide: 'the recommendations' },
];
