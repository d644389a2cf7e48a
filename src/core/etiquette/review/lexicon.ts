/**
 * The words and phrases the reviewer listens for, in the phrase language of `nlp/match-phrases.ts`.
 * Matching runs on wink's normal forms and lemmas, so one entry covers inflections ("apologized",
 * "apologising"), British spelling ("cancelling") and lower-case, unpunctuated drafts.
 */
import { compilePhrases } from '../nlp/match-phrases.ts';

export const GRATITUDE = compilePhrases([
  'thank|thanks|thankful|grateful|gratitude|gratefully|cheers|ty|thx|tks|=ta|=ta.',
  'appreciate|appreciation|appreciative',
  'can not thank ... enough',
  '?much obliged',
  'kind of you',
  'honored|honoured|privilege',
  'mean|meant a lot',
  'value|valued ... time|opportunity|consideration|interest',
]);

export const APOLOGY = compilePhrases([
  'sorry|sry|soz|apologize|apology|apologies|apologetic|apols|regret|regrets|regretfully',
  'forgive|pardon ?me ... notice|inconvenience|delay|trouble|disruption|change',
  'excuse the|my ... notice|delay|inconvenience',
  'my bad',
  'mea culpa',
]);

/** "Sorry to hear" is sympathy, not an apology. */
export const APOLOGY_EXCEPTIONS = compilePhrases(['sorry to hear|learn|see', 'sorry for your loss']);

