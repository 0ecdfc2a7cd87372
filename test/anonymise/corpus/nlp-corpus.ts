/**
 * Sentences written the way DHR chronologies, IMRs and overview reports are written, for
 * measuring the NLP recogniser. [[…]] marks a planted identifier the key does not list (a
 * person, place or organisation that must be reported as a finding); everything else must not
 * be reported. Names listed in the corpus case (corpusCase below) are the key's business, not
 * the NLP's, and appear unmarked.
 *
 * Half the sentences hold only safe capitalised words: months, weekdays, agencies, codes,
 * "Adult X", the area, guidance vocabulary, sentence-initial words.
 *
 * Sets: `corpus` (tuned on), `heldOut` and `blind` (written before the rules for real documents),
 * `documents` (the false alarms and real names of the sample case, the guidance and the Word
 * corpus; tuned on), `blind2` (written after those rules, not tuned on).
 */
export const corpusCaseYaml = `reference: SSCP-DHR-2017-01
csp: Sheffield Safer and Sustainable Communities Partnership
area: Sheffield
caseLetter: X
review: DHR
death:
  date: 2017-03-14
people:
  - code: Adult X
    role: victim
    names: [Jane Smith, Janie]
    pseudonym: Anna
    sex: female
  - code: Adult XAP
    role: alleged perpetrator
    names: [Mark Davies]
    sex: male
  - code: Child XD
    role: child
    names: [Lucy Smith]
professionals:
  - code: HV1
    title: Health Visitor
    names: [Helen Price]
  - code: GP1
    title: General Practitioner
    names: [Raj Patel]
places:
  - names: [12 Crookes Road]
    replacement: the family home
agencies:
  - name: South Yorkshire Police
    short: Police
  - name: Sheffield Teaching Hospitals NHS Foundation Trust
    short: STH
  - name: Sheffield Children's NHS Foundation Trust
    short: SCH
  - name: Independent Domestic Abuse Service
    short: IDAS
  - name: National Probation Service
    short: NPS
panel:
  - name: Rachel Whitworth
    role: DACT
chair:
  name: Gillian Hartley
anonymisation:
  allow: [Hope House Refuge]
`;

