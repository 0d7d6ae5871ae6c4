import { describe, expect, it } from 'vitest';
import { entitiesOf, mentionNames, type EntitiesOf } from './entityArticle';

const names = mentionNames;

describe('extractEntities: a nationality adjective used as a noun, then a name', () => {
  const doc = entitiesOf(
    'وفي نهائي البطولة تغلب الصربي يانكو ميلوفيتش على البلجيكي كزافييه دوبوا ، ثم سجل هدف التعادل للبرازيلي كلاوديو . وقال الأميركي نفسه إن الفوز مستحق .',
    'ar',
  );

  it('reads a foreign first name with a long vowel after ي, or ending in ييه', () => {
    expect(names(doc)).toContain('person:يانكو ميلوفيتش');
    expect(names(doc)).toContain('person:كزافييه دوبوا');
  });

  it('reads one word after `للبرازيلي` closed by punctuation, though named once', () => {
    expect(names(doc)).toContain('person:كلاوديو');
  });

  it('reads no name in a pronoun form after the adjective', () => {
    expect(names(doc).some((n) => n.includes('نفسه'))).toBe(false);
  });

  it('reads no name after an adjective that describes a noun before it, or before an imperfect verb', () => {
    const other = entitiesOf('وقال المصدر الفرنسي يونس إن الجيش الإسرائيلي يتهم الحركة بخرق الهدنة .', 'ar');
    expect(names(other).filter((n) => n.startsWith('person:'))).toEqual([]);
  });

  it('English: a nationality before a capitalised name', () => {
    const en = entitiesOf(
      'In the final, Serbian Janko Milovic beat Belgian Xavier Dubois, and the Brazilian Claudio scored.',
      'en',
    );
    expect(names(en)).toEqual(expect.arrayContaining(['person:Janko Milovic', 'person:Xavier Dubois']));
  });
});

describe('extractEntities: more common given names (data/given-names-common.json)', () => {
  it('reads a person from a common foreign or Arabic given name and a family name, with no title', () => {
    const doc = entitiesOf('وكان نايجل هاريس قد غادر النادي ، فيما حضرت فايزة الحسيني حفل الافتتاح .', 'ar');
    expect(names(doc)).toEqual(expect.arrayContaining(['person:نايجل هاريس', 'person:فايزة الحسيني']));
  });

  it('reads no person from a word that only looks like a given name after a clitic', () => {
    const doc = entitiesOf('وقال إن وجودي في المدينة كان مؤقتا وإن وكيلي سعيد بالنتيجة .', 'ar');
    expect(names(doc).filter((n) => n.startsWith('person:'))).toEqual([]);
  });

  it('English: the same people', () => {
    const doc = entitiesOf('Nigel Harris had left the club, while Faiza Hussaini attended the opening.', 'en');
    expect(names(doc)).toEqual(expect.arrayContaining(['person:Nigel Harris', 'person:Faiza Hussaini']));
  });
});

describe('extractEntities: media named without their head noun', () => {
  const doc = entitiesOf(
    'وقال مراسل الجزيرة إن القصف استمر حتى الصباح . وأكد مسؤول لـ « الشرق الأوسط » أن الاتفاق بات قريبا ، وأن الشرق الأوسط يحتاج إلى الهدوء .',
    'ar',
  );
  const idOf = (text: string) =>
    doc.entities.filter((e) => e.mentions.some((m) => doc.text.slice(m.start, m.end) === text)).map((e) => e.id);

  it('confirms the ambiguous short name of a channel after a correspondent', () => {
    expect(idOf('الجزيرة')).toEqual(['org:al-jazeera']);
  });

  it('reads a known region alone in closed quotes as the newspaper named after it, and the bare region as the place', () => {
    expect(idOf('الشرق الأوسط').sort()).toEqual(['org:asharq-al-awsat', 'place:middle-east']);
  });

  it('leaves an island alone with no media cue', () => {
    const other = entitiesOf('ووصل الصيادون إلى الجزيرة قبل المغيب .', 'ar');
    expect(other.entities.some((e) => e.id === 'org:al-jazeera')).toBe(false);
  });

  it('English: the same newspaper', () => {
    const en = entitiesOf('An official told Asharq Al-Awsat that a deal was close.', 'en');
    expect(en.entities.map((e) => e.id)).toContain('org:asharq-al-awsat');
  });
});