/** Reason categories a reader recognises, grouped so the finding can name the category. */
export const REASON_CATEGORIES: Record<string, ReturnType<typeof compilePhrases>> = {
  medical: compilePhrases([
    'ill|illness|sick|sickness|unwell|poorly|fever|flu|covid|injury|injured|hospital|hospitalized|hospitalised',
    'doctor|dentist|medical|health|symptom*|migraine|contagious|surgery|accident|emergency',
    'under the weather',
    'not feel|feeling ?well|good|great',
    'recover|recovery|recovering',
    'chickenpox|measles|mumps|norovirus|virus|infection|infectious|temperature|bug|cold|sickness|concussion|fracture|broken',
    'signed off',
    'food poisoning',
    'lump|biopsy|tumor|tumour|cancer|diagnosis|diagnosed|anxiety|depression',
    'procedure|operation|treatment|checkup|check-up|scan|chemo*|oncolog*|miscarr*|pregnan*|labor|labour|birth|newborn',
    'laid|knocked up|out|low',
    'nasty|stomach|tummy bug|virus',
    'med|meds|medication|medications',
  ]),
  family: compilePhrases([
    'family|personal emergency|matter|situation|issue|reason|reasons|commitment|obligation|crisis|illness|circumstance|circumstances',
    'bereavement|funeral|childcare|babysitter|daycare|caregiver|caregiving|nursery|childminder|nanny',
    'my|our kid|kids|child|children|son|daughter|baby|wife|husband|partner|mother|father|mum|mom|dad|parent|parents',
    'pass|passed away',
    'died|death',
    'care for|of',
    'look after',
    'stay|staying ?at home',
  ]),
  employment: compilePhrases([
    'employment|job|work situation|change|circumstances|commitment|obligation|deadline|emergency|trip|travel',
    'work|job|office thing|things|event|meeting|shift|conference|training|audit|crisis|issue|call',
    'night|day|late|early|extra|double|weekend shift|shifts',
    'overtime|on-call',
    'on call',
    'change in ... employment|job|role|position|situation|circumstances',
    'current|present employer|job|role|manager|team ... need|needs|require|requires|asked|release',
    'counteroffer|counter-offer|promotion|promoted|layoff|redundancy|redundant',
    'counter offer',
    'laid off',
    'relocate|relocating|relocation|relocated',
    'moving|move house|abroad|away|country|city|state',
    'unavoidable|urgent|unexpected|important|prior ... commitment|engagement|obligation|meeting|deadline|matter',
    'stay|staying|remain|remaining ... current|present employer|company|job|role|team',
    'snowed|swamped under',
    'snowed|swamped ... work',
  ]),
  offer: compilePhrases([
    'accept|accepted|accepting|take|took|taken|sign|signed ... offer|position|role|job|opportunity',
    'another|other|different|competing offer|offers',
    'offer|position|role|job elsewhere',
    'join|joined|joining|start|started|starting another|a|other ?new|different company|employer|role|job|position|team',
    'decide|decided to join|go with|stay',
    'got|get|landed|land|found|secured|accepted|taken|took|have ... another|new|other|different job|role|position|offer',
    'signed|sign on the dotted line',
  ]),
  oversight: compilePhrases([
    'oversleep|overslept|oversleeping',
    'alarm ... not|never|failed|fail|go|went|off',
    'lost|lose track of ?the time',
    'mixed|mix|got ... up ?the dates|times|time|date|days|day|time zones|zones',
    'wrote|noted|put ... down ?the wrong',
  ]),
  education: compilePhrases([
    'university|college|degree|masters|master|phd|doctorate|mba|studies|bootcamp|apprenticeship',
    'go|going|return|returning|back|start|starting|begin|beginning to ?full-time study|studying|school|education',
    'further|full-time study|studies|education',
  ]),
  conflict: compilePhrases([
    'conflict|clash|clashes|overlap|overlaps',
    'double booked|book',
    'double-booked',
    'already ... booked|committed|scheduled|promised',
    'prior|previous engagement|arrangement|commitment',
    'appointment|exam|exams|court|jury|wedding|rehearsal|visiting|visit',
    'staying with',
  ]),
  transport: compilePhrases([
    'car|train|flight|bus|traffic|commute|commuting|transport|transportation|transit|subway|metro|taxi|ride',
    'break|broke|broken down',
    'breakdown',
    'strike|storm|snow|snowstorm|flood|flooding|weather|outage|internet|wifi|wi-fi|connection|power',
    'roadworks|diversion|diversions|delay|delays|delayed|crash|closure|jam|tailback|gridlock|puncture|accident',
    'road works',
    'flat tyre|tire',
    'road|roads closed|blocked',
    'travel|travelling|traveling|stranded|stuck',
    'scrubbed|grounded|diverted|derailed',
    'failed ... mot|inspection',
  ]),
  fit: compilePhrases([
    'fit|fits|suited|unsuitable|mismatch',
    'not|no|poor|bad|wrong ?a match',
    'not ?very|really|entirely|quite|particularly suitable|suited|right|ideal',
    'further|far|outside|beyond|removed ... my|our ?own experience|expertise|skills|skill|background|field|area|level|specialism|strengths',
    'experience|skills|background|expertise ... do|does|did not match|fit|align',
    'salary|compensation|remuneration|wage|wages|rate|package|budget|band ... ... below|low|lower|less|short|under|cut',
    'pay cut',
    'not what ... advertised|described|discussed|agreed|expected|listed|promised|offered',
    'remote|hybrid|onsite|on-site|office-based|in-office|travel ... requirement|requirements|policy|expectation|expectations',
    'days|day|full-time in|at the office',
    'align|aligned|alignment|aligns ... goal|goals|career|interest|interests|direction|priorities|plan|plans',
    'pursue|pursuing ... other|different|another|other|roles|opportunities|direction|path|goals|career',
    'different direction|path|field|career',
    'no longer interested|looking|seeking|pursuing',
    'salary|compensation|pay|benefits|remote|onsite|on-site|hybrid|relocation ... expectation|expectations|requirement|requirements|match|work|suit',
    'decide|decided ... not|against ... proceed|pursue|continue|move',
    'reconsider|reconsidered|reflection|reflecting',
    'career goals|direction|plans',
    'not for me',
    'not right|suited|ideal|suitable for me',
  ]),
  employer: compilePhrases([
    'interviewer|interviewers|panelist|panel|manager ... unavailable|ill|sick|away|out|travelling|traveling|called|change|changed|changing|stuck|delayed|emergency|leave|off|conflict|clash|busy|tied',
    'unavailable|unexpectedly',
    'scheduling|booking error|mistake|mix-up|mixup|problem|issue',
    'error|mistake|mix-up|mixup on our|my side|end|part',
    'wrong date|time|day|link|address|room|location|invitation|invite',
  ]),
  closed: compilePhrases([
    'position|role|job|post|opening|vacancy|requisition ... filled|closed|cancelled|canceled|withdrawn|paused|hold|frozen|pulled|scrapped',
    'hiring freeze',
    'headcount|hiring|recruitment|recruiting|budget ... frozen|freeze|paused|cut|reduced|cancelled|canceled|halted|suspended|stopped|pulled',
    'no longer open|available|recruiting|hiring|advertised',
    'internal candidate|candidates|hire|applicant|applicants|appointment',
    'another|other|different|successful candidate|applicant|person',
    'offer|offered|offering the|this ?same position|role|job|post|vacancy to',
    'appoint|appointed|appointing|hire|hired|hiring|select|selected|selecting|choose|chose|chosen ... another|other|different|internal ?candidate|applicant|person|someone',
    'on hold',
    'budget|restructure|restructuring|reorganization|reorganisation',
  ]),
  conduct: compilePhrases([
    'inappropriate|appropriate|illegal|unlawful|offensive|discriminatory|disrespectful|respectful|harassment|uncomfortable',
    'personal|private questions|question|topics|topic',
    'ask|asked ... about my|whether|if',
    'way|how ... treat|treated|spoke|speak|talked|addressed|handled ?to me|us',
    'treated|spoke|talked|addressed|handled ?to me|us ... badly|poorly|rudely|unfairly|disrespectfully|dismissively|like',
  ]),
};