export const corpus: string[] = [
  // Planted people
  'On 3 June 2016 Anna told HV1 that [[Fatima Begum]], a friend from the mosque, had offered her a room.',
  'The neighbour, [[Mrs Okafor]], telephoned the Police at 23:40 to report shouting from the flat.',
  'Adult XAP was arrested by officers and later interviewed by [[DC Hargreaves]].',
  'Anna’s sister [[Claire]] said that she had not seen her since Christmas.',
  'The GP surgery recorded that [[Dr Adeyemi]] saw Adult XAP for low mood in April 2015.',
  'Child XD was collected from school by her grandfather, [[Peter Lowe]], on most Fridays.',
  'During the interview [[Tom Whitaker]] described Adult XAP as controlling and jealous.',
  '[[Kasia Nowak]] worked with Anna at the bakery and noticed bruising on her arms.',
  'A support worker, [[Sadia]], made three unsuccessful attempts to contact Anna by telephone.',
  'Anna confided in her manager, [[Mr Gorski]], that she was frightened to go home.',
  'Adult XAP had a previous partner, [[Leanne Sykes]], who had reported him to the Police in 2011.',
  '[[Sergeant Walsh]] completed the DASH risk assessment and graded the risk as standard.',
  'The housing officer, [[Graham]], visited the property to discuss rent arrears.',
  // Planted places and organisations
  'Anna moved with Child XD to a flat at [[4 Park Lane]] in the autumn of 2015.',
  'Adult XAP was staying with his mother in [[Rotherham]] at the time of the referral.',
  'Anna was taken to the [[Northern General Hospital]] by ambulance.',
  'Child XD attended [[St Mary’s Primary School]] where staff noticed she was often tired.',
  'The family were registered with the [[Crookes Valley Medical Centre]].',
  'Adult XAP told the probation officer that he was working at [[Meadowhall]] on a temporary contract.',
  'Anna and Child XD spent two nights at a refuge in [[Doncaster]] before returning home.',
  'The couple had previously lived on the [[Parson Cross]] estate.',
  'Child XD was placed on the waiting list for [[Ashfield Nursery]].',
  'Officers found Adult XAP at [[The Red Lion]] public house on [[Langsett Road]].',
  'Adult XAP was later remanded to [[HMP Doncaster]].',
  'Anna’s mother lives in [[Leeds]] and visited at weekends.',
  'Adult XAP had worked for [[Hargreaves Haulage Ltd]] until his dismissal in 2014.',
  'The last contact took place at the [[Firth Park]] children’s centre.',
  'She had grown up in [[Glasgow]] and moved to the city in 2009.',
  // Only safe capitalised words
  'The Police attended on Monday 14 March 2017 and arrested Adult XAP.',
  'Adult X was referred to MARAC in June and the IDVA made contact the same week.',
  'HV1 contacted the GP to share concerns about Child XD.',
  'South Yorkshire Police shared the information with the MASH on the same day.',
  'Sheffield Teaching Hospitals NHS Foundation Trust completed an IMR for the review.',
  'However, there is no evidence that the risk assessment was reviewed.',
  'The Independent Chair and the Review Panel agreed the Terms of Reference in January.',
  'Following the incident, Children’s Social Care held a strategy discussion.',
  'The Crown Prosecution Service authorised a charge of assault on Thursday.',
  'Anna attended A&E with a head injury and was seen by the triage nurse.',
  'The Home Office Quality Assurance Panel approved the Overview Report in December.',
  'IDAS offered Anna a place at Hope House Refuge, which she declined.',
  'Women’s Aid and the National Probation Service both took part in the review.',
  'The Community Safety Partnership commissioned this Domestic Homicide Review under section 9 of the Domestic Violence, Crime and Victims Act 2004.',
  'Adult XAP was subject to a Non-Molestation Order between February and August 2016.',
  'Gillian Hartley, the Independent Chair, met the family in Sheffield in May.',
  'Rachel Whitworth of the DACT circulated the draft Executive Summary to panel members.',
  'Multi-Agency Risk Assessment Conference minutes show that Adult X was discussed twice.',
  'Child XD was subject to a Child Protection Plan under the category of emotional abuse.',
  'GP1 prescribed antidepressants and referred Adult X to IAPT.',
  'Although Adult X disclosed abuse on Wednesday, no DASH was completed.',
  'The Sheffield Children’s NHS Foundation Trust IMR found that the Safeguarding Team was not informed.',
  'In September the case was closed by Adult Social Care.',
  'Recommendation 4: the Police should ensure that Body Worn Video is used at every domestic incident.',
  'Adult XAP pleaded guilty at Sheffield Crown Court and was sentenced in October 2017.',
  'Every agency was asked to complete a chronology using Template 20.',
  'The Care Act 2014 and the Children Act 1989 set out the duties of the local authority.',
  'On Tuesday the Home Office was notified of the decision to hold a review.',
  'NPS assessed Adult XAP as posing a medium risk of serious harm to known adults.',
  'Mark Davies was known to the Police for offences of violence.',
  'Helen Price visited Anna at 12 Crookes Road on three occasions.',
];

/**
 * Written after the recogniser was tuned on `corpus`, and not tuned on: the measure of how it
 * does on text it has not seen.
 */
