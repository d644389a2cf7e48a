/**
 * What makes an interview question touch a protected topic under US federal law and common state law,
 * in the phrase language of `nlp/match-phrases.ts`. Each rule carries the explanation a recruiter reads
 * and a lawful way to ask what the job actually needs.
 */
import { compilePhrases } from '../nlp/match-phrases.ts';
import type { Phrase } from '../nlp/match-phrases.ts';
import type { ProtectedTopic } from '../types.ts';

export interface TopicRule {
  topic: ProtectedTopic;
  verdict: 'risky' | 'unlawful';
  phrases: Phrase[];
  explanation: string;
  suggestion: string;
}

export interface LawfulForm {
  /** The topics this form makes lawful when it is what the question asks. */
  topics: ProtectedTopic[];
  phrases: Phrase[];
  explanation: string;
}

const rule = (
  topic: ProtectedTopic,
  verdict: TopicRule['verdict'],
  phrases: string[],
  explanation: string,
  suggestion: string,
): TopicRule => ({ topic, verdict, phrases: compilePhrases(phrases), explanation, suggestion });

const NO_LAWFUL_FORM = 'Leave it out: nothing about the job depends on it.';

/** Earlier rules win the suggestion when a question touches several topics. */
export const TOPIC_RULES: readonly TopicRule[] = [
  rule(
    'age',
    'risky',
    [
      'graduate|graduated|graduation ... year|when',
      'what|which|when year ... graduate|graduated|graduation|school',
      'when ... graduate|graduated',
      // "When did you finish high school?": leaving school dates the candidate as well as graduating does.
      'when|year ... finish|finished|complete|completed|leave|left ... school|college|university|degree|education|studies',
    ],
    'The graduation year is a proxy for age, which federal law (ADEA, 40 and over) and many states protect.',
    'Ask about the qualification, not the year: "Do you have a high-school diploma or equivalent?"',
  ),
  rule(
    'age',
    'risky',
    ['how old', 'age|ages', 'year|when|decade|era ... born|birth', 'date of birth', 'birthdate|birthday|dob', 'retire|retirement|retiring', 'too|how old|young', 'older|younger than', 'generation|millennial|boomer',
     'are|is you|candidate ?aged over|under|above|past|below|nearly|almost #NUM',
     'are|is you|candidate ?aged over|under|above|past|below|nearly|almost thirty|forty|fifty|sixty|seventy',
     'in your 20s|30s|40s|50s|60s|twenties|thirties|forties|fifties|sixties',
     'over the hill'],
    'Questions that reveal age invite age-discrimination claims (ADEA protects workers 40 and over; many states protect all ages).',
    'Only if the role has a legal minimum age, ask: "Are you at least 18 years old?"',
  ),
  rule(
    'race',
    'unlawful',
    ['race|racial|ethnicity|ethnic|complexion', 'skin ?color|colour|tone', 'are you ... hispanic|latino|latina|black|white|asian|caucasian|african-american|biracial'],
    'Race, color and ethnicity are protected by Title VII; asking invites a discrimination claim.',
    'Leave it out; voluntary self-identification for equal-opportunity reporting is collected apart from the interview.',
  ),
  rule(
    'religion',
    'unlawful',
    [
      'religion|religious|church|churches|mosque|synagogue|temple|faith|worship|pray|prayer|spiritual|sabbath|god',
      'christian|muslim|jewish|hindu|buddhist|sikh|atheist|catholic|protestant|mormon',
      'ramadan|christmas|easter|passover|diwali|hanukkah|yom',
    ],
    'Religion is protected by Title VII; questions about faith or observance are evidence of discrimination.',
    'Ask about the schedule instead: "This role includes some weekend and holiday work; can you work that schedule?"',
  ),
  rule(
    'national_origin',
    'risky',
    [
      'first|native|mother|primary language|tongue',
      'mother tongue',
      'accent|accents',
      // The language of the home, not of the job: "What language do you speak at home?"
      'language|languages|tongue ... home|parents|family',
      'language|languages|tongue ... speak|spoke|spoken|use|used ... home|growing|parents|family',
    ],
    'A first language points to national origin, which Title VII protects; ask only about languages the job needs.',
    'If the job needs a language: "What languages do you speak, read or write fluently?"',
  ),
  rule(
    'national_origin',
    'risky',
    [
      'where ... born|from',
      'born in|outside|abroad|overseas|here|locally',
      'birthplace|birth country',
      'country|place of birth',
      'where ... grow|grew up',
      'nationality|heritage|ancestry|descent|origin|origins',
      'ethnic background',
      'immigrant|immigrated|emigrated|immigrate',
      'what|which country ... from|born',
      'parents ... from|born',
      // Length of residence in the country: "How long have you lived in America?"
      'how long ... live|lived|living|been|stayed ... america|usa|country|states|britain|canada',
      'how long ... live|lived|living|been ... in the us|u.s.|uk',
      'folks|family|parents|grandparents ... come|came|grow|grew|live|lived ... from|up|america|country',
    ],
    'Birthplace and ancestry point to national origin, which Title VII protects.',
    'Ask only what the job needs: "Are you authorized to work in the US?"',
  ),
  rule(
    'citizenship',
    'risky',
    ['citizen|citizens|citizenship|naturalized|naturalised|passport', 'green card', 'immigration|visa status'],
    'Citizenship status is protected by the Immigration Reform and Control Act: most employers may only ask about work authorization.',
    'Ask: "Are you authorized to work in the US?" (and, if relevant, "Will you now or in the future require visa sponsorship?")',
  ),
  rule(
    'sexual_orientation',
    'unlawful',
    [
      'gay|lesbian|bisexual|homosexual|heterosexual|queer|sexuality|lgbt*|pansexual|asexual',
      'sexual orientation|preference',
      'are you ... straight',
      'same sex|gender',
      'same-sex',
      'partner|partners|spouse|significant ... man|woman|male|female|guy|girl|boy|gay|straight',
    ],
    'Sexual orientation is protected under Title VII (Bostock v. Clayton County) and state law.',
    NO_LAWFUL_FORM,
  ),
  rule(
    'sex',
    'unlawful',
    ['gender|sex|transgender|intersex', 'man or ?a woman', 'are you ... male|female|man|woman|trans', 'identify as'],
    'Sex and gender identity are protected by Title VII.',
    NO_LAWFUL_FORM,
  ),
  rule(
    'marital_status',
    'risky',
    [
      'married|marry|marriage|marital|spouse|husband|wife|divorced|widowed|maiden|fiance|fiancee|boyfriend|girlfriend',
      'are you ... single|engaged|seeing|relationship',
      'your ... partner',
      'have|got a ?life|long-term partner|significant',
      'significant other',
      'settle|settled|settling down',
    ],
    'Marital status is protected in many states, and it is often used against women; federal law treats it as evidence of sex discrimination.',
    'Leave it out; if you need other names for a background check: "Is there another name under which we can verify your work or education records?"',
  ),
  rule(
    'pregnancy',
    'unlawful',
    [
      'pregnant|pregnancy|maternity|paternity',
      'expecting a|baby|child',
      'are you expecting',
      'due date',
      'have|having|had|plan|planning ?a baby|babies',
      'get|getting|become|becoming pregnant',
      'baby|babies|child|bun|sprog ... on the way',
      'bun in the oven',
    ],
    'Pregnancy is protected by the Pregnancy Discrimination Act and the Pregnant Workers Fairness Act.',
    'Ask every candidate about the job: "Can you meet the attendance and travel requirements of this role?"',
  ),
  rule(
    'genetic_information',
    'unlawful',
    [
      'genetic|genetics|gene|genes|dna|hereditary|inherited',
      'run|runs in your family',
      'family medical|health history',
      'family history',
      'family|parent|parents|mother|father|mom|mum|dad|relative|relatives|sibling|siblings|brother|sister|grandparents|grandparent ... disease|diseases|illness|illnesses|condition|conditions|cancer|diabetes|alzheimer*|dementia|stroke|heart|huntington*',
    ],
    'Family medical history is genetic information under GINA; employers may not ask for it.',
    NO_LAWFUL_FORM,
  ),
  rule(
    'family',
    'unlawful',
    [
      'children|child|kids|kid|son|sons|daughter|daughters|childcare|babysitter|daycare|nanny|grandchildren',
      'start|starting|have|having a family',
      'family plans|planning',
      'caregiver|caregiving|dependents|dependants|dependent|dependant',
      'little ones|one',
      'kiddos|kiddies|toddler|toddlers|youngsters|baby|babies|grandkids',
      // Who waits at home, asked indirectly: "Does anyone depend on you at home?"
      'anyone|anybody|someone|somebody|people|who ... depend|depends|rely|relies|relying|depending on you',
      'anyone|anybody|someone|somebody ... at home',
      'elder care',
      'single mother|father|mom|mum|dad|parent',
      'are you a mother|mom|mum|father|dad|parent|grandparent|grandmother|grandfather',
    ],
    'Questions about children and family plans are evidence of sex and caregiver discrimination (Title VII, EEOC guidance) and are barred by many states.',
    'Ask everyone the same job question: "This role has occasional evening work; can you meet that schedule?"',
  ),
  rule(
    'disability',
    'unlawful',
    [
      'disability|disabilities|disabled|handicap|handicapped|impairment|impairments|illness|illnesses|wheelchair',
      'medical|health condition|conditions|problem|problems|issue|issues|history',
      'mental health|illness',
      'medication|medications|prescription|prescriptions|surgery|surgeries|hospitalized|hospitalised|psychiatric|therapy|therapist|diagnosed',
      'treated for',
      'sick day|days|leave',
      'workers compensation|comp',
      'how healthy',
      'in good health',
      'disease|diseases|cancer|diabetes|hiv|aids|asthma|epilepsy|epileptic|depression|depressed|anxiety|adhd|autism|autistic|dyslexia|dyslexic|ptsd|bipolar|schizophrenia|addiction|alcoholism|alcoholic|rehab|injury|injuries|injured|allergy|allergies|hearing|eyesight',
      'off|signed ?off work|sick ... stress|anxiety|depression|illness|injury|burnout|sick|health|ill',
      'time off ... sick|illness|health|stress|medical|injury',
      'stress leave',
      'physical|mental|medical|health limitation|limitations|restriction|restrictions',
      'off sick|ill',
      'sickness|sick absence|absences|record|leave',
      'nervous breakdown',
      'workers comp',
    ],
    'Before an offer, the ADA bars questions likely to reveal a disability, including health history and sick leave taken.',
    'Ask: "Can you perform the essential functions of this job, with or without reasonable accommodation?"',
  ),
  rule(
    'criminal_record',
    'risky',
    ['arrest|arrested|arrests|jail|jailed|prison|incarcerated|felony|felon|misdemeanor|misdemeanour|crime|crimes|convicted|conviction|convictions|police', 'criminal record|history|background', 'trouble with the law', 'locked up|away', 'behind bars', 'serve|served|serving|do|did|done time|sentence', 'probation|parole|parolee'],
    'Arrests are not evidence of conduct (EEOC guidance), and many states and cities ("ban the box") restrict conviction questions until after a conditional offer.',
    'Where the law allows and the job requires it, after a conditional offer: "Have you been convicted of an offence related to the duties of this role?"',
  ),
  rule(
    'salary_history',
    'risky',
    [
      'current|previous|last|past|present|prior|old salary|pay|compensation|wage|wages|income|earnings|bonus',
      'salary|pay|compensation history',
      'how much ... make|making|made|earn|earning|earned|paid',
      'salary|salaries|pay|paid|compensation|wage|wages|earnings|income|package ... current|previous|last|past|present|prior|former|old ?job|role|position|employer|company|workplace',
      'earn|earned|earning|paid ... current|previous|last|past|present|prior|former|old ?job|role|position|employer|company|workplace',
      'current|previous|last|past|present|prior|former|old ?job|role|position|employer|company|workplace|boss ... pay|paid|paying|salary|earn|earned|earning',
      'how much ... pay|paying',
      // British: "What were you on at your last place?"
      'what|much were|are you on',
    ],
    'Many states and cities ban salary-history questions, because they carry past pay gaps into the new offer.',
    'Ask: "What are your salary expectations for this role?"',
  ),
  rule(
    'military',
    'risky',
    [
      'discharge|discharged|dishonorable|dishonourable',
      'court martial',
      'court-martial',
      'military|service record',
      'reserves|reservist|reservists|deploy|deployed|deployment|deployments',
      'national guard',
    ],
    'The type of discharge can reveal disability or other protected information; USERRA and state laws protect service members.',
    'Ask: "What training or experience from your military service is relevant to this role?"',
  ),
  rule(
    'union',
    'unlawful',
    [
      'union|unions|unionize|unionise|unionized|unionised|unionizing|unionising',
      'labor|labour organization|organisation|organizing',
      'collective bargaining',
      'teamsters|afl-cio|seiu|uaw|aflcio|steward|picket|picketing|picketed|walkout|walkouts',
      'go|went|gone|going|been on strike',
    ],
    'The National Labor Relations Act protects union membership and activity; questioning candidates about it is an unfair labor practice.',
    NO_LAWFUL_FORM,
  ),
  rule(
    'financial',
    'risky',
    [
      'own|rent|renting ... home|house|apartment|flat|car',
      'rent|renting|own|owning or|and own|rent|buy|renting',
      'homeowner|homeowners|mortgage|debt|debts|bankruptcy|bankrupt|loan|loans|garnish|garnished|garnishment',
      'credit score|history|rating|report|card|cards',
      'financial situation|problems|trouble|status',
    ],
    'Home ownership, credit and debt have a disparate impact by race and national origin, and several states restrict credit questions.',
    'Leave it out unless the job requires it; for a driving role: "Do you have a valid driver\'s license?"',
  ),
  rule(
    'physical',
    'risky',
    ['weigh|weight|height|bmi', 'how tall|heavy', 'dress|clothing|clothes|waist|body|shoe|shirt|trouser|pant|pants size'],
    'Height and weight requirements screen out women and some ethnic groups (Title VII) and are protected in some states and cities.',
    'Ask about the task: "This job requires lifting up to 50 pounds; can you do that, with or without accommodation?"',
  ),
  rule(
    'political_views',
    'risky',
    ['political|politics|politically|democrat|democrats|republican|republicans|vote|voted|voting|election', 'are you ... conservative|liberal|progressive'],
    'Political affiliation and activity are protected in several states (e.g. California, Colorado, New York) and irrelevant to the job.',
    NO_LAWFUL_FORM,
  ),
];

