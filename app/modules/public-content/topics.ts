// The public information pages (/fostering/<topic>), as data. Every statement comes from DOMAIN.md: the process
// (§2), kinship (§3), support after approval (§4), Mockingbird (§5) and each council's facts (§1.2, §7.3, §8.4).
// Words follow §8.4: "home" rather than "placement", "separated children", "care experienced".

export type TopicSection = {
  heading: string;
  paragraphs: readonly string[];
  bullets?: readonly string[];
};

export type Topic = {
  slug: string;
  title: string;
  /** One sentence under the heading, and the link text's description on the home page. */
  summary: string;
  sections: readonly TopicSection[];
};

/** The journey every council shares (DOMAIN.md §2.1, §2.2), told once and reused on each council's page. */
const THE_STEPS: TopicSection = {
  heading: 'The steps to becoming a foster carer',
  paragraphs: [
    'Foster for East Midlands is the front door for all four councils. We support you from your first question until you send in your full application; your council then carries out the assessment, and we keep offering peer support along the way.',
  ],
  bullets: [
    'You ask about fostering, online or by phone, and we get in touch to talk it through.',
    'We visit you at home to talk about fostering in more depth and answer your questions.',
    'If you both want to go ahead, we invite you to apply, and help you with the application form.',
    'Your application is passed to your council, which carries out checks and takes up references (stage 1).',
    'A social worker gets to know you and writes an assessment of you as a foster carer (stage 2). Assessment usually takes four to six months from your application.',
    'Alongside the assessment you take part in preparation training, usually Skills to Foster.',
    "Your council's fostering panel, which has an independent chair, considers the assessment. You can go to the panel and bring someone with you.",
    "The council's decision maker then decides whether to approve you as a foster carer.",
  ],
};

const ASK_US: TopicSection = {
  heading: 'Ask us anything',
  paragraphs: ['Asking about fostering does not commit you to anything. Send us an enquiry and we will get in touch to answer your questions.'],
};

function councilTopic(slug: string, council: string, facts: readonly TopicSection[]): Topic {
  return {
    slug,
    title: `Fostering with ${council}`,
    summary: `What fostering with ${council} involves, from your first question to approval.`,
    sections: [
      {
        heading: `Fostering with ${council}`,
        paragraphs: [
          `${council} is one of the four councils behind Foster for East Midlands. If you live in its area, your application will usually be assessed and approved by ${council}, and the children you care for will be children in its care.`,
        ],
      },
      ...facts,
      THE_STEPS,
      {
        heading: 'After you are approved',
        paragraphs: [
          'Every foster carer has a supervising social worker who visits and supports them. You will keep learning: within your first year you show that you meet the national Training, Support and Development Standards, and your approval is reviewed at least once a year.',
          `${council} has its own Mockingbird group, where foster families support each other around an experienced hub carer.`,
        ],
      },
      ASK_US,
    ],
  };
}