export const heldOut: string[] = [
  'Anna’s friend [[Bernadette]] drove her to the hospital that evening.',
  '[[Shabana]] had known Anna since they were at school together.',
  'Adult XAP’s brother, [[Wayne Fletcher]], was present during the incident.',
  'The Police contacted [[Mrs Kowalczyk]] at her home address on [[Abbeydale Road]].',
  'Child XD told her teacher, [[Miss Ahmed]], that Daddy had hurt Mummy.',
  'The IDVA, [[Joanne]], offered a place on the Freedom Programme.',
  'He had a conviction for assaulting a previous partner in [[Barnsley]].',
  'Anna was working part time at [[Asda]] in [[Hillsborough]].',
  'The family had previously been known to Children’s Social Care in [[Nottingham]].',
  'Anna began a course at [[Sheffield Hallam University]] in September 2014.',
  'Adult XAP drank regularly at the [[Fat Cat]] and was banned from it after a fight.',
  'A neighbour at [[27 Westbourne Road]] heard screaming.',
  'Records show Anna was registered at [[Porter Brook Medical Centre]] until 2013.',
  'He was employed as a driver by [[Stagecoach]] until May 2016.',
  'Child XD moved to [[Abbey Lane Primary School]] in year four.',
  '[[Dr Mahmood]] referred Anna to the Community Mental Health Team.',
  'Officers from [[West Yorkshire Police]] had attended a previous incident in 2010.',
  'His mother, [[Brenda]], told the review that he had always had a temper.',
  // Only safe capitalised words
  'Anna was referred to the Freedom Programme and the Sanctuary Scheme.',
  'The school made an Operation Encompass notification the following morning.',
  'An Early Help Assessment was opened and a Team Around the Family meeting was held.',
  'Anna was claiming Universal Credit and attended the Jobcentre regularly.',
  'A Section 47 enquiry was not considered necessary at that time.',
  'Adult XAP sent Anna abusive messages on Facebook and WhatsApp.',
  'The panel noted the guidance in Working Together to Safeguard Children 2018.',
  'The NSPCC and SafeLives provided specialist input to the panel.',
  'Table 3 sets out the agencies that contributed to the review.',
  'Recommendation 7 is addressed to the Safeguarding Adults Board.',
  'During the COVID-19 lockdown, face-to-face contact stopped.',
  'Neither the GP nor the Health Visitor asked Anna about domestic abuse.',
  'Adult XAP was released under investigation on Friday afternoon.',
  'The Coroner opened an inquest, which was adjourned until after the trial.',
];

/**
 * A second set written blind, after all tuning, and never tuned on: the figure to trust.
 * Some planted names are deliberately hard (lower case, sentence start, telegraphic notes).
 */
export const blind: string[] = [
  '[[Sgt. O’Neill]] supervised the arrest and authorised the search.',
  'Anna said that [[Ms. Nkemelu]] from the housing office had been very kind.',
  '12/05/2016 – Telephone call from [[PCSO Bradley]] to IDAS, no answer.',
  'The practice nurse, [[Nurse Jenkins]], recorded a blood pressure check only.',
  'Adult XAP grew up on the [[Manor]] estate and left school at sixteen.',
  'They moved from [[Heeley]] to [[Gleadless Valley]] in 2012.',
  'He was seen walking along [[Rotherham Road]] shortly before midnight.',
  'Anna’s new tenancy was at [[Flat 6, 14 Infirmary Road]].',
  '[[Father Michael]] from [[St Catherine’s Church]] visited the family after the death.',
  'Adult XAP attended Friday prayers led by [[Imam Hussain]].',
  'Anna was seen in the [[Co-op]] on [[London Road]] the day before she died.',
  'She told the GP she was staying with her cousin [[Yasmin]] for a few days.',
  'Notes record that Anna had spoken to [[dave]] from the pub about the threats.',
  '[[Precious Mensah]] was Anna’s closest friend at church.',
  'Records from [[Rampton]] show that he had been assessed there in 2008.',
  'The couple married at [[Sheffield Register Office]] in 2010.',
  // Only safe capitalised words
  'The ISVA and the MARAC Coordinator attended the panel meeting in July.',
  'The Practice Manager confirmed that the Named GP for Safeguarding had been consulted.',
  'Staff had completed Level 3 safeguarding training within the last three years.',
  'A Section 42 enquiry under the Care Act was opened by Adult Social Care.',
  'The Local Authority Designated Officer was informed the same day.',
  'Yorkshire Ambulance Service conveyed Anna to hospital.',
  'South Yorkshire Fire and Rescue carried out a Safe and Well visit in 2015.',
  'Mental Capacity Act assessments were not recorded.',
  'Both Child XD and her mother were known to the Clinical Commissioning Group.',
  'On Saturday night Adult XAP returned to the address despite his bail conditions.',
  'Anna told HV1 that she felt safe and did not want a referral.',
  'The Designated Nurse for Safeguarding Adults reviewed the IMR before submission.',
  'It is recommended that the CSP seeks assurance from all agencies by April 2019.',
  'Adult XAP’s solicitor advised him to give a no comment interview.',
];

