import { describe, expect, it } from 'vitest';
import { entitiesOf, mentionNames } from './entityArticle';
import { regularNisba } from '../../src/pipeline/entities/nisbaCldr';

const run = (text: string, lang = 'ar') => entitiesOf(text, lang);
const surfacesOf = (doc: ReturnType<typeof run>, id: string) =>
  doc.entities.find((e) => e.id === id)?.mentions.map((m) => doc.text.slice(m.start, m.end)) ?? [];
const names = mentionNames;

describe('extractEntities: lineage names around a known person', () => {
  it('reads a son named after his known father as one person: X بن <known person>', () => {
    const doc = run('واستقبل الشيخ سلطان بن حمد بن خليفة آل ثاني وفدا من رجال الأعمال.');
    expect(names(doc)).toContain('person:سلطان بن حمد بن خليفة آل ثاني');
    expect(doc.entities.some((e) => e.id === 'person:hamad-bin-khalifa')).toBe(false);
  });

  it('still reads the known person alone', () => {
    const doc = run('وبعث حمد بن خليفة آل ثاني برقية تهنئة.');
    expect(doc.entities.map((e) => e.id)).toContain('person:hamad-bin-khalifa');
  });
});

describe('extractEntities: the end of a name', () => {
  it('ends a name before an indefinite noun and its adjective: … نقلة نوعية', () => {
    const doc = run('وقد حقق المدرب فاديم تونيكوف نقلة نوعية في مسيرته.');
    expect(names(doc)).toEqual(['person:فاديم تونيكوف']);
  });

  it('ends a name before a preposition and a construct: … بمقر الشركة', () => {
    const doc = run('وقال المتحدث باسم الشركة يان كروليك بمقر الشركة إن الأرباح زادت.');
    expect(names(doc)).toContain('person:يان كروليك');
  });
});

describe('extractEntities: honorifics', () => {
  it('reads one unrepeated word after an honorific as a name: السيد دومبوفسكي', () => {
    expect(names(run('وقال السيد دومبوفسكي إن الاتفاق قريب.'))).toEqual(['person:دومبوفسكي']);
  });

  it('reads a name with the article after an honorific, with an ordinal or a lineage: الإمام الشاطبي، الملك المنصور الثاني', () => {
    expect(names(run('وقد ألف الإمام الشاطبي كتبا كثيرة.'))).toEqual(['person:الشاطبي']);
    expect(names(run('وكان الملك الحسين بن طلال قد زار المدينة.'))).toEqual(['person:الحسين بن طلال']);
    expect(names(run('وفي عهد الملك المنصور الثاني بنيت القلعة.'))).toEqual(['person:المنصور الثاني']);
  });

  it('does not read an adjective, a verb or an accusative after an honorific as a name', () => {
    expect(names(run('وأضاف الإمام الراحل في كتابه أن العلم نور.'))).toEqual([]);
    expect(names(run('ولم يحرك الملك ساكنا أمام الأزمة.'))).toEqual([]);
    expect(names(run('وعاد الأمير بقليل من الجنود.'))).toEqual([]);
    expect(names(run('وقدم أمير المؤمنين الهدايا.'))).toEqual([]);
  });
});

describe('nationality adjectives generated from CLDR', () => {
  it('derives the regular nisba of a one-word country name (regularNisba)', () => {
    expect(regularNisba('تايلاند')).toBe('تايلاندي');
    expect(regularNisba('كرواتيا')).toBe('كرواتي');
    expect(regularNisba('هولندا')).toBe('هولندي');
    expect(regularNisba('سنغافورة')).toBe('سنغافوري');
    expect(regularNisba('الأرجنتين')).toBe('أرجنتيني');
    expect(regularNisba('تشيلي')).toBeUndefined();
    expect(regularNisba('بيرو')).toBeUndefined();
    expect(regularNisba('غانا')).toBeUndefined();
    expect(regularNisba('كوريا الجنوبية')).toBeUndefined();
  });

  it('reads a name after a generated adjective, with its country: التايلاندي X Y', () => {
    const doc = run('وفاز التايلاندي سومتشاي براتشاي على منافسه.');
    expect(names(doc)).toEqual(['person:سومتشاي براتشاي']);
    expect(doc.entities[0]!.nationality).toBe('TH');
  });
});

describe('extractEntities: apposition and age', () => {
  it('reads a name before a title in apposition: X، رئيس لجنة …', () => {
    const doc = run('وحضر الاجتماع أوكونكوو إيزيما، رئيس لجنة الشؤون الخارجية في البرلمان.');
    expect(names(doc)).toContain('person:أوكونكوو إيزيما');
    const p = doc.entities.find((e) => e.type === 'person')!;
    expect(p.roles?.[0]?.text).toMatch(/^رئيس لجنة/);
  });

  it('reads a recurring name before an age in brackets: X (24 عاما)', () => {
    const doc = run('وسجل الهدف الأول تشيكويمي (24 عاما) في الدقيقة العاشرة. وكان تشيكويمي قد غاب عن المباراة السابقة.');
    expect(names(doc)[0]).toBe('person:تشيكويمي');
  });

  it('does not read a verb, an accusative or a clitic phrase before a title as a name', () => {
    expect(names(run('حضر اللقاء وزير الخارجية.'))).toEqual([]);
    expect(names(run('ثم أصبح مستشارا لوزير الثقافة.'))).toEqual([]);
    expect(names(run('وقال الوفد شيئا ورئيس الوزراء شيئا آخر.'))).toEqual([]);
  });
});

