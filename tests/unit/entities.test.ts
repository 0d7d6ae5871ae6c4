import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/pipeline/entities';
import { loadKnowledge } from '../../src/pipeline/knowledge';
import { readSeed } from '../../src/pipeline/read';
import { segment } from '../../src/pipeline/segment';
import { goldFiles, scoreGoldFile } from '../../scripts/score-entities';

const knowledge = loadKnowledge();
const run = (text: string, lang = 'ar') =>
  extractEntities(
    segment(readSeed(new TextEncoder().encode(text), 'a.txt', { defaults: { lang, date: '2020-01-01' } })),
    knowledge,
  );
const surfaces = (doc: ReturnType<typeof run>, id: string) =>
  doc.entities.find((e) => e.id === id)?.mentions.map((m) => doc.text.slice(m.start, m.end)) ?? [];
const byId = (doc: ReturnType<typeof run>, id: string) => doc.entities.find((e) => e.id === id);

describe('extractEntities', () => {
  it('returns an empty list for a text without entities', () => {
    expect(run('عنوان\n\nكان الجو جميلا في ذلك اليوم وذهب الجميع إلى البيت.').entities).toEqual([]);
    const empty = { ...run('x'), text: '', blocks: [], sentences: [] };
    expect(extractEntities(empty, knowledge).entities).toEqual([]);
  });

  it('leaves attached clitics out of the mention: وترامب → ترامب', () => {
    const doc = run('عنوان\n\nاتفق بوتين وترامب على اللقاء.');
    expect(surfaces(doc, 'person:donald-trump')).toEqual(['ترامب']);
  });

  it('links spelling variants into one entity: البيت الأبيض / البيت الابيض', () => {
    const doc = run('عنوان\n\nأعلن البيت الأبيض أمس. وقال البيت الابيض إن الاجتماع انتهى.');
    expect(surfaces(doc, 'org:white-house')).toEqual(['البيت الأبيض', 'البيت الابيض']);
    expect(doc.entities).toHaveLength(1);
  });

  it('lets the longest known name win: روسيا اليوم is the outlet, not Russia', () => {
    const doc = run('عنوان\n\nونقل موقع روسيا اليوم عن مصدر قوله إن روسيا لن ترد.');
    expect(surfaces(doc, 'org:rt')).toEqual(['روسيا اليوم']);
    expect(surfaces(doc, 'place:RU')).toEqual(['روسيا']);
  });

  it('reads a person the gazetteer does not know after a title, with the role and the body', () => {
    const doc = run(
      'عنوان\n\nوقال المتحدث باسم وزارة الصحة اليمنية نجيب الخليدي إن الوضع صعب. وأضاف الخليدي أن المساعدات تأخرت.',
    );
    const person = doc.entities.find((e) => e.type === 'person')!;
    expect(person.label.ar).toBe('نجيب الخليدي');
    expect(person.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['نجيب الخليدي', 'الخليدي']);
    expect(person.roles?.[0]?.text).toBe('المتحدث باسم وزارة الصحة اليمنية');
    expect(doc.entities.some((e) => e.type === 'organization' && e.label.ar === 'وزارة الصحة اليمنية')).toBe(true);
  });

  it('links a title without a name to the person it refers to: السيناتور الروسي', () => {
    const doc = run(
      'عنوان\n\nوقال عضو مجلس الاتحاد الروسي أندريه كليموف إن الحوار مفيد. وأعرب السيناتور الروسي عن أمله في التعاون.',
    );
    const person = doc.entities.find((e) => e.type === 'person')!;
    expect(person.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['أندريه كليموف', 'السيناتور الروسي']);
    expect(person.mentions[1]!.kind).toBe('title');
  });

  it('links الرئيسان to both presidents just named', () => {
    const doc = run(
      'عنوان\n\nاتصل الرئيس الفرنسي إيمانويل ماكرون بنظيره المصري عبد الفتاح السيسي. وبحث الرئيسان الوضع في ليبيا.',
    );
    expect(surfaces(doc, 'person:emmanuel-macron')).toContain('الرئيسان');
    expect(surfaces(doc, 'person:abdel-fattah-el-sisi')).toContain('الرئيسان');
  });

  it('keeps an ambiguous short name only when the entity is confirmed: الأسد', () => {
    expect(byId(run('عنوان\n\nشاهد الأطفال الأسد في حديقة الحيوان.'), 'person:bashar-al-assad')).toBeUndefined();
    expect(surfaces(run('عنوان\n\nالتقى بشار الأسد الوفد. وقال الأسد إن الحل سياسي.'), 'person:bashar-al-assad')).toHaveLength(2);
  });

  it('finds English people by title and capitals and links the surname', () => {
    const doc = run(
      'Title\n\nWhite House spokesman Michael Carlton said the talks went well. Carlton added that more meetings were planned.',
      'en',
    );
    const person = doc.entities.find((e) => e.type === 'person')!;
    expect(person.id).toBe('person:michael-carlton');
    expect(person.mentions).toHaveLength(2);
    expect(person.roles?.[0]?.text).toBe('White House spokesman');
    expect(byId(doc, 'org:white-house')).toBeDefined();
  });

  it('gives countries CLDR ids: place:SY for سورية and سوريا', () => {
    const doc = run('عنوان\n\nزار الوفد سورية ثم عاد إلى سوريا مرة أخرى.');
    expect(surfaces(doc, 'place:SY')).toEqual(['سورية', 'سوريا']);
  });

  it('gives ids that match the schema and do not change between runs', () => {
    const text = readFileSync('seeds/000_3a34eed36ca8e033.txt', 'utf8');
    const a = run(text).entities.map((e) => e.id);
    expect(a).toEqual(run(text).entities.map((e) => e.id));
    for (const id of a) expect(id).toMatch(/^[a-z]+:[^\s]+$/);
  });
});