/** Words that make a sentence about calling off, moving or leaving the interview. */
export const CANCEL_VERBS = compilePhrases([
  'cancel|canceling|cancelling|reschedule|rearrange|postpone|decline|withdraw|skip|miss|missed',
  'pull|back|drop out',
  'step|stepping back|away|down',
  'not|unable|cannot ... attend|come|make|join|be|participate|continue|proceed|go',
  'end|ended|ending|leave|left|stop|stopped|walk|walked ... early|out|conversation|interview',
  'move|push|shift ... interview|meeting|call|conversation|it',
  'run|running late|behind',
  'delayed|held up',
  // Idioms and plain refusals of the slot: "thursday is a no go", "won't work", "I'll bow out".
  'no|not|longer ... work|works|suit|suits|possible|happen|doable',
  'no go',
  'write off',
  'non starter',
  'pull|pulling|bow|bowing|opt|opting out',
  'bail|bailing',
  'will|shall|must|gonna|going|have|to =pass',
  'move|moving|push|pushing|shift|shifting|bring|bringing ... monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|thurs|thu',
]);

/** Causal links between a cancellation and what caused it. */
export const CAUSAL_LINKS = compilePhrases([
  'because|due|owing|since|given',
  'as a result',
  'on account of',
  'so i|we',
  'as i|we|my|our|there',
  'as #DET',
  'as #PRON',
  'now that',
  'seeing as|that',
  'in light of',
  'so now|that i|we',
  'which means|meant',
  'after|given the way|how',
  // "After your manager turned up late…, I have decided to withdraw": the cause opens the sentence.
  'after #PRON',
  'after #DET',
  'after #PROPN',
]);

/** Reasons that are not reasons: they tell the reader nothing. */
export const VAGUE_REASONS = compilePhrases([
  "something|stuff|things ?has|have|is|'s ?just came|come|popped|cropped up",
  'for|various|several reasons',
  'other plans|stuff|things',
  'reasons of my own',
  'too busy',
  'not able to say|share|explain|disclose',
  'unable to say|share|explain|disclose',
]);

/** Soft categories: acceptable, but a word of category ("a family matter") reads better. */
export const SOFT_REASONS = compilePhrases([
  'personal reasons|matter|matters|issue|issues|circumstances|situation',
  'unforeseen|unexpected|unavoidable|extenuating circumstances',
  'circumstances beyond my control',
]);

export const ALTERNATIVE = compilePhrases([
  'reschedule|rescheduling|rearrange|rebook|postpone',
  '=move|=moving|=push|=pushing|=shift|=shifting|=defer ... interview|meeting|call|conversation|it|back|to|forward',
  'another|new|different|alternative|later|other|alternate time|times|date|dates|day|days|slot|slots|chance|session|appointment|week',
  'find|pick|choose|suggest|propose|offer|look|explore ... time|times|date|dates|slot|slots|option|options',
  'availability|alternatives',
  'these|following|those|some|few|other|alternative|possible times|dates|slots|options',
  'send|suggest|propose|offer|give|share|provide|list|know|with ... couple|few|some|several of ?new|other|possible times|dates|slots|options|days',
  'couple|few|some|several of ?new|other|possible dates|slots|options|days',
  'times|dates|slots|days that|which ?would|might suit|suits|work|works',
  'one of these|those|following',
  'i|we ... available|free|flexible|open',
  'get|getting back in|to touch|you',
]);

