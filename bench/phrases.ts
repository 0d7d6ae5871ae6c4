/**
 * The benchmark's own sentences, written for it (not taken from seeds/ or any dev set), with slots
 * that the generator fills: {P} person, {T} title, {O} organization, {L} place, {V} reporting verb
 * (past tense), {Q} what was said, {D} a time expression, {X} a topic, {N} a number, {W} an outlet.
 */

export interface Phrasebook {
  headlines: string[];
  datelines: string[];
  /** Sentences that report a statement (the pipeline should find a speaker and a cue). */
  reported: string[];
  /** Sentences with events, places and dates but no statement. */
  narrative: string[];
  quotes: string[];
  verbs: string[];
  titles: string[];
  topics: string[];
  /** Invented given and family names, combined into people that no gazetteer knows. */
  given: string[];
  family: string[];
  /** Invented organizations and places. */
  orgs: string[];
  places: string[];
  outlets: string[];
  months: string[];
  weekdays: string[];
}

export const AR: Phrasebook = {
  headlines: [
    '{P} يبحث {X} مع وفد من {O}',
    '{O} تعلن خطة جديدة بشأن {X}',
    'محادثات في {L} حول {X} بمشاركة {O}',
    '{P}: {Q}',
    'جولة جديدة من المفاوضات في {L}',
  ],
  datelines: ['{L}-{W}', '{L} ({W})', '{L}، {W}'],
  reported: [
    '{V} {T} {P} {D} أن {Q}.',
    'نقلت وكالة {W} عن {T} {P} قوله إن {Q}.',
    '{V} {P} في مؤتمر صحفي عقده في {L} {D} أن {Q}.',
    'وبحسب بيان صادر عن {O}، فإن {Q}.',
    'وأضاف {P} في تصريح لـ{W}: «{Q}».',
    'من جهته، حذر {T} {P} من أن {Q}.',
    'وقال متحدث باسم {O} {D} إن {Q}.',
  ],
  narrative: [
    'وصل {T} {P} إلى {L} {D} في زيارة رسمية تستمر ثلاثة أيام.',
    'التقى {P} في {L} {D} بوفد من {O} لبحث {X}.',
    'وشارك في الاجتماع ممثلون عن {O} و{O}.',
    'ومن المقرر أن يعقد الطرفان جولة جديدة من المحادثات في {L} {D}.',
    'وشهدت {L} {D} احتجاجات شارك فيها نحو {N} شخص.',
    'ويأتي ذلك بعد أسابيع من التوتر بين {O} و{O} بشأن {X}.',
  ],
  quotes: [
    'المحادثات مع {O} حققت تقدما ملموسا',
    'بلاده لن تقبل بأي تدخل في شؤونها الداخلية',
    'المساعدات الإنسانية ستصل إلى {L} خلال الأسبوع المقبل',
    'الاتفاق الجديد سيدخل حيز التنفيذ مطلع الشهر القادم',
    'أسعار الوقود سترتفع بنسبة {N} في المئة',
    'الحوار هو السبيل الوحيد لإنهاء الأزمة في {L}',
    'فرق الإنقاذ تعمل على مدار الساعة في {L}',
    'الانتخابات ستجرى في موعدها المحدد',
    'الحكومة ستفتتح مستشفى جديدا في {L} قبل نهاية العام',
    'التعاون مع {O} في مجال {X} سيتوسع',
  ],
  verbs: ['قال', 'أعلن', 'أكد', 'أوضح', 'صرح', 'ذكر', 'أفاد'],
  titles: ['الرئيس', 'وزير الخارجية', 'رئيس الوزراء', 'المتحدث باسم الحكومة', 'السفير', 'النائب', 'المبعوث الخاص'],
  topics: ['التعاون الاقتصادي', 'ملف اللاجئين', 'أمن الحدود', 'إعادة الإعمار', 'تغير المناخ', 'إمدادات المياه', 'التجارة الحرة'],
  given: ['سليم', 'نادر', 'هالة', 'رامي', 'سوسن', 'وليد', 'ريم', 'كريم', 'منى', 'طارق', 'لينا', 'جواد', 'سهى', 'باسل', 'دانة'],
  family: [
    'الحداد',
    'العطار',
    'الخياط',
    'النجار',
    'الصباغ',
    'الفاخوري',
    'الزين',
    'القباني',
    'الشامي',
    'المصري',
    'البيطار',
    'الحلبي',
  ],
  orgs: ['هيئة تنمية الساحل', 'اتحاد المزارعين العرب', 'مجلس المدن المتوسطية', 'منظمة أطباء الصحراء', 'شركة نور للطاقة'],
  places: ['وادي الريحان', 'تل الزيتون', 'عين السنديان', 'مرفأ الغيم', 'سهل الكرمة'],
  outlets: ['سانا', 'رويترز', 'الأناضول', 'وكالة الأنباء الإقليمية', 'فرانس برس'],
  months: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  weekdays: ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
};