/**
 * Sentences of real documents that raised false alarms, as the sample case's reports, the
 * Sheffield DHR guidance (../shared/seed) and the Word corpus write them, and the real names
 * among them. Tuned on (the rules for sentence openings, posts, bodies, plural acronyms and
 * replacements were written for them): a regression set, not a measure of unseen text.
 */
export const documents: string[] = [
  // Words opening a sentence after a closing quote, or a cell of a table joined with "; "
  'Adult XAP said he wanted to stop drinking and be how he was.” Her mother has told the chair that Anna was afraid of him.',
  'Awareness campaign drawing on this review and previous Sheffield DHRs.; Campaign content agreed with the family of Anna; Posters and cards distributed to GP practices by April 2018',
  'Checklist revised and issued (completed December 2017); Briefing delivered to all Sheffield response and public protection teams by March 2018; Dip sample of 50 withdrawn-support cases by June 2018',
  'Change request submitted to the custody system supplier; Inspectors briefed on the DVPN threshold and the release record for high-risk cases.',
  'Administrator training sessions held in each locality (November 2017); Audit of 20 MARAC cases across 10 practices (January 2018); Outcome: Audit in January 2018 found 19 of 20 flagged.',
  'Training package commissioned from the DACT (completed September 2017); All 64 housing officers trained; Repairs operatives briefed at team meetings',
  'Referral form changed with the police and the MARAC co-ordinator (September 2017); Duty IDVAs briefed (October 2017); Letter drafted by the chair and agreed by the family.',
  'Please return the completed template to the DHR Co-ordinator. Yes: the panel agreed to extend the review period.',
  'About this review: Methodology, terms of reference and the review period.',
  'Prioritise MARAC-generated DVDS applications. Owner: Detective Chief Inspector, Public Protection.',
  'Re-audit January 2019; results to the CCG Safeguarding Committee',
  // Posts and roles
  'A former Assistant Chief Officer of a probation trust, the author has no connection with any agency in Sheffield.',
  'Accountable Officer, NHS Sheffield Clinical Commissioning Group; Cabinet Member for Community Services',
  'Area Housing Manager (North)',
  'Sheffield City Council Housing Services (Allocations and Lettings Manager)',
  'Chief Executives of Sheffield Children’s and Sheffield Teaching Hospitals; South Yorkshire Police and Crime Commissioner',
  'Domestic Abuse Commissioner’s office (for information)',
  'Duty IDVA rang Anna’s mobile; a man answered and said she was out.',
  'The call was taken by the Duty IDVA, who rang Anna back the same afternoon.',
  'Owner: Chief Inspector, Custody and Criminal Justice.',
  'Information: The Front Door (SW1) screened three police child concern notifications.',
  'The procedure was amended and agreed by the Cabinet Member (January 2018); Named team in place',
  // Processes, bodies and plural acronyms
  'The DHR Consideration Panel agreed on 9 May 2017, on a Decision Report prepared by the DHR Co-ordinator, that the criteria were met.',
  'The panel included health, housing and children’s services, and the Domestic Abuse Co-ordination Team.',
  'Sheffield Domestic Abuse Co-ordination Team (DACT)',
  'The IDVA service kept her voice at the centre of both MARACs.',
  'Number of DVPNs and DVPOs compared with 2017; six-monthly review.',
  'Both IDVAs had completed the SafeLives training, and their CVs were seen by the panel.',
  // Next to a replacement the engine wrote
  'Email Adult X',
  'Text Box Adult X',
  'The service had contact only with Adult X. It had no direct contact with Adult XAP.',
  // The guidance: defined terms of a contract and of the process
  'The Consultant shall provide the Work in accordance with this Contract and shall not sub-contract the Work to a third party.',
  'If the death fits the definition, a Decision Report should be prepared and sent to the DHR Consideration Panel.',
  'The Consultant shall notify the SSCP no later than two weeks prior to the expected end of the Contract.',
  'Yours Sincerely',
  'Level 9 West',
  // Real names
  'Please contact [[Alison Higgins]], Strategic Commissioning Manager, Sheffield Domestic Abuse Co-ordination Team.',
  'Post should be sent to DACT, Sheffield City Council, Level 9 West, [[Moorfoot Building]], Sheffield.',
  '\t[[Ann Powell]] ',
  '[[DI Hague]] had no operational involvement with the case.',
  '[[Dr Wragg]] works for the CCG, not the practice, and reviewed the GP records.',
  '[[Mr Ollerenshaw]] had no contact with the family but manages the team.',
  '[[Ms Rahman]] joined the service in June 2017, after the homicide.',
  '[[Fatima Begum]] said that Anna had been frightened of him for months.',
  '[[Shabana]] said she had seen bruises on Anna’s arms.',
  'Referral received by April 2018; [[Shabana]] said she would attend.',
  'The police spoke to [[Mrs Baker]] next door, who had heard shouting.',
  'Anna stayed with her aunt at [[4 Park Lane]] for a week.',
  'Anna had spent the night at [[Fatima Begum]]’s flat.',
  'Officers went to [[Okafor]]’s address on the Friday.',
  'Anna’s friend [[Hope]] drove her to the hospital.',
  'The letter was addressed to Anna [[Nowakowska]], her name before the marriage.',
  'She moved to [[Rose Cottage]] with her children.',
  'The [[Baker]] family moved to the area in 2012.',
];