describe('scoreGoldFile', () => {
  it('finds every named entity of the seed, with at most two false ones and no split', () => {
    const { score } = scoreGoldFile(goldFiles()[0]!);
    expect(score.found).toBe(score.gold);
    expect(score.predicted - score.correct).toBeLessThanOrEqual(2);
    expect(score.splits).toBe(0);
  });

  it('reaches precision and recall of 0.8 on our own articles', () => {
    let [correct, predicted, found, gold] = [0, 0, 0, 0];
    for (const file of goldFiles().slice(1)) {
      const { score } = scoreGoldFile(file);
      [correct, predicted, found, gold] = [
        correct + score.correct,
        predicted + score.predicted,
        found + score.found,
        gold + score.gold,
      ];
    }
    expect(gold).toBeGreaterThan(0);
    expect(correct / predicted).toBeGreaterThanOrEqual(0.8);
    expect(found / gold).toBeGreaterThanOrEqual(0.8);
  });
});

describe('extractEntities on unknown names', () => {
  it('reads a name after a nationality adjective: العداء الكيني …', () => {
    const doc = run('عنوان\n\nوفاز العداء الكيني إليود كيبتوم بالسباق، وقال كيبتوم إنه سعيد.');
    const person = doc.entities.find((e) => e.type === 'person')!;
    expect(person.label.ar).toBe('إليود كيبتوم');
    expect(person.nationality).toBe('KE');
    expect(person.mentions).toHaveLength(2);
  });

  it('does not take a verbal noun or a verb after a title for a name', () => {
    const doc = run('عنوان\n\nوأكد الوزير حرص المملكة على التعاون. وقال المتحدث يشعر الجميع بالقلق.');
    expect(doc.entities.filter((e) => e.type === 'person')).toEqual([]);
  });

  it('types a run by its head noun and keeps hyphenated and apostrophe names whole', () => {
    const doc = run(
      "Title\n\nThe Kenya Wildlife Service said on Monday that Senator Mary O'Connell met Lee Hyun-woo in Nairobi. O'Connell said talks went well.",
      'en',
    );
    expect(byId(doc, 'org:kenya-wildlife-service')?.type).toBe('organization');
    expect(surfaces(doc, 'person:mary-o-connell')).toEqual(["Mary O'Connell", "O'Connell"]);
    expect(byId(doc, 'person:lee-hyun-woo')).toBeDefined();
  });
});