/** Questions that sound close to a topic but ask only what the law lets an employer ask. */
export const LAWFUL_FORMS: readonly LawfulForm[] = [
  {
    topics: ['citizenship', 'national_origin'],
    phrases: compilePhrases(['authorized|authorised|eligible|permitted|allowed|entitled ... work', 'require|need|needs ... sponsorship|visa']),
    explanation: 'Employers may ask whether a candidate is authorized to work in the US, and whether sponsorship is needed.',
  },
  {
    topics: ['age'],
    phrases: compilePhrases([
      'at least ... 18|16|21|eighteen|sixteen|twenty-one',
      'over|above|older ... 18|16|21|eighteen|sixteen|twenty-one',
      '18|16|21|eighteen|sixteen|twenty-one or|and older|over|above',
      'legal|minimum ?working|employment age',
      'of legal age',
    ]),
    explanation: 'Asking whether a candidate meets a legal minimum age is lawful where the role requires it.',
  },
  {
    topics: ['disability'],
    phrases: compilePhrases(['essential functions', 'with or without ... accommodation', 'accommodation|accommodations ... interview|application|process']),
    explanation: 'Asking whether a candidate can perform the essential functions, with or without accommodation, is the ADA\'s lawful form.',
  },
  {
    topics: ['salary_history'],
    phrases: compilePhrases(['expect|expecting|expectation|expectations|desired|target|range|requirements', 'looking for']),
    explanation: 'Asking about salary expectations for this role is lawful; it is past pay that many states protect.',
  },
  {
    topics: ['pregnancy'],
    phrases: compilePhrases([
      'expecting ... salary|pay|compensation|offer|range|raise|bonus|hear|to|that|from',
      'salary|pay|compensation|rate|range|raise|bonus ... expecting',
    ]),
    explanation: '"Expecting" here is about the job, not a pregnancy.',
  },
  {
    topics: ['financial'],
    phrases: compilePhrases(['technical|tech|design|code|architectural|architecture debt']),
    explanation: 'Technical debt is about the code, not the candidate\'s finances.',
  },
  {
    topics: ['national_origin'],
    phrases: compilePhrases(['where ... from ... company|job|role|position|hear|heard|referred|learn|learned']),
    explanation: 'Asking how a candidate heard about the role is job-related.',
  },
];
