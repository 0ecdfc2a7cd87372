/**
 * Capitalised words and phrases of a review that identify nobody: agencies and institutions,
 * roles, legislation, guidance terms, months, days, festivals, nationalities. The NLP
 * recogniser does not report a name made only of these (with the case's own agencies, area,
 * codes, pseudonyms and `anonymisation.allow`).
 *
 * Words are safe on their own only when they are generic (Police, Panel, Trust); phrases such
 * as "Home Office" are safe as a whole. "Northern General Hospital" is not made of safe pieces
 * ("Northern" is not one) and is reported.
 */

/** Safe whole phrases, lower case. */
export const safePhrases: readonly string[] = `
home office | home secretary | crown prosecution service | crown court | magistrates court | magistrates' court | county court
family court | high court | court of appeal | women's aid | refuge | victim support | citizens advice | samaritans
national probation service | community rehabilitation company | probation service | youth offending service | youth offending team
multi-agency risk assessment conference | multi-agency safeguarding hub | multi agency safeguarding hub | multi-agency public protection arrangements
independent domestic violence advisor | independent domestic violence adviser | independent domestic abuse advisor | independent sexual violence advisor
domestic homicide review | domestic homicide reviews | serious incident review | serious case review | safeguarding adults review | child safeguarding practice review
community safety partnership | safer and sustainable communities partnership | safeguarding children board | safeguarding adults board | safeguarding children partnership
health and wellbeing board | clinical commissioning group | integrated care board | nhs england | public health england | care quality commission
adult social care | children's social care | children’s social care | children and young people's service | children, young people and families
emergency department | accident and emergency | a&e | minor injuries unit | walk-in centre | walk in centre | out of hours | nhs 111 | nhs direct
general practitioner | general practice | primary care | secondary care | mental health | community mental health team | crisis team | home treatment team
improving access to psychological therapies | drug and alcohol team | drug and alcohol action team | domestic and sexual abuse | domestic abuse
domestic violence | sexual violence | coercive control | controlling or coercive behaviour | honour based violence | forced marriage | female genital mutilation
domestic violence disclosure scheme | clare's law | clare’s law | sarah's law | non-molestation order | occupation order | restraining order
domestic violence protection notice | domestic violence protection order | domestic abuse protection notice | domestic abuse protection order
child protection | child protection plan | child in need | looked after child | early help | troubled families | family intervention service
terms of reference | overview report | executive summary | action plan | independent management review | individual management review
review panel | quality assurance panel | independent chair | independent author | review chair | panel member | panel members
senior investigating officer | family liaison officer | police community support officer | neighbourhood policing team | body worn video
risk assessment | dash risk assessment | risk identification checklist | domestic abuse, stalking and harassment | stalking and harassment
care act | children act | mental health act | mental capacity act | housing act | crime and disorder act | domestic violence, crime and victims act
domestic abuse act | human rights act | data protection act | freedom of information act | equality act | protection from harassment act
serious crime act | criminal justice act | police and criminal evidence act | general data protection regulation | working together
united kingdom | great britain | northern ireland | england and wales | european union | new year | new year's day | boxing day | bank holiday
christmas day | christmas eve | good friday | easter sunday | easter monday | mother's day | father's day | valentine's day
white british | black british | asian british | mixed race | any other white background | british asian | british pakistani
local authority | city council | county council | borough council | district council | housing association | housing solutions
social worker | support worker | key worker | health visitor | school nurse | practice nurse | community psychiatric nurse | police officer
police constable | detective constable | detective sergeant | detective inspector | chief inspector | chief constable | chief executive
director of public health | director of children's services | director of adult services | designated safeguarding lead | named nurse | named doctor
template | appendix | annex | figure | table | section | paragraph | chapter | part | recommendation | recommendations | finding | findings
freedom programme | sanctuary scheme | operation encompass | team around the family | early help assessment | signs of safety
universal credit | jobcentre plus | personal independence payment | employment and support allowance | housing benefit | council tax
working together to safeguard children | statutory guidance | multi-agency statutory guidance | home office guidance
victim support | karma nirvana | standing together | men's advice line | advocacy after fatal domestic abuse | respect phoneline
microsoft teams | covid-19 | covid 19 | safe and well | practice manager | local authority designated officer
ambulance service | fire and rescue | fire and rescue service
youth court | coroner's court | coroners court | coroner’s court | coroners' court | crown court | job centre | job centres | day centre
police and crime commissioner | domestic abuse commissioner | victims' commissioner | victims commissioner | criminal justice
foster carer | foster carers | foster care | front door | her majesty's | her majesty’s | his majesty's | his majesty’s
medical centre | health centre | walk-in centre | sexual assault referral centre | force majeure | post mortem | post-mortem
town hall | city hall | police station | custody suite | approved premises | best practice | good practice
`
  .split(/[|\n]/)
  .map((s) => s.trim().replace(/\s+/g, ' '))
  .filter(Boolean);