describe('extractEntities coreference in English', () => {
  it('links "the French president" to the president named before', () => {
    const doc = run(
      'Title\n\nFrench President Emmanuel Macron met Egyptian President Abdel Fattah el-Sisi in Cairo. The French president said the talks were useful.',
      'en',
    );
    const macron = byId(doc, 'person:emmanuel-macron')!;
    expect(macron.mentions.map((m) => [doc.text.slice(m.start, m.end), m.kind])).toEqual([
      ['Emmanuel Macron', 'name'],
      ['French president', 'title'],
    ]);
    expect(macron.roles?.[0]?.text).toBe('French President');
  });
});

describe('extractEntities on bodies', () => {
  it("links a body named with and without its nationality adjective, but not two countries' bodies", () => {
    const one = run('عنوان\n\nصوت مجلس النواب العراقي على القانون. وقال رئيس مجلس النواب إن الجلسة انتهت.');
    expect(one.entities.filter((e) => e.type === 'organization').map((e) => e.mentions.length)).toEqual([2]);
    const two = run('عنوان\n\nصوت مجلس النواب العراقي ومجلس النواب الأردني على الاتفاق. وأشاد مجلس النواب بذلك.');
    expect(two.entities.filter((e) => e.type === 'organization')).toHaveLength(3);
  });
});

describe('extractEntities on lineage names', () => {
  it('reads a name with بن and آل chains after a title', () => {
    const doc = run('عنوان\n\nواستقبل الشيخ خليفة بن زايد آل نهيان الوفد. وقال العقيد خالد بن حمد العطية إن الاجتماع مهم.');
    expect(doc.entities.filter((e) => e.type === 'person').map((e) => e.label.ar)).toEqual([
      'خليفة بن زايد آل نهيان',
      'خالد بن حمد العطية',
    ]);
  });
});

describe('extractEntities on lineage chains and compounds', () => {
  it('keeps بن علي، بن أبي and عبد + word inside one name', () => {
    const doc = run('عنوان\n\nوصل الوزير حسن بن علي الشمري إلى المدينة. وقال القائد محمد بن عبد الكريم الفاسي إن الجيش انسحب.');
    expect(doc.entities.filter((e) => e.type === 'person').map((e) => e.label.ar)).toEqual([
      'حسن بن علي الشمري',
      'محمد بن عبد الكريم الفاسي',
    ]);
  });
});

describe('extractEntities on organizations named in quotes', () => {
  it('reads the quoted name after a head noun: شركة « نور للاتصالات » → نور للاتصالات', () => {
    const doc = run('عنوان\n\nوأعلنت شركة « نور للاتصالات » أرباحها أمس.');
    const org = doc.entities.find((e) => e.type === 'organization')!;
    expect(org.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['نور للاتصالات']);
  });

  it('does not read quotes that do not close', () => {
    const doc = run('عنوان\n\nوقالت شركة « إن الأرباح ارتفعت كثيرا في العام الماضي');
    expect(doc.entities.filter((e) => e.type === 'organization')).toEqual([]);
  });
});

describe('extractEntities on definite heads with a relational adjective', () => {
  it('reads البنك التجاري and الحزب الشيوعي as organizations', () => {
    const doc = run('عنوان\n\nرفع البنك التجاري أسعار الفائدة. وانتقد الحزب الشيوعي القرار.');
    expect(doc.entities.filter((e) => e.type === 'organization').map((e) => e.label.ar)).toEqual([
      'البنك التجاري',
      'الحزب الشيوعي',
    ]);
  });

  it('leaves a head with a plain adjective alone: الحزب الحاكم', () => {
    const doc = run('عنوان\n\nفاز الحزب الحاكم في الانتخابات.');
    expect(doc.entities.filter((e) => e.type === 'organization')).toEqual([]);
  });
});