describe('extractEntities: a definite participle after a two-word name describes the person', () => {
  const doc = entitiesOf(
    'وتأهل فرناندو غونزاليز العاشر إلى الدور الثاني ، وهنأ الروائي غونتر غراس الحائز على جائزة نوبل الفائزين . واستقبل الملك عبد الله الثاني الوفد ، وحضر حمد جاسم الجابر الحفل .',
    'ar',
  );

  it('ends the name before `العاشر`، `الحائز`', () => {
    expect(names(doc)).toEqual(expect.arrayContaining(['person:فرناندو غونزاليز', 'person:غونتر غراس']));
  });

  it("keeps a monarch's ordinal and a family name built like a given name (`الجابر`)", () => {
    expect(names(doc)).toEqual(expect.arrayContaining(['person:عبد الله الثاني', 'person:حمد جاسم الجابر']));
  });

  it('English: the capitalised name ends before the lower-case description', () => {
    const en = entitiesOf(
      'Fernando Gonzalez, the tenth seed, advanced, and novelist Gunter Grass congratulated the winners.',
      'en',
    );
    expect(names(en)).toEqual(expect.arrayContaining(['person:Fernando Gonzalez', 'person:Gunter Grass']));
  });
});

describe('extractEntities: a bare surname after the full name of another known bearer', () => {
  const ids = (doc: EntitiesOf, word: string) => [
    ...new Set(doc.entities.filter((e) => e.mentions.some((m) => doc.text.slice(m.start, m.end) === word)).map((e) => e.id)),
  ];

  it('links `Kabila` after `Laurent Kabila` to him though a role outside the other entry’s offices precedes it', () => {
    const doc = entitiesOf(
      'Rebels led by Laurent Kabila took the town. France does not get on with rebel leader Kabila and has no contacts with him. Kabila "is being pushed", he said.',
      'en',
    );
    expect(ids(doc, 'Kabila')).toEqual(['person:laurent-desire-kabila']);
  });

  it('Arabic: the same, with a surname starting with ك (not a clitic here)', () => {
    const doc = entitiesOf(
      'وسيطر المتمردون بقيادة لوران ديزيريه كابيلا على المدينة . وقالت باريس إنها لا تتفاهم مع زعيم المتمردين كابيلا ، وإن كابيلا يتلقى الدعم .',
      'ar',
    );
    expect(ids(doc, 'كابيلا')).toEqual(['person:laurent-desire-kabila']);
  });

  it('keeps the word for the known person when the role is one of their known offices', () => {
    const doc = entitiesOf('Laurent Kabila died in 2001. Years later, President Kabila met the envoys.', 'en');
    expect(ids(doc, 'Kabila')).toEqual(['person:joseph-kabila']);
  });
});

describe('extractEntities: a name set off by commas after a title', () => {
  it('reads the name between commas as the title holder, with the role', () => {
    const doc = entitiesOf('وقال الناطق باسم الشركة ، كازيميرو لوبيث ، إن الأرباح ارتفعت هذا العام .', 'ar');
    const p = doc.entities.find((e) => e.type === 'person');
    expect(names(doc)).toContain('person:كازيميرو لوبيث');
    expect(p?.roles?.[0]?.text).toBe('الناطق باسم الشركة');
  });

  it('reads `السناتور` as a title like `السيناتور`', () => {
    const doc = entitiesOf('وعرض السناتور الديمقراطي ، تيودور رانكين ، مشروع قانون جديدا .', 'ar');
    expect(names(doc)).toContain('person:تيودور رانكين');
  });

  it('reads no name from a relative clause between commas', () => {
    const doc = entitiesOf('وقال وزير الخارجية ، الذي وصل أمس ، إن الاتفاق قريب .', 'ar');
    expect(names(doc).filter((n) => n.startsWith('person:'))).toEqual([]);
  });

  it('English: the same apposition', () => {
    const doc = entitiesOf("The company's spokesman, Casimiro Lopez, said profits rose this year.", 'en');
    expect(names(doc)).toContain('person:Casimiro Lopez');
  });
});