/**
 * A third blind set, written after the rules for the real-document set and not tuned on: the
 * figure to trust for the new rules. Planted names of every difficulty, and safe sentences in
 * the Title Case that case notes and action plans use.
 */
export const blind2: string[] = [
  'On 4 March [[Bilal Hussain]] called the police from a neighbour’s phone.',
  'Anna’s cousin, [[Roxanne]], stayed at the flat for two nights in August.',
  'The Safer Neighbourhood Team visited on two occasions; Adult XAP was not present.',
  'Referral made to the Multi-Agency Safeguarding Hub; Strategy Meeting held the following day.',
  '[[PC Lomas]] completed the DASH and graded it as medium risk.',
  'The Housing Options Officer offered temporary accommodation at [[Ravenscroft House]].',
  'Adult XAP was bailed to an address in [[Mexborough]] with a condition not to contact Anna.',
  'Her employer, [[Brightside Cleaning Services]], was not aware of the abuse.',
  'Anna attended the Pregnancy Advisory Service in [[Chesterfield]].',
  'The Named Nurse for Safeguarding Children reviewed the health records.',
  'A Child and Family Assessment was completed by the Social Worker.',
  '[[Mrs Greenwood]] from the school rang Anna about Child XD’s attendance.',
  'Anna told the IDVA that [[Kyle]] had threatened to burn the house down.',
  'Adult XAP’s probation officer, [[Gemma Tait]], recorded that he had missed two appointments.',
  'Temporary accommodation was arranged at the [[Salvation Army]] hostel on [[Charter Row]].',
  'The Practice Nurse recorded a blood pressure check; Mental Health Triage was offered.',
  'An Adult Protection Strategy Discussion was held on Friday.',
  'The couple were seen arguing outside the [[Old Crown]] on [[Abbeydale Road South]].',
  'The children attended [[Woodseats Primary School]].',
  'Records from [[Rotherham General Hospital]] were requested but not received.',
  'The Community Psychiatric Nurse and the Crisis Team assessed Adult XAP.',
  'Anna’s sister, [[Maxine Oduya]], was the first to raise concerns with the family.',
  'In the Executive Summary the panel set out its Key Findings and Lessons Learned.',
  'The MARAC Chair asked the IDVA Service to make contact within 24 hours.',
  '[[Ioana]] had known Anna since they worked together at the care home.',
  'The GP Practice Safeguarding Lead flagged the record.',
  'The Independent Domestic Violence Advocate made three attempts to call; Voicemail messages were left.',
  'Adult XAP spent Christmas at his brother [[Dean]]’s house.',
  'They had lived at [[17 Birch Grove]] since 2014.',
  'Adult XAP’s friend [[Lee]] told the police that Anna had left voluntarily.',
  'The DHR Chair wrote to the Home Secretary about the delay.',
  'The Learning Event was attended by twenty practitioners.',
  'Case Notes: Telephone Call To Client, No Answer.',
  'Risk Management Plan agreed; Actions Reviewed At Next Supervision.',
  'The Police National Computer showed no previous convictions.',
];