describe('extractEntities on world knowledge', () => {
  it('knows football clubs, companies and the governing bodies of sport', () => {
    const doc = run('عنوان\n\nفاز ريال مدريد على مانشستر يونايتد، وأعلن الاتحاد الدولي لكرة القدم أن نوكيا سترعى البطولة.');
    expect(doc.entities.map((e) => e.id)).toEqual(['org:real-madrid', 'org:manchester-united', 'org:fifa', 'org:nokia']);
  });

  it('reads names with the new given names: فتحي، خديجة', () => {
    const doc = run('عنوان\n\nحضر فتحي العموري الحفل أمس، وحضرت خديجة المرزوقي أيضا.');
    expect(doc.entities.filter((e) => e.type === 'person').map((e) => e.label.ar)).toEqual(['فتحي العموري', 'خديجة المرزوقي']);
  });

  it('does not read the pronoun أنا as a name', () => {
    expect(run('عنوان\n\nقال: أنا مهندس ولست سياسيا.').entities).toEqual([]);
  });
});

describe('extractEntities on occupations and lineage without a given name', () => {
  it('reads a name after an occupation: المدرب البرازيلي …، الفنانة …', () => {
    const doc = run('عنوان\n\nوقال المدرب البرازيلي ماركوس باكيتا إن الفريق جاهز. وغنت الفنانة ديما بشار في الحفل.');
    expect(doc.entities.filter((e) => e.type === 'person').map((e) => e.label.ar)).toEqual(['ماركوس باكيتا', 'ديما بشار']);
  });

  it('reads X بن Y as a person without a known given name', () => {
    const doc = run('عنوان\n\nتوفي سهل بن حنيف في العاصمة.');
    expect(doc.entities.filter((e) => e.type === 'person').map((e) => e.label.ar)).toEqual(['سهل بن حنيف']);
  });

  it('ends a name before an indefinite occupation noun: … سائق سيارة', () => {
    const doc = run('عنوان\n\nوقال المواطن محمد شيرازي سائق سيارة الأجرة إن الطريق مغلق.');
    expect(doc.entities.filter((e) => e.type === 'person').map((e) => e.label.ar)).toEqual(['محمد شيرازي']);
  });
});

describe('extractEntities on English bodies, portfolios and East Asian names', () => {
  it('keeps "and" and "to" inside a body or law name that ends in a head noun', () => {
    const doc = run(
      'Title\n\nThe vote was praised by the Coalition for Clean Air and Water Action League. Police cited the Protection of Access to Public Records Act on Monday.',
      'en',
    );
    expect(doc.entities.map((e) => e.label.en)).toEqual([
      'Coalition for Clean Air and Water Action League',
      'Protection of Access to Public Records Act',
    ]);
  });

  it('does not read a portfolio as a person: Secretary of State for Asian Affairs', () => {
    const doc = run('Title\n\nMary Brandt, assistant Secretary of State for Asian Affairs, spoke on Monday.', 'en');
    expect(doc.entities.map((e) => e.label.en)).toEqual(['Mary Brandt']);
  });

  it('links a Korean family name used alone to the full name: Park Ji-hoon … Park', () => {
    const doc = run('Title\n\nPark Ji-hoon, head of the delegation, arrived on Monday. "We are ready," Park said.', 'en');
    const people = doc.entities.filter((e) => e.type === 'person');
    expect(people).toHaveLength(1);
    expect(people[0]!.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['Park Ji-hoon', 'Park']);
  });
});