describe('extractEntities: lineage words', () => {
  it('reads a one-word place after `أبو` as part of the name, and the Berber `آيت` as a lineage word', () => {
    const doc = entitiesOf(
      'وقال أحمد أبو غزة مدير التنسيق إن الوضع صعب . وخالف العداء المغربي عبد الغني آيت باحماد التوقعات .',
      'ar',
    );
    expect(names(doc)).toEqual(expect.arrayContaining(['person:أحمد أبو غزة', 'person:عبد الغني آيت باحماد']));
    expect(names(doc)).not.toContain('place:غزة');
  });

  it('still reads the place alone when no name comes before the lineage word', () => {
    const doc = entitiesOf('وسقطت قذائف على غزة أمس .', 'ar');
    expect(names(doc)).toContain('place:غزة');
  });

  it('English: the same names', () => {
    const doc = entitiesOf('Ahmed Abu Ghazza said the situation was difficult.', 'en');
    expect(names(doc)).toContain('person:Ahmed Abu Ghazza');
  });
});

describe('extractEntities: English given names in -ed at the start of a sentence', () => {
  it('keeps `Ahmed`, `Khaled` in the name but still peels a participle (`Asked`)', () => {
    const doc = entitiesOf('Khaled Omar said the talks failed. Asked Nadia Farouk about it, officials declined.', 'en');
    expect(names(doc)).toEqual(expect.arrayContaining(['person:Khaled Omar', 'person:Nadia Farouk']));
  });
});

describe('extractEntities: clubs named by a prefix and their city', () => {
  it('reads `سسكا موسكو`، `ستيوا بوخارست` as clubs, and the city alone as the place', () => {
    const doc = entitiesOf('وفاز سسكا موسكو على ستيوا بوخارست بهدفين ، وعاد اللاعبون إلى موسكو مساء .', 'ar');
    expect(names(doc)).toEqual(['organization:سسكا موسكو', 'organization:ستيوا بوخارست', 'place:موسكو']);
  });

  it('English: the same clubs', () => {
    const doc = entitiesOf('CSKA Moscow beat Steaua Bucharest 2-0, and the players flew back to Moscow.', 'en');
    expect(names(doc)).toEqual(['organization:CSKA Moscow', 'organization:Steaua Bucharest', 'place:Moscow']);
  });
});

describe('extractEntities: the person quoted in `عن X قوله`', () => {
  it('reads one to three name words between `عن` and `قوله/قولها` as a person, though named once', () => {
    const doc = entitiesOf(
      'ونقلت الصحيفة عن هيغينز قوله إن الفريق جاهز . ونقلت الإذاعة عن ماريا فيلدمان قولها إن المفاوضات مستمرة .',
      'ar',
    );
    expect(names(doc)).toEqual(['person:هيغينز', 'person:ماريا فيلدمان']);
  });

  it('reads no person from an unnamed source or a body', () => {
    const doc = entitiesOf(
      'ونقلت الوكالة عن مصدر عسكري قوله إن الهجوم انتهى . ونقلت عن وزارة الخارجية قولها إن الوفد وصل .',
      'ar',
    );
    expect(names(doc).filter((n) => n.startsWith('person:'))).toEqual([]);
  });

  it('English: the person quoted after `quoted … as saying`', () => {
    const doc = entitiesOf('The paper quoted Kenyon as saying the team was ready.', 'en');
    expect(names(doc)).toContain('person:Kenyon');
  });
});