describe('extractEntities: descriptive heads', () => {
  it('tags the name after a newspaper, channel or club noun without the head or a nationality adjective', () => {
    const doc = run('وقالت صحيفة المرصد اليومي إن نادي فيرنسبورغ البلجيكي تعاقد مع اللاعب.');
    expect(names(doc)).toEqual(['organization:المرصد', 'organization:فيرنسبورغ']);
  });

  it('leaves the head of a known body out of the mention, keeping the entity: صحيفة الأهرام → الأهرام', () => {
    const doc = run('ونقلت صحيفة الأهرام عن مصدر قوله إن الاجتماع انتهى.');
    expect(surfacesOf(doc, 'org:al-ahram')).toEqual(['الأهرام']);
  });

  it('drops شركة before a proper name only: شركة دوناتي الهندسية → دوناتي الهندسية; شركة النفط الوطنية stays whole', () => {
    expect(names(run('وستبدأ شركة دوناتي الهندسية العمل قريبا.'))).toEqual(['organization:دوناتي الهندسية']);
    expect(names(run('وأعلنت شركة النفط الوطنية أرباحها.'))).toEqual(['organization:شركة النفط الوطنية']);
  });
});

describe('extractEntities: ambiguous known names', () => {
  it('confirms an ambiguous known name after a reporting verb: وقالت رايس', () => {
    expect(run('وقالت رايس إن الحل قريب.').entities.map((e) => e.id)).toEqual(['person:condoleezza-rice']);
    expect(run('وكانت رايس الحقل وفيرة.').entities).toEqual([]);
  });

  it('reads an ambiguous known family name after another given name as someone else: سامر المالكي', () => {
    const doc = run('وقال سامر المالكي مدير المنتخب إن الفريق جاهز. وأضاف المالكي أن المباراة صعبة.');
    expect(doc.entities.map((e) => e.id)).toEqual(['person:سامر-المالكي']);
    expect(surfacesOf(doc, 'person:سامر-المالكي')).toEqual(['سامر المالكي', 'المالكي']);
  });
});

describe('extractEntities: English bodies named after a common noun', () => {
  it('types one capitalised word after a body noun as an organization: the shipping company Maersvik', () => {
    const doc = run('The shipping company Maersvik said it would resume sailings. The carmaker Kovaro cut prices.', 'en');
    expect(names(doc)).toEqual(['organization:Maersvik', 'organization:Kovaro']);
  });

  it('keeps European in the name of a European body: the European Maritime Safety Agency', () => {
    const doc = run('The European Maritime Safety Agency said the ship was safe.', 'en');
    expect(names(doc)).toEqual(['organization:European Maritime Safety Agency']);
    expect(names(run('The Spanish Interior Ministry said the border was open.', 'en'))).toEqual([
      'organization:Interior Ministry',
    ]);
  });

  it('links the surname of a known person named in full: Nicholas Burns … Burns', () => {
    const doc = run('Nicholas Burns spoke in Vienna. Burns said talks would go on.', 'en');
    expect(surfacesOf(doc, 'person:nicholas-burns')).toEqual(['Nicholas Burns', 'Burns']);
  });
});

describe('extractEntities: bodies named by what they are for, and places after "of"', () => {
  it('reads a definite head, its adjective and a لل complement as one body: المرصد الوطني للمناخ', () => {
    expect(names(run('وقالت مديرة المرصد الوطني للمناخ إن الحرارة ارتفعت.'))).toEqual(['organization:المرصد الوطني للمناخ']);
    expect(names(run('وأعلن المكتب الوطني للكهرباء والماء الصالح للشرب خطة جديدة.'))).toEqual([
      'organization:المكتب الوطني للكهرباء والماء الصالح للشرب',
    ]);
  });

  it('does not read such a head with an adjective alone, or a body after لل, as part of it', () => {
    expect(names(run('وناقش المجلس التشريعي القانون.'))).toEqual([]);
  });

  it('reads a family name in ب…ة after a known given name: نزار بركة … وقال بركة', () => {
    const doc = run('افتتح الوزير نزار بركة أمس المؤتمر. وقال بركة إن الجفاف مستمر.');
    expect(names(doc)).toEqual(['person:نزار بركة', 'person:بركة']);
    expect(names(run('وسجل محمد بضربة رأس هدفا.'))).not.toContain('person:محمد بضربة');
  });

  it('types English names after "the town of" as places and bodies ending in Community as organizations', () => {
    const doc = run('The survey near the town of Marsabit was funded by the Southern Lakes Community.', 'en');
    expect(names(doc)).toEqual(['place:Marsabit', 'organization:Southern Lakes Community']);
  });
});

describe('extractEntities: a preposition and a feminine noun after a given name', () => {
  it('does not read قام محمد بزيارة المدينة as a name', () => {
    expect(names(run('وقام سامر بزيارة المدينة أمس.'))).not.toContain('person:سامر بزيارة');
  });
});

describe('extractEntities: a nationality adjective after a definite noun', () => {
  it('does not read the words after an adjective of a noun as a name: المقاومة الفلسطينية جنديا …', () => {
    expect(names(run('وقالت الوزيرة الأميركية طرحت مجرد أفكار.')).filter((n) => n.startsWith('person'))).toEqual([]);
    expect(names(run('وتغلب على التشيكي يان هاييك بسهولة.'))).toEqual(['person:يان هاييك']);
  });
});