/** Words safe on their own, lower case. */
export const safeWords: ReadonlySet<string> = new Set(
  `
police nhs gp gps a&e ae marac mash mappa idva idvas isva dash dact csp cps imr imrs dhr dhrs sir sirs scr sar iapt cmht ccg icb cqc
cru crc nps yos pcso sio flo dvpn dvpo dvds clare clare's camhs hmp hmyoi hmrc dwp ofsted lscb lsab lscp hv hvs sw swu ae&e
panel review reviews report reports summary chair chairs author team teams service services unit units department board boards
partnership partnerships trust trusts council councils authority authorities agency agencies office officer officers staff act acts
order orders plan plans template templates recommendation recommendations appendix annex section sections paragraph table figure
chapter part terms reference overview executive independent individual management domestic homicide abuse violence safeguarding
adult adults child children children's children’s young people family families social care health mental public housing probation
ambulance fire rescue court courts crown magistrates protection risk assessment conference multi multi-agency agency quality assurance
home local national community safety victim victims support crime disorder notice scheme disclosure emergency accident urgent
primary secondary general practice practitioner practitioners surgery hospital hospitals clinic nurse nurses doctor doctors consultant
midwife midwifery paramedic paramedics constable sergeant inspector detective superintendent chief director head lead leads manager
school schools nursery college university academy centre center refuge hostel prison
foundation teaching integrated commissioning clinical group groups commission network forum strategy strategic partnership
women women's women’s men men's aid advice line helpline hub conference meeting meetings minutes strategy discussion
legal services solicitor solicitors barrister judge coroner inquest jury
interim final draft version official sensitive restricted confidential
coordinator co-ordinator coordinators named designated level stage step lado
act bill regulation regulations guidance statutory framework policy policies procedure procedures protocol protocols
kingdom england scotland wales ireland britain british english scottish welsh irish european uk gb
asian african caribbean polish pakistani indian bangladeshi somali yemeni slovak roma romanian chinese arab arabic urdu punjabi
kurdish iraqi iranian syrian afghan eritrean sudanese nigerian ghanaian zimbabwean lithuanian latvian czech hungarian bulgarian
muslim christian catholic protestant hindu sikh jewish buddhist islam islamic church mosque gurdwara temple synagogue
white black mixed other
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
mondays tuesdays wednesdays thursdays fridays saturdays sundays weekend weekends
christmas easter eid ramadan diwali hanukkah passover covid coronavirus lockdown
mum mummy mom dad daddy nan nana nanna gran grandma grandmother grandad granddad grandpa grandfather auntie aunty aunt uncle
facebook messenger whatsapp instagram snapchat tiktok twitter youtube google skype zoom iphone android
nspcc safelives refuge respect shelter mind relate barnardo barnardo's samaritans galop hourglass aafda jobcentre
mr mrs ms miss mx dr prof sir
the a an of and for in on at to by with from
i i'm i've i'd i'll
medical ibid
`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that name the kind of place or organisation a name ends with: they decide the kind of
 * a finding, and a house number before a street word makes an address.
 */
export const placeHeads: ReadonlySet<string> = new Set(
  `road rd street st avenue ave lane ln close cl drive dr crescent cres place pl terrace grove gardens court ct square sq way walk
  mount hill park estate green row view rise mews parade croft fold gate gates wharf quay bank side end moor common fields
  village town city estate flats house tower towers heights`
    .split(/\s+/)
    .filter(Boolean),
);

export const organisationHeads: ReadonlySet<string> = new Set(
  `school nursery academy college university hospital centre center surgery practice clinic pharmacy church mosque temple gurdwara
  synagogue chapel club pub inn hotel bar cafe restaurant shop store supermarket ltd limited plc llp company group association
  charity foundation prison hmp hmyoi hostel refuge home homes office`
    .split(/\s+/)
    .filter(Boolean),
);

/** Street words that make "4 Park Lane" an address. */
export const streetWords: ReadonlySet<string> = new Set(
  `road rd street st avenue ave lane ln close cl drive dr crescent cres place pl terrace grove gardens court ct square sq way walk
  mount hill park rise mews parade croft view row`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words of roles, job titles, bodies and documents (lower case, singular): a phrase made of
 * these and of ordinary words ("Assistant Chief Officer", "Cabinet Member", "CCG Safeguarding
 * Committee", "Decision Report") names a post, a body or a paper, not a person or a place.
 */
export const institutionWords: ReadonlySet<string> = new Set(
  `
  officer manager member commissioner chief inspector executive administrator coordinator ordinator co-ordinator director
  head lead assistant deputy principal senior junior acting interim chair chairman chairperson chairwoman vice secretary
  clerk mayor leader governor superintendent commander sergeant constable advisor adviser worker practitioner consultant
  nurse doctor specialist analyst investigator caseworker author reviewer champion representative guardian ombudsman
  registrar coroner minister councillor cabinet portfolio president controller supervisor coach mentor trainer tutor
  team panel board committee service unit hub partnership trust council court group subgroup forum network department
  directorate division agency authority commission inspectorate secretariat assembly project programme scheme alliance
  consortium body office government parliament ministry executive administration
  report review strategy policy procedure plan assessment protocol framework guidance template form checklist meeting
  conference agenda minute minutes briefing decision consideration recommendation action outcome audit process letter
  summary chronology analysis appendix annex schedule section clause contract agreement act regulation standard
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that end the name of a body rather than a building: "Co-ordination Team", "Probation Trust". */
export const bodyHeads: ReadonlySet<string> = new Set(
  `team trust service services council committee board panel partnership partnerships unit hub group subgroup forum network
  department directorate division agency authority commission inspectorate secretariat cabinet assembly project programme
  scheme alliance consortium police constabulary probation`
    .split(/\s+/)
    .filter(Boolean),
);

/** Compass words: "(North)", "West Wing", "Northern Irish" say where, not who. */
export const compassWords: ReadonlySet<string> = new Set(
  `north south east west northern southern eastern western northeast northwest southeast southwest central mid middle upper lower
  inner outer greater`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Ordinary words the word list also gives with a capital that do not name a person or a place
 * in a review: function words, abbreviations, institutions, faiths and movements.
 */
export const notNameLike: ReadonlySet<string> = new Set(
  `
  a am as at be he i in it me or so us we who now more rather tell set sat sang sung led lie left ill nice
  ca cf cm cs ct dd dds esp est fl gm hp hr id ids inc ind iv ks mg mi pd pg pl pp pres prof pt rep rev rte sec sq ti vi
  act acts aids basic basics cabinet case closure commons commonwealth communion communions communism communist communists
  congress congresses constitution continent continental creation creator democrat democratic democrats establishment
  enterprise era federalist fed feds gospel gospels holocaust independence inquisition internet justice media mobile
  nation nationwide news numbers parliament peace pentagon post president presidents prohibition protestant protestants
  puritan puritanism renaissance renaissances representative republican republicans resurrection revelations scripture
  scriptures secretariat secretary senate senates senator senior junior juniors superior tertiary thanksgiving
  thanksgivings treasury treasuries trinity trinities union unions urban windows google twitter yahoo spam telnet
  teletype realtor laundromat dumpster blockbuster bible bibles biblical god deity messiah messiahs catholic baptist
  baptists episcopal gentile gentiles masonic satanism stoicism theosophy utopia utopian utopians utopias romanticism
  fascism midland midway occidental occidentals oriental orientals orient pacific atlantic arctic antarctic
  day job jobs key major mass masses master masters passion passions providence target visa zen page lord lords lady
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case words after a name that make it a place ("the Manor estate", "The Red Lion public house"). */
export const placeNouns: ReadonlySet<string> = new Set(
  `estate estates pub public bar club hotel shop store supermarket restaurant cafe takeaway school academy college nursery
  surgery hospital clinic centre park road street lane avenue flats tower church mosque temple gurdwara chapel hostel
  refuge ward village`
    .split(/\s+/)
    .filter(Boolean),
);