describe('extractEntities: follow-ups from the new test articles (ar_08, en_06)', () => {
  it('reads one word after a nationality adjective before `و` and after a word with a pronoun', () => {
    const doc = entitiesOf('وسجلهما البرازيلي كلاوديو ومواطنه جوزيه ماركوس .', 'ar');
    expect(names(doc)).toEqual(['person:كلاوديو', 'person:جوزيه ماركوس']);
  });

  it('reads no name from a preposition and a noun, or from `ليست`', () => {
    const doc = entitiesOf('وأطاح بنظيره الفرنسي بفارق 17 نقطة ، كما أن المغربية ليست وحدها .', 'ar');
    expect(names(doc).filter((n) => n.startsWith('person:'))).toEqual([]);
  });

  it('reads the club prefix alone later as the club, and `الفريق` ("the team") as no title', () => {
    const doc = entitiesOf(
      'وفاز سسكا موسكو على ستيوا بوخارست ، وسجل للفريق الروماني المهاجم يانكو ميلوفيتش . واحتجت جماهير ستيوا على الحكم .',
      'ar',
    );
    const steaua = doc.entities.find((e) => e.label.ar === 'ستيوا بوخارست');
    expect(steaua?.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['ستيوا بوخارست', 'ستيوا']);
    const yanko = doc.entities.find((e) => e.type === 'person');
    expect(yanko?.mentions.filter((m) => m.kind === 'title')).toEqual([]);
  });

  it('English: the club prefix alone', () => {
    const doc = entitiesOf('CSKA Moscow beat Steaua Bucharest, and Steaua fans protested.', 'en');
    const steaua = doc.entities.find((e) => e.label.en === 'Steaua Bucharest');
    expect(steaua?.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['Steaua Bucharest', 'Steaua']);
  });
});

describe('extractEntities: European particles inside a name', () => {
  it('reads `فان`، `فون دير`، `دو لا` between name words as part of the name', () => {
    const doc = entitiesOf('وسدد الهولندي ماتياس فان دايك كرة قوية . وقال جان بيير دو لا فونتين إن المجلس سيجتمع .', 'ar');
    expect(names(doc)).toEqual(expect.arrayContaining(['person:ماتياس فان دايك', 'person:جان بيير دو لا فونتين']));
  });

  it('reads `فان` ("فإن") and `لا` before a verb as no particle', () => {
    const doc = entitiesOf('وقال كريم حداد لا يريد أن يلعب . وأضاف أن الفريق جاهز فان الموسم طويل .', 'ar');
    expect(names(doc)).toContain('person:كريم حداد');
    expect(names(doc).some((n) => n.includes('لا يريد'))).toBe(false);
  });

  it('English: the same names', () => {
    const doc = entitiesOf('The Dutch defender Joris van Dijk shot wide.', 'en');
    expect(names(doc)).toContain('person:Joris van Dijk');
  });
});

describe('extractEntities: verbs after a title are no names', () => {
  it('reads no name from a past verb أفعل, a three-letter verb and its object, or `الفريق` ("the team") and a verb', () => {
    const doc = entitiesOf(
      'وكان النجم الأميركي أحرز لقب البطولة العام الماضي . وأكد أن اللاعب طلب الرحيل مرتين ، وأن الفريق سيقاطع الجلسة .',
      'ar',
    );
    expect(names(doc).filter((n) => n.startsWith('person:'))).toEqual([]);
  });

  it('ends a name before ف and an imperfect, and keeps a lineage word before a definite name', () => {
    const doc = entitiesOf('وتظهر الممثلة سلمى حداد فتقوم بدور الأم . وقال المؤرخ ابن الأبار القضاعي إن المدينة سقطت .', 'ar');
    expect(names(doc)).toEqual(expect.arrayContaining(['person:سلمى حداد', 'person:ابن الأبار القضاعي']));
  });

  it('reads no body from a generic phrase and what it belongs to', () => {
    const doc = entitiesOf('واجتمع الجهاز الفني للفريق الأول مع اللاعبين أمس .', 'ar');
    expect(names(doc).filter((n) => n.startsWith('organization:'))).toEqual([]);
  });

  it('English: a verb after a title is no name', () => {
    const doc = entitiesOf('The American star won the title last year, and the player asked to leave twice.', 'en');
    expect(names(doc).filter((n) => n.startsWith('person:'))).toEqual([]);
  });
});