export const EN: Phrasebook = {
  headlines: [
    '{P} discusses {X} with a delegation from {O}',
    '{O} announces a new plan on {X}',
    'Talks in {L} on {X} bring in {O}',
    '{P}: {Q}',
    'A new round of negotiations opens in {L}',
  ],
  datelines: ['{L}, {M} ({W})', '{L} ({W}) --'],
  reported: [
    '{T} {P} {V} {D} that {Q}.',
    '"{Q}," {P} {V} in a statement {D}.',
    '{P} told reporters in {L} {D} that {Q}.',
    'According to a statement from {O}, {Q}.',
    'A spokesperson for {O} {V} {D} that {Q}.',
    '{T} {P} warned that {Q}.',
    '{P} {V} {W} that {Q}.',
  ],
  narrative: [
    '{T} {P} arrived in {L} {D} for a three-day official visit.',
    '{P} met a delegation from {O} in {L} {D} to discuss {X}.',
    'Representatives of {O} and {O} also attended the meeting.',
    'The two sides are expected to hold another round of talks in {L} {D}.',
    'About {N} people joined protests in {L} {D}.',
    'The move follows weeks of tension between {O} and {O} over {X}.',
  ],
  quotes: [
    'the talks with {O} had made real progress',
    'the country would not accept interference in its internal affairs',
    'aid would reach {L} within the next week',
    'the new agreement would take effect at the start of next month',
    'fuel prices would rise by {N} percent',
    'dialogue was the only way to end the crisis in {L}',
    'rescue teams were working around the clock in {L}',
    'the election would be held on schedule',
    'the government would open a new hospital in {L} before the end of the year',
    'cooperation with {O} on {X} would grow',
  ],
  verbs: ['said', 'announced', 'stressed', 'noted', 'added', 'confirmed'],
  titles: ['President', 'Foreign Minister', 'Prime Minister', 'Ambassador', 'Senator', 'Special Envoy', 'Governor'],
  topics: [
    'economic cooperation',
    'refugees',
    'border security',
    'reconstruction',
    'climate change',
    'water supplies',
    'free trade',
  ],
  given: [
    'Selim',
    'Nadia',
    'Marcus',
    'Ingrid',
    'Tomas',
    'Leila',
    'Owen',
    'Priya',
    'Hector',
    'Greta',
    'Rafael',
    'Amara',
    'Dmitri',
    'Wen',
    'Colette',
  ],
  family: [
    'Haddad',
    'Okafor',
    'Lindqvist',
    'Moreau',
    'Castellano',
    'Brennan',
    'Takeda',
    'Novak',
    'Abernathy',
    'Quispe',
    'Vance',
    'Halloran',
  ],
  orgs: [
    'the Coastal Development Board',
    'the Union of Arab Farmers',
    'the Mediterranean Cities Council',
    'Desert Doctors',
    'Noor Energy',
  ],
  places: ['Rayhan Valley', 'Olive Hill', 'Cedar Spring', 'Cloud Harbour', 'Vine Plain'],
  outlets: ['Reuters', 'AFP', 'the Associated Press', 'Anadolu', 'the Regional News Agency'],
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