/** "Feel free" is not an offer of times. */
export const ALTERNATIVE_EXCEPTIONS = compilePhrases([
  'feel free',
  // A count of past reschedules is a complaint, not an offer: "three reschedules in two weeks".
  '#NUM ... =reschedules|=rescheduling|=reschedulings',
  'so|too many|multiple|several|constant|repeated|endless =reschedules|=rescheduling|=reschedulings',
]);

/** A time word turns a question or an offer into proposed times. */
export const TIME_WORDS = compilePhrases([
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun',
  'tomorrow|tonight|morning|afternoon|evening|weekend|later|earlier|week|month|anytime|noon|midday|lunchtime',
  'half|quarter past|to',
  'january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec',
  "#NUM am|pm|a.m.|p.m.|o'clock",
  '@time',
  '@ordinal',
  'at #NUM',
]);

/** Words that turn a sentence with a time word into a proposal. */
export const PROPOSAL_WORDS = compilePhrases([
  'can|could|would|shall|might|may we|i|you|it|that|this',
  'i|we can|could|would do|make|manage|come|meet|join',
  'would|does|will|could ... work|suit',
  'work|works|suit|suits|suited for you|me',
  'instead',
  'how|what about',
  'any chance',
  // "I'm free on Monday" offers a time; "this frees the interview on Thursday" gives one up.
  'available|=free|flexible|open|possible|ok|okay|alright',
  'prefer|preferred|propose|proposed|suggest|suggested',
  'can|could|would|may|might|shall|to|happy|glad offer',
]);

export const KEEP_DOOR_OPEN = compilePhrases([
  'future|upcoming|later|other ... role|roles|opportunity|opportunities|opening|openings|position|positions|vacancy|vacancies|job|jobs|project|collaboration',
  'in the future',
  'down the road|line',
  'keep|stay|remain|staying|keeping in touch|contact',
  'keep ... in mind',
  'on your|the radar',
  'keep|hold|retain ... details|resume|cv|information|profile|application|file',
  'cross paths|path',
  'paths cross',
  'be considered for',
  'remain|remains|still|stay ?very|really|genuinely interested|keen|eager|enthusiastic',
  'give|drop me a shout|line|ring|call|message|note',
  'if|when|should|whenever|case ... anything|something|role|roles|position|positions|opening|openings|opportunity|opportunities|vacancy|vacancies ?else ... =comes|=arises|=pops|=crops|arise',
  'if|when|should|whenever|case ... anything|something|role|roles|position|positions|opening|openings|opportunity|opportunities|vacancy|vacancies ?else ... open|opens|=becomes up|available',
  'join|joining|work|working ... one day|someday|eventually',
  'some day',
  'reach|contact|apply|connect|work ... again|together',
  'door open',
  'reopen|reopens|reopened|reopening|re-open|re-opens|re-opened',
  'open door',
  'hear from you again',
  'linkedin',
  'look forward ... future|again|staying',
  'hope|hoping to ... again|someday|sometime',
]);

/** "If you're still interested" asks the reader about this opportunity; it opens no door for later. */
export const KEEP_DOOR_OPEN_EXCEPTIONS = compilePhrases(['you ... still|remain|remains ?very|really interested|keen']);

/** People a candidate might point the employer to. */
export const REFERRAL_PEOPLE = compilePhrases([
  'colleague|colleagues|friend|friends|coworker|co-worker|peer|acquaintance|classmate|teammate|mentee|someone|somebody',
]);

/** What turns a mention of a person into a recommendation. */
export const REFERRAL_SIGNALS = compilePhrases([
  'fit|suited|excellent|strong|talented|great|brilliant|qualified|interested|recommend|recommendation|vouch',
  'reach out',
  'contact|introduce|introduction|connect|refer|referring',
  'actively|currently|also looking|searching',
  'looking|searching for a|new|their ?next role|job|position|opportunity|move',
  'on the market',
  'open to new|a ... role|roles|opportunity|opportunities|move',
  '@email',
]);

/** Wishing the employer luck in *finding* someone is not pointing them to a person. */
export const REFERRAL_EXCEPTIONS = compilePhrases([
  'find|found|finding|hire|hiring|get|land|choose|pick|recruit ?a ?the someone|somebody|person|candidate|fit',
  // The person recommended the company to the writer ("a friend recommended your company to me").
  'colleague|colleagues|friend|friends|coworker|co-worker|peer|acquaintance|classmate|teammate|someone|somebody recommend|recommended|recommends|suggested|referred|mentioned|told ... you|your|company|me|this|role|job|firm',
]);