describe('extractEntities: words that only look like names', () => {
  it('reads no name from a preposition with a pronoun, a plural participle in construct, an adjective in ية, or a noun in ى before بن', () => {
    const doc = entitiesOf(
      'ولم يكن محمد فيهم أغناهم ، وقال مسؤولو الإغاثة إن المساعدة إنسانية عاجلة ، وسدد اللاعب في مرمى بن فوستر .',
      'ar',
    );
    const people = names(doc).filter((n) => n.startsWith('person:'));
    expect(people.some((n) => /فيهم|مسؤولو|إنسانية|مرمى/.test(n))).toBe(false);
  });

  it('still reads foreign names in ها، و and Egyptian spellings in ى', () => {
    const doc = entitiesOf('وسجل الهدف الفرنسي لويس ساها ، وحضر الممثل جورج كلونى الحفل .', 'ar');
    expect(names(doc)).toEqual(expect.arrayContaining(['person:لويس ساها', 'person:جورج كلونى']));
  });

  it('English: the same sentence has no false person', () => {
    const doc = entitiesOf('Relief officials said the aid was urgent, and the player shot at goalkeeper Ben Foster.', 'en');
    expect(names(doc).filter((n) => n.startsWith('person:'))).toEqual(['person:Ben Foster']);
  });
});

describe('extractEntities: dual counters end a name', () => {
  it('ends the name before `هدفين`، `مرتين`', () => {
    const doc = entitiesOf('وسجل الفرنسي لويس ساها هدفين ، وتزوج الشاعر نزار توفيق مرتين .', 'ar');
    expect(names(doc)).toEqual(['person:لويس ساها', 'person:نزار توفيق']);
  });

  it('English: the same names', () => {
    const doc = entitiesOf('Frenchman Louis Saha scored twice, and the poet Nizar Tawfiq married twice.', 'en');
    expect(names(doc)).toEqual(expect.arrayContaining(['person:Louis Saha', 'person:Nizar Tawfiq']));
  });
});

describe('extractEntities: scorers before a minute in brackets, in a sport report', () => {
  const text =
    'وفي مباراة الدوري تقدم الفريق بهدفين في الشوط الثاني ، وسجل الهدفين ياكوبو إيغبيني ( 27 ) وكريم ناصيف ( 89 ) ، فيما تابعها اللاعب داخل المرمى ( 20 ) وأضاف لفريقه ( 70 ) .';

  it('reads the name words right before `( 27 )` as the scorer, and a list item after و', () => {
    expect(names(entitiesOf(text, 'ar'))).toEqual(['person:ياكوبو إيغبيني', 'person:كريم ناصيف']);
  });

  it('reads nothing outside a sport report', () => {
    const doc = entitiesOf('ونصت المادة على شروط قانون الشركات التجارية رقم ( 5 ) وعلى عقوبات تاليس مورو ( 7 ) .', 'ar');
    expect(names(doc).filter((n) => n.startsWith('person:'))).toEqual([]);
  });

  it('English: scorers with minutes', () => {
    const doc = entitiesOf('In the league match the goals came from Yakubu Aiyegbeni (27) and Karim Nassif (89).', 'en');
    expect(names(doc)).toEqual(expect.arrayContaining(['person:Yakubu Aiyegbeni', 'person:Karim Nassif']));
  });
});

describe('extractEntities: quantifiers and `عدم` end a name', () => {
  it('ends the name before `قبيل`، `لعدم`، `كثير`, and reads the Non-Aligned Movement whole', () => {
    const doc = entitiesOf(
      'وصرح رئيس الاتحاد سيب بلاتر قبيل المباراة ، وانتقد الرئيس تارايان باسيسكو لعدم دعوته ، وكان أبو طالب كثير العيال . واجتمعت حركة عدم الانحياز .',
      'ar',
    );
    expect(names(doc)).toEqual(
      expect.arrayContaining(['person:سيب بلاتر', 'person:تارايان باسيسكو', 'person:أبو طالب', 'organization:حركة عدم الانحياز']),
    );
  });

  it('English: the Non-Aligned Movement', () => {
    const doc = entitiesOf('The Non-Aligned Movement met in Havana.', 'en');
    expect(doc.entities.map((e) => e.id)).toContain('org:non-aligned-movement');
  });
});