describe('extractEntities after reporting verbs', () => {
  it('reads a recurring name after a past reporting verb: وقال غرانادو … وأضاف غرانادو', () => {
    const doc = run('عنوان\n\nوقال غرانادو إن الفريق جاهز. وأضاف غرانادو أن المباراة صعبة.');
    expect(doc.entities.map((e) => [e.type, e.label.ar])).toEqual([['person', 'غرانادو']]);
  });

  it('does not read unnamed sources or a single unrepeated word: وقال مصدر، وقال مسؤول', () => {
    const doc = run('عنوان\n\nوقال مصدر إن الاجتماع انتهى. وقال مسؤول إن الوفد غادر. وأضاف قائلا إن الأمر انتهى.');
    expect(doc.entities).toEqual([]);
  });

  it('links a family name after a reporting verb to the person named before: تمام سلام … وقال سلام', () => {
    const doc = run('عنوان\n\nاستقبل تمام سلام الوفد. وقال سلام إن اللقاء كان مثمرا.');
    expect(doc.entities.map((e) => [e.id, e.mentions.length])).toEqual([['person:tammam-salam', 2]]);
  });
});

describe('extractEntities guards and appositive roles', () => {
  it('does not read an accusative participle after a nationality adjective as a name', () => {
    const doc = run('عنوان\n\nحلق الطيران فوق الجنوب اللبناني منفذا طلعات استكشافية.');
    expect(doc.entities.filter((e) => e.type === 'person')).toEqual([]);
  });

  it('does not read an ambiguous given name after a plural noun as a name: علاقات حسن جوار', () => {
    const doc = run('عنوان\n\nتريد الدولتان علاقات حسن جوار واحترام متبادل.');
    expect(doc.entities.filter((e) => e.type === 'person')).toEqual([]);
  });

  it('reads a role between commas and resolves the bare title to it: X, the White House spokesman,', () => {
    const doc = run(
      'Title\n\nMark Delaney, the White House spokesman, said the talks went well. Later the spokesman added more.',
      'en',
    );
    const p = byId(doc, 'person:mark-delaney')!;
    expect(p.roles?.[0]?.text).toBe('White House spokesman');
    expect(p.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['Mark Delaney', 'spokesman']);
  });
});

describe('extractEntities on datelines and team nouns', () => {
  it('reads the source of a dateline: عمان - الميدان :، and confirms a known one: عمان - الراية :', () => {
    const doc = run('عنوان\n\nعمان - الميدان :\nأحرز المنتخب فوزا كبيرا.');
    expect(doc.entities.map((e) => [e.type, e.label.ar])).toEqual([
      ['place', 'عمان'],
      ['organization', 'الميدان'],
    ]);
    const known = run('عنوان\n\nعمان - الراية :\nأحرز المنتخب فوزا كبيرا.');
    expect(known.entities.map((e) => e.id)).toEqual(['place:amman', 'org:al-raya']);
  });

  it('does not read a byline word as a source: القاهرة - خاص', () => {
    const doc = run('عنوان\n\nالقاهرة - خاص\nأحرز المنتخب فوزا كبيرا.');
    expect(doc.entities.map((e) => e.type)).toEqual(['place']);
  });

  it('confirms an ambiguous club name after فريق', () => {
    const doc = run('عنوان\n\nفاز فريق الهلال على ضيفه بهدفين.');
    expect(doc.entities.map((e) => e.id)).toEqual(['org:al-hilal']);
  });
});

describe('extractEntities on a bare title inside another title', () => {
  it('links الرئيس in مستشار الرئيس to the president named before', () => {
    const doc = run('عنوان\n\nالتقى الرئيس الروسي فلاديمير بوتين الوفد. وقال مستشار الرئيس إن اللقاء كان مثمرا.');
    const putin = byId(doc, 'person:vladimir-putin')!;
    expect(putin.mentions.map((m) => [doc.text.slice(m.start, m.end), m.kind])).toEqual([
      ['فلاديمير بوتين', 'name'],
      ['الرئيس', 'title'],
    ]);
  });
});

describe('extractEntities on agreements named after places', () => {
  it('reads اتفاق الطائف as an agreement (other), not the city', () => {
    const doc = run('عنوان\n\nأكد الوزير ضرورة تطبيق اتفاق الطائف كاملا.');
    expect(doc.entities.map((e) => [e.type, e.label.ar])).toEqual([['other', 'اتفاق الطائف']]);
  });
});