export const REFERRAL_DIRECT = compilePhrases([
  'referral',
  'refer ... friend|colleague|someone|somebody|candidate|contact|person',
  'recommend|suggest ... colleague|friend|someone|somebody|contact|person|peer',
  'put you in touch',
]);

/** Details beyond a category: a reader needs "a medical matter", not the diagnosis. */
export const OVERSHARING = compilePhrases([
  'lump|biopsy|tumor|tumour|cancer|chemo*|diagnosis|diagnosed|mri|x-ray|colonoscop*|endoscop*|gyn*|oncolog*|mammogram|smear|hysterectomy|vasectomy|prostate|bowel|bowels|bladder|uterus|ovarian|cervical',
  // Euphemisms are still detail: "a procedure down there", "women's problems".
  'down there|below',
  'intimate|private area|parts',
  'women|woman|lady|ladies|men problems|issues|troubles|trouble',
  'test|scan results',
  'miscarr*|pregnant|pregnancy|ivf|fertility|infertility|std|hiv|diarrh*|vomit*|bleeding|rash|hemorrhoid*|haemorrhoid*',
  'throw|threw|throwing up',
  'prescription|medication|meds|pills|antidepressant*',
  'medical|heart|chronic condition',
  'diabetes|asthma|epilepsy|seizure|seizures|stroke',
  'heart attack',
  'anxiety|depression|depressed|ptsd|bipolar|adhd|ocd|suicidal|suicide|insomnia|burnout',
  'panic attack|attacks',
  'burn|burned|burnt out',
  'therapy|therapist|psychiatr*|psycholog*|counselor|counsellor|counselling|counseling',
  'mental health|illness',
  'nervous|mental|emotional breakdown',
  'not ?been slept|sleep|sleeping',
  'rehab|addiction|relapse|alcoholism|sober',
  'divorce|divorcing|divorced|custody|affair|evict*|foreclos*|repossess*|bankrupt*',
  'bank account',
  'debt|debts|arrears|overdraft|overdrawn|creditors|bailiff|bailiffs|payday',
  'behind on|with ?my|the rent|bills|payments|mortgage',
  'landlord ... court|evict*|sue|suing',
  'can not afford ?the|my rent|bills|food',
  'separated from',
  'domestic violence|abuse',
  'restraining order',
  'my ex',
  'rough patch|time ... ex|divorce|marriage|husband|wife|partner',
  'dying|hospice|palliative',
]);

/** Sentences that report what someone asked are not the writer oversharing. */
export const REPORTING_A_QUESTION = compilePhrases(['ask|asked|asking|question|questions|inquire|inquired']);

/** Words that run someone down. */
export const DEROGATORY = compilePhrases([
  'idiot|idiots|idiotic|moron|morons|stupid|dumb|incompetent|clueless|useless|pathetic|toxic|nightmare|clown|clowns|circus',
  'pig|pigs|snake|snakes|weasel|weasels|creep|creeps|creepy|sleazy|slimy|muppet|muppets|buffoon|buffoons|fool|fools|loser|losers|imbecile|imbeciles|halfwit|halfwits|numpty|prat|plonker|cowboys|amateurs|dinosaur|dinosaurs|tyrant|dictator|psycho|jackass|asshole|arsehole|bastard|bastards|bitch|dick|twat|tosser|wanker',
  'inept|hopeless|worthless|spineless|gutless|petty|vindictive|shameless|ignorant|deluded|delusional|narcissist|narcissistic|sociopath|backstabbing|backstabber|two-faced|greedy|stingy|miserly',
  'going nowhere',
  'sinking ship',
  'dead end|dead-end',
  'horrible|terrible|awful|worst|joke|disaster|shambles|mess|chaotic|chaos|disorganized|unprofessional|amateurish',
  'arrogant|lazy|shady|scam|sketchy|dysfunctional|exploitative|micromanag*|bully|bullies|bullying|jerk|jerks',
  'hate|hated|suck|sucks|sucked|crap|crappy|garbage|trash|ridiculous|absurd|insane|unreliable|dishonest|liar|liars',
  'rude|hostile|abusive|disrespectful|offensive|inappropriate|condescending|patronizing|sexist|racist|misogynist|misogynistic|homophobic|bigoted|bigot',
  'waste of ?my time',
  'mess|messy|bad|badly|poorly|awfully ... run|managed|organized',
  'process|interviews|rounds ... too long|slow|complicated|lengthy',
  'too many rounds|interviews|steps',
  'piece of work',
  'victim|victims|gauntlet|ordeal|farce|charade|sham|cattle',
  'chew|chews|chewing|chewed ... up',
  'spit|spits|spitting|spat ... out',
  'revolving door',
  'burn|burns|burning people|staff|employees|everyone out',
]);