export const TOPICS: readonly Topic[] = [
  councilTopic('derby-city', 'Derby City Council', [
    {
      heading: 'About Derby City',
      paragraphs: [
        'Derby City Council is the lead council of the Foster for East Midlands partnership.',
        'Derby City supports its foster carers with payments linked to their skills, and runs its Foster Plus Scheme.',
        'Derby City offers information in any other way, style or language you need, including Punjabi, Polish, Slovak and Urdu, and a signing service. Tell us if you would like an interpreter or British Sign Language.',
      ],
    },
  ]),
  councilTopic('derbyshire', 'Derbyshire County Council', [
    {
      heading: 'About Derbyshire',
      paragraphs: [
        'Derbyshire County Council covers eight districts and boroughs: Amber Valley, Bolsover, Chesterfield, Derbyshire Dales, Erewash, High Peak, North East Derbyshire and South Derbyshire. Derbyshire also recruits foster carers who live just over its border in neighbouring counties.',
        'Derbyshire fosters children in many ways, including:',
      ],
      bullets: [
        'short-term fostering, including short breaks',
        'permanent and long-term fostering',
        'kinship fostering, for a child you already know',
        'Contract Care, a specialist scheme for young people aged 13 and over who need a lot of support, and for disabled children',
        'link carers, who give short breaks to disabled children',
      ],
    },
  ]),
  councilTopic('nottingham-city', 'Nottingham City Council', [
    {
      heading: 'About Nottingham City',
      paragraphs: [
        'Nottingham City Council covers the city of Nottingham. Some Nottingham postcodes are shared between the city and Nottinghamshire, so we check your address with you to make sure your enquiry goes to the right council.',
      ],
    },
  ]),
  councilTopic('nottinghamshire', 'Nottinghamshire County Council', [
    {
      heading: 'About Nottinghamshire',
      paragraphs: [
        'Nottinghamshire County Council covers seven districts: Ashfield, Bassetlaw, Broxtowe, Gedling, Mansfield, Newark and Sherwood, and Rushcliffe.',
        'Preparation training in Nottinghamshire is six sessions of Skills to Foster, run over two Tuesday evenings and two Saturdays. It is part of your assessment: you attend all six sessions and keep a learning diary, and if you apply as a couple you both attend every session.',
      ],
    },
  ]),
  {
    slug: 'training-and-support',
    title: 'Training and support',
    summary: 'The training you get before and after approval, and the people who support you.',
    sections: [
      {
        heading: 'Before you are approved',
        paragraphs: [
          'While your council assesses you, you take part in preparation training, usually Skills to Foster, a course written by The Fostering Network. If you apply as a couple, you both take part.',
        ],
      },
      {
        heading: 'Peer support while you are assessed',
        paragraphs: [
          'Foster for East Midlands offers enhanced peer support during your assessment, and can match you with an experienced local foster carer as a buddy. We stay in touch while your council assesses you.',
        ],
      },
      {
        heading: 'After you are approved',
        paragraphs: [
          'Every fostering household has a supervising social worker, who visits you, supports you and helps you plan your learning.',
          'Within 12 months of approval you show that you meet the Training, Support and Development Standards, a national set of standards for foster carers (kinship carers have 18 months). They cover:',
        ],
        bullets: [
          'principles and values',
          'your role as a foster carer',
          'health and safety and healthy care',
          'communicating effectively',
          'the development of children and young people',
          'keeping children safe',
          'developing yourself',
        ],
      },
      {
        heading: 'Support from other foster families',
        paragraphs: [
          'Each of our four councils has a Mockingbird group, where a hub carer and six to ten foster families support each other with sleepovers, advice and social activities.',
          'Your approval is reviewed at least once a year, so you and your council can talk about how things are going and what support you need.',
        ],
      },
      ASK_US,
    ],
  },
  {
    slug: 'mockingbird',
    title: 'Mockingbird: support from other foster families',
    summary: 'How Mockingbird groups bring foster families together like an extended family.',
    sections: [
      {
        heading: 'What Mockingbird is',
        paragraphs: [
          'Mockingbird is a way of supporting foster families that works like an extended family. It is run in the UK by The Fostering Network, and has run in England since 2015.',
          'An experienced foster carer, the hub carer, supports six to ten nearby households, called satellites. Together they are called a constellation, and a liaison worker from the council works alongside the hub carer.',
        ],
      },
      {
        heading: 'What a constellation offers',
        paragraphs: ['The hub carer offers:'],
        bullets: [
          'planned and emergency sleepovers and short breaks for the children',
          'advice and support',
          'training together',
          'monthly meetings and social activities for the whole group',
        ],
      },
      {
        heading: 'Mockingbird in the East Midlands',
        paragraphs: [
          'The Department for Education funded a Mockingbird group for each of our four councils: Derby City, Derbyshire, Nottingham City and Nottinghamshire. Satellite households can be foster, kinship or adoptive families.',
          'An evaluation for the Department for Education published in 2020 found that households taking part were 82% less likely to stop fostering than households that did not, and 90% rated the peer support good or excellent.',
        ],
      },
      ASK_US,
    ],
  },
  {
    slug: 'kinship-carers',
    title: 'Kinship carers: caring for a child you know',
    summary: 'Fostering a relative or a friend’s child who is in care.',
    sections: [
      {
        heading: 'What kinship fostering is',
        paragraphs: [
          'Kinship fostering (also called family and friends fostering) is when a relative or friend of a particular child in care is assessed and approved as that child’s foster carer.',
          'Kinship carers are a large and growing part of fostering. In Derbyshire, 71% of fostering approvals in 2023/24 were family and friends carers.',
        ],
      },
      {
        heading: 'How it starts',
        paragraphs: [
          'Kinship fostering usually starts with the child’s social worker, who asks whether a relative or friend could care for the child. If you contact us about a particular child, we pass your details to the council responsible for that child, and they will talk to you about what happens next.',
          'Sometimes a child needs to move in quickly. The council can then approve you temporarily, for up to 16 weeks, while it completes a full assessment; it can extend this once, by up to 8 weeks.',
        ],
      },
      {
        heading: 'The assessment and approval',
        paragraphs: [
          'A social worker assesses you as a carer for the child you know, and the fostering panel and the council’s decision maker consider the assessment, as they do for other foster carers. You are approved to care for that child or those children.',
          'After approval you have a supervising social worker and training, and 18 months (rather than 12) to meet the Training, Support and Development Standards. Kinship households can join their council’s Mockingbird group.',
        ],
      },
      {
        heading: 'Special guardianship',
        paragraphs: [
          'Some kinship carers later become the child’s special guardian. A special guardianship order gives you parental responsibility for the child, who then leaves care. Councils offer an assessment of the support you need, which can include an allowance.',
        ],
      },
      {
        heading: 'Ask us',
        paragraphs: ['If you are thinking about caring for a child you know, send us an enquiry and choose “Caring for a child I already know”. We will make sure it reaches the right council.'],
      },
    ],
  },
  {
    slug: 'faq',
    title: 'Questions people often ask',
    summary: 'Short answers to the questions people ask most before they foster.',
    sections: [
      {
        heading: 'Who can foster?',
        paragraphs: [
          'You do not need to own your home, be married or have children of your own. Single people, couples, renters and homeowners can all foster. What matters is that you can give a child a safe, caring home.',
        ],
      },
      {
        heading: 'Do I need a spare bedroom?',
        paragraphs: ['Usually, yes. We ask about your spare room when we first talk to you, so talk to us if you are not sure about yours.'],
      },
      {
        heading: 'Does asking commit me to anything?',
        paragraphs: ['No. We will talk to you about what fostering involves before you decide anything, and you can stop at any time.'],
      },
      {
        heading: 'How long does it take?',
        paragraphs: [
          'Assessment usually takes four to six months from your application. The fostering panel should make its recommendation within eight months of your application.',
        ],
      },
      {
        heading: 'What checks are there?',
        paragraphs: ['Your council will carry out the checks every foster carer needs, including:'],
        bullets: [
          'an enhanced DBS (criminal record) check for everyone in your household aged 18 or over',
          'checks with the councils of every area you have lived in',
          'a medical report from your GP',
          'at least two personal references, who are interviewed',
          'references from former partners and employers',
          'a check that your home is safe',
        ],
      },
      {
        heading: 'How many children could I foster?',
        paragraphs: ['The usual limit is three children at a time, unless they are all brothers and sisters. Your approval says how many children, and of what ages, you can care for.'],
      },
      {
        heading: 'What kinds of fostering are there?',
        paragraphs: ['Children need different kinds of homes, for example:'],
        bullets: [
          'emergency and short-term fostering',
          'long-term and permanent fostering',
          'short breaks, including for disabled children',
          'brothers and sisters together',
          'teenagers and older children',
          'separated children, who arrived in the UK alone',
          'parent and child fostering',
          'supported lodgings for care experienced young people',
        ],
      },
      {
        heading: 'Which council would I foster for?',
        paragraphs: [
          'Usually the council where you live: Derby City, Derbyshire, Nottingham City or Nottinghamshire. We use your postcode to work out which council that is. If you live just outside these areas, contact your own council’s fostering service, or ask us: some people near our borders foster with one of our councils.',
        ],
      },
      ASK_US,
    ],
  },
];

const BY_SLUG = new Map(TOPICS.map((topic) => [topic.slug, topic]));

export function topicBySlug(slug: string): Topic | undefined {
  return BY_SLUG.get(slug);
}