/**
 * Sarcasm: praise or thanks that means the opposite. It runs the reader down without an insult word,
 * so it is badmouthing with no target needed, and the thanks in it are not gratitude.
 */
export const SARCASM = compilePhrases([
  'thanks|thank ?you for nothing|wasting',
  'next|future victim|victims',
  'what a|an well run|oiled|organized|managed',
  'what a|an slick|efficient|professional|organized operation|outfit|setup|process|show',
  'brilliant|great|wonderful|fantastic|perfect|lovely|marvelous|terrific|super|oh ?yet another',
]);

/**
 * Praise that is ironic only in a message that walks away and thanks nobody in the same breath:
 * "Really shows how much you value people's time. Please withdraw me." In a keep-in-touch note
 * ("thank you, it shows how much you value good engineering") it is sincere.
 */
export const IRONIC_PRAISE = compilePhrases([
  'really|clearly|certainly|sure|that|which|it shows|showed|says|tells ... how much you|they ... value|care|respect',
  'great|good|nice|fantastic|brilliant job|work team|guys|everyone|all|folks',
]);

/**
 * Conduct words an early-end follow-up may use to state what happened: the product lets a candidate end
 * an interview for disrespect or inappropriate questions, so naming it is not badmouthing there.
 */
export const CONDUCT_WORDS = new Set([
  'rude',
  'hostile',
  'abusive',
  'disrespectful',
  'offensive',
  'inappropriate',
  'condescending',
  'patronizing',
  'sexist',
  'racist',
]);

/** Who a derogatory word can be aimed at. The writer's own side ("I", "my car", "it") is not a target. */
export const OTHER_PARTIES = compilePhrases([
  'company|companies|firm|employer|organization|organisation|business|place|workplace|office|team|management|manager|managers|boss|bosses|someone|somebody|reputation|supervisor|leadership|ceo|founder|founders|colleague|colleagues|coworker|coworkers|co-worker|co-workers|staff|employee|employees|people|recruiter|recruiters|interviewer|interviewers|hr|department|culture|process|environment|they|them|their|your|he|she|him|his|her|man|men|woman|women|guy|guys|bloke|lady|person|director|owner|panel|lot|bunch',
  'you are|were|guys|people|all',
  '#PROPN',
]);

/** The writer speaking of themself: "I feel awful", "I hate to do this" is contrition, not badmouthing. */
export const SELF_WORDS = new Set(['i', 'feel', 'felt', 'myself', 'sorry', 'apologize', 'apologies']);

/** Verbs of the writer's own doing ("to mess up your diary", "messing you about"), not a verdict on anyone. */
export const DEROGATORY_EXCEPTIONS = compilePhrases(['mess|messing|messed|muck|mucking ... up|about|around']);

export const FAULT_WORDS = compilePhrases([
  'wrong|mistake|mistakes|error|errors|fault|blame|incorrect|confusing|unclear|mix-up|mixup|misleading|misinformed',
  'forgot|forget|forgotten|failed|fail|neglected|ignored|lost',
  'mess|messed|mixed up',
  'never|not sent|send|told|tell|replied|reply|responded|respond|confirmed|confirm|informed|inform|updated|answered',
  'nobody|noone ... tell|told|reply|replied|respond|responded|confirm|confirmed|inform|informed|answer|answered|bother|bothered|mention|mentioned|update|updated|contact|contacted|let|explain|explained',
  'no one ... tell|told|reply|replied|respond|responded|confirm|confirmed|inform|informed|answer|answered|bother|bothered|mention|mentioned|update|updated|contact|contacted|let|explain|explained',
  'not|never ?even bother|bothered',
  'not|never ?even have|had|show|showed the courtesy|decency|manners',
  'not|never show|showed|turn|turned up',
  'no-show|ghosted|ghost',
  'keep|kept|keeps losing|forgetting|ignoring|changing|cancelling|canceling|moving|missing',
  'because of you',
  'thanks to you|your',
  'no thanks to',
  'kept|left me waiting',
  // Faults stated as facts: "someone changed it without telling me", "sent me to your old office".
  'without ?even ?ever telling|asking|informing|consulting|notifying|warning|checking|letting|confirming',
  'old|outdated|expired|broken|dead|previous|former address|link|office|location|number|details|invite|invitation',
  'not|never return|returned|submit|submitted|complete|completed|provide|provided|attend|attended|show|showed|arrive|arrived|get|got|give|gave|reply|replied|sign|signed',
  'late|tardy',
  'on his|her|their phone|phones|laptop',
]);

/** The writer owning the mistake ("a scheduling error on our side", "my fault"). */
export const OWNED_FAULT = compilePhrases([
  'our|my|i|we mistake|error|fault|side|end|part|mix-up|mixup',
  'on|from our|my side|end|part',
  'i|we ... made|got|put|sent|forgot|mixed|messed',
]);

/** Who the blame lands on; a bare "you" counts only as the subject of a verb (see detect-conduct). */
export const BLAMED_PARTIES = compilePhrases([
  'they|their|them|recruiter|recruiters|coordinator|interviewer|interviewers|hr|company|team|system|website|portal|invitation|invite|email|assistant|scheduler|calendar|office|staff|nobody|noone|someone|somebody|manager|managers|panel|panelist|he|she|his|her',
  'no one',
]);
/**
 * Faults of people rather than of things: slowness, disorder, incompetence. They are blame only when the
 * nearest party is the other side's people (`BLAMED_PEOPLE`): "your recruiter is slow too" is blame, while
 * "the traffic was slow" names nobody and "I was slow to reply" is the writer's own.
 */
export const PEOPLE_FAULTS = compilePhrases([
  'slow|slower|sluggish|unresponsive|disorganized|incompetent|unprepared|inefficient|careless|sloppy|lazy|chaotic|clueless|useless|hopeless|inept|unreliable|unorganized',
  'take|took|takes|taking|taken ages|forever',
  'drag|drags|dragging|dragged ... feet|heels',
  'all over the place',
]);
/** The other side's people, on whom slowness or disorder can be pinned; a bare "you" counts as a verb's subject. */
export const BLAMED_PEOPLE = compilePhrases([
  'they|their|them|guys|folks|recruiter|recruiters|recruiting|coordinator|coordinators|interviewer|interviewers|hr|company|team|staff|assistant|scheduler|manager|managers|panel|panelist|panelists|department|he|she|his|her|nobody|noone|someone|somebody',
  'no one',
]);
/** The writer as the one acting ("I put the wrong date"); "me" and "us" are on the receiving end. */
export const SELF_PARTIES = compilePhrases(['i|my|we|our']);

/** The sender has also phoned, so the message is not the only channel. */
export const OTHER_CHANNEL = compilePhrases([
  'voicemail|voice-mail|phoned|rang|telephoned',
  'voice mail',
  'left ... message',
  'on|by|over ?the phone|telephone',
  'give|gave|make|made|place|placed|giving ... call|ring|bell|buzz',
  'spoke|spoken|talked|speaking ... earlier|today|phone|morning|moment',
  'texted',
]);
/** `call` as a verb with the writer as its subject ("I am calling", "we tried to call you"). */
export const CALL_VERBS = new Set(['call', 'calling', 'called', 'phone', 'phoning', 'ring', 'ringing', 'telephone', 'telephoning']);

/** Capitalised words that are names, not raised voices. */
export const ACRONYMS = new Set([
  'US', 'USA', 'UK', 'EU', 'HR', 'AM', 'PM', 'CV', 'CEO', 'CTO', 'CFO', 'COO', 'VP', 'UX', 'UI', 'QA', 'IT', 'ID', 'OK',
  'MBA', 'EST', 'EDT', 'PST', 'PDT', 'CST', 'CDT', 'MST', 'MDT', 'UTC', 'GMT', 'BST', 'CET', 'CEST', 'IST', 'AEST', 'NY',
  'NYC', 'LA', 'SF', 'DC', 'AI', 'ML', 'API', 'SQL', 'AWS', 'GCP', 'PR', 'FAQ', 'ASAP', 'RSVP', 'PS', 'TBD', 'NDA', 'B2B',
  'SAAS', 'CRM', 'ERP', 'IPO', 'KPI', 'OKR', 'PTO', 'ETA', 'GPA', 'PHD', 'BSC', 'MSC', 'BA', 'MA', 'RN', 'CPA', 'LLC', 'INC',
]);
