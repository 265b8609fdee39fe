// The word lists of the mentions and quotes stages. Written for this project from general English
// knowledge; the first-name list is 1990 U.S. Census data (public domain, see first_names.inc).
#include "word_lists.hpp"

#include <mutex>

namespace presslens {

const char* to_string(EntityKind kind) noexcept {
  switch (kind) {
    case EntityKind::Person: return "person";
    case EntityKind::Organization: return "organization";
    case EntityKind::Group: return "group";
    case EntityKind::Place: return "place";
    case EntityKind::Other: return "other";
  }
  return "other";
}

const char* to_string(RoleClass role) noexcept {
  switch (role) {
    case RoleClass::None: return "";
    case RoleClass::Lawmaker: return "lawmaker";
    case RoleClass::Executive: return "executive";
    case RoleClass::Official: return "official";
    case RoleClass::Spokesperson: return "spokesperson";
    case RoleClass::Aide: return "aide";
    case RoleClass::Candidate: return "candidate";
    case RoleClass::Judge: return "judge";
    case RoleClass::Clergy: return "clergy";
    case RoleClass::Police: return "police";
    case RoleClass::Military: return "military";
    case RoleClass::Lawyer: return "lawyer";
    case RoleClass::Journalist: return "journalist";
    case RoleClass::Academic: return "academic";
    case RoleClass::Business: return "business";
    case RoleClass::Activist: return "activist";
  }
  return "";
}

const char* to_string(Gender gender) noexcept {
  switch (gender) {
    case Gender::Male: return "male";
    case Gender::Female: return "female";
    case Gender::Unknown: return "unknown";
  }
  return "unknown";
}

namespace {

struct FirstName {
  const char* name;
  char gender;
};
const FirstName kFirstNames[] = {
#include "first_names.inc"
};

const char* kFunc =
    "the a an and or but nor so yet for of in on at to from by with without about above below under "
    "over into onto upon after before during since until while when where whereas whether if then "
    "than that this these those there here it its it's he she they we i you me him her us them his "
    "hers their theirs our ours my mine your yours who whom whose which what why how all any both "
    "each every either neither no not none some such many much more most other another same own "
    "only also just even still again ever never always already soon now today tonight yesterday "
    "tomorrow however meanwhile moreover furthermore nevertheless nonetheless instead otherwise "
    "therefore thus hence although though because unless as like unlike despite against between "
    "among amid across along around behind beside besides beyond inside outside through throughout "
    "toward towards via per is are was were be been being am has have had having do does did done "
    "will would shall should can could may might must ought one two three four five six seven "
    "eight nine ten first second third last next new old few several whatever whoever yes oh "
    "please thank thanks well okay ok let let's great very really well include includes including "
    "included make makes made making take takes took taking get gets got getting give gives gave "
    "given see sees saw seen come comes came go goes went gone want wants wanted need needs needed "
    "use uses used using know knows knew become becomes became leave leaves left keep keeps kept "
    "put puts bring brings brought begin begins began seem seems seemed help helps helped "
    "remain remains remained face faces faced accept accepts accepted detain detains detained "
    "arrest arrests arrested imprison charge send sends sent hold holds held meet meets met";
const char* kTitle =
    "president vice secretary senator sen. sens. representative rep. reps. congressman "
    "congresswoman congressperson gov. governor lt. lieutenant mayor minister prime premier "
    "chancellor king queen prince princess pope cardinal bishop archbishop rabbi imam judge justice "
    "chief director ambassador general gen. col. colonel maj. major capt. captain sgt. sergeant "
    "adm. admiral commander commissioner chairman chairwoman chairperson chair speaker leader whip "
    "dr. dr mr. mr mrs. mrs ms. ms miss messrs. sir dame lord lady rev. reverend father sister brother officer "
    "detective attorney prosecutor spokesman spokeswoman spokesperson ceo cfo coo founder "
    "co-founder professor prof. candidate nominee deputy assistant acting former first "
    "undersecretary under-secretary superintendent sheriff inspector trooper chairmen emir sheikh "
    "sultan crown ayatollah marshal administrator executive surgeon treasurer comptroller "
    "councilman councilwoman councillor councilor alderman assemblyman assemblywoman delegate "
    "magistrate solicitor counsel majority minority ranking supreme";
const char* kMaleTitle =
    "mr. sir king prince lord father brother congressman chairman spokesman councilman alderman "
    "assemblyman emir sheikh sultan messrs. he him his himself man boy husband son";
const char* kFemaleTitle =
    "mrs. ms. miss dame queen princess lady sister congresswoman chairwoman spokeswoman "
    "councilwoman assemblywoman she her hers herself woman girl wife daughter";
const char* kOrgWord =
    "committee house senate congress department dept. ministry party agency administration council "
    "court university college institute institution association organization organisation "
    "foundation company corporation corp. inc. co. ltd. llc plc bank group commission office "
    "service services times post news journal network press union federation league club "
    "campaign army navy force forces police government parliament assembly board bureau center "
    "centre centers centres fund authority program programme society church school hospital airlines airways "
    "motors media tribune herald guardian telegraph magazine channel tv radio broadcasting "
    "watch coalition alliance movement front council cabinet state department's reuters "
    "associated agency's industries holdings technologies systems partners capital group's "
    "nations pentagon kremlin fbi cia nasa legislature caucus secretariat ministry's "
    "foundation's republicans democrats gop brigade division regiment squad task team "
    "embassy consulate corps guard affairs control prevention "
    // news outlets whose names hold no such word ("Politico reported", "Business Insider")
    "politico axios breitbart huffpost buzzfeed vox slate salon newsmax mediaite semafor "
    "propublica insider jazeera";
const char* kGroupNoun =
    "officials groups critics authorities experts analysts lawmakers legislators democrats "
    "republicans conservatives liberals progressives activists protesters protestors "
    "demonstrators residents people voters leaders observers scientists researchers doctors "
    "investigators prosecutors police sources aides advisers advisors members supporters "
    "opponents officers economists diplomats witnesses organizers organisers campaigners "
    "advocates workers unions parents students teachers families citizens agencies companies "
    "scholars historians commentators pollsters journalists reporters staffers staff spokesmen "
    "executives senators representatives ministers governments countries nations states "
    "americans voters judges lawyers attorneys officers soldiers troops militants rebels "
    "insurgents fighters authorities physicians nurses farmers employees managers owners "
    "lobbyists strategists operatives insiders skeptics environmentalists conservationists "
    "residents villagers survivors victims relatives neighbors neighbours fans users customers "
    "consumers investors traders bankers regulators watchdogs monitors inspectors negotiators "
    "mediators delegates delegations administrators organizations organisations committees "
    "defenders allies rivals candidates contenders nominees donors backers clergy bishops "
    "proponents friends politicians pundits detractors colleagues associates forecasters "
    // documents in the plural ("polls show", "the records show"): sources of kind other
    "polls surveys studies reports documents records";
const char* kRoleNoun =
    "official spokesman spokeswoman spokesperson aide adviser advisor analyst expert source "
    "lawyer attorney prosecutor witness resident doctor scientist researcher economist diplomat "
    "officer minister senator lawmaker legislator president secretary governor mayor director "
    "executive chief leader representative campaigner activist critic professor author judge "
    "reporter journalist commentator strategist organizer organiser founder ceo chairman "
    "chairwoman spokesperson investigator detective sheriff physician nurse teacher student "
    "historian pollster observer negotiator ambassador envoy general commander colonel captain "
    "agency statement report study survey poll document memo letter filing complaint lawsuit "
    "ruling";
// Texts that say or show things ("the report says", "polls show", "the memo shows that"): their
// speaker mentions are of kind other, not people.
const char* kDocument =
    "statement report study survey poll document memo letter filing complaint lawsuit ruling "
    "proclamation motion order resolution bill indictment transcript website email tweet post "
    "release memorandum opinion analysis polls surveys studies reports documents records filings";
const char* kSpeech =
    "say says said saying tell tells told telling state states stated write writes wrote written "
    "writing add adds added adding argue argues argued arguing claim claims claimed claiming "
    "warn warns warned warning insist insists insisted insisting note notes noted noting tweet "
    "tweets tweeted tweeting post posts posted confirm confirms confirmed reveal reveals revealed "
    "announce announces announced explain explains explained acknowledge acknowledges "
    "acknowledged admit admits admitted assert asserts asserted contend contends contended "
    "maintain maintains maintained suggest suggests suggested report reports reported predict "
    "predicts predicted allege alleges alleged declare declares declared stress stresses "
    "stressed emphasize emphasizes emphasized emphasise emphasised recall recalls recalled "
    "observe observes observed remarked reply replies replied respond responds "
    "responded answer answers answered ask asks asked continue continues continued conclude "
    "concludes concluded complain complains complained concede concedes conceded deny denies "
    "denied urge urges urged vow vows vowed promise promises promised pledge pledges pledged "
    "boast boasts boasted joke jokes joked quip quips quipped recount recounts recounted testify "
    "testifies testified shout shouts shouted yell yelled cry cried exclaim exclaimed whisper "
    "whispered muse mused agree agrees agreed caution cautions cautioned point points pointed "
    "counter counters countered retort retorted rebut rebutted reiterate reiterates reiterated "
    "repeat repeats repeated insists concur concurred summarize summarized describe describes "
    "described lament laments lamented charge charges charged hint hints hinted threaten "
    "threatens threatened conclude read reads chant chants chanted chanting "
    // verbs of manner that journalists put next to a quote ("“Not negotiable,” Hannity pressed.")
    "pressed beam beams beamed scoff scoffs scoffed snap snaps snapped fume fumes fumed remembered "
    "gush gushes gushed sigh sighs sighed interject interjects interjected demand demands demanded "
    "inquire inquires inquired venture ventures ventured marvel marvels marveled marvelled chide "
    "chides chided scold scolds scolded tease teases teased";
const char* kClause =
    // -ing forms: participle attributions (", arguing that ...") and progressives ("is telling")
    "telling stating writing adding arguing claiming warning insisting noting confirming "
    "revealing announcing explaining acknowledging admitting asserting contending suggesting "
    "predicting alleging declaring stressing emphasizing recalling conceding denying vowing "
    "promising pledging boasting testifying cautioning reiterating wonder wonders wondered "
    "wondering question questions questioned questioning "
    "say says said saying tell tells told state states stated write writes wrote add adds added "
    "argue argues argued claim claims claimed warn warns warned insist insists insisted note "
    "notes noted tweet tweets tweeted post posted confirm confirms confirmed reveal reveals "
    "revealed announce announces announced explain explains explained acknowledge acknowledges "
    "acknowledged admit admits admitted assert asserts asserted contend contends contended "
    "maintain maintains maintained suggest suggests suggested report reports reported predict "
    "predicts predicted allege alleges alleged declare declares declared stress stresses "
    "stressed emphasize emphasizes emphasized recall recalls recalled observe observes observed "
    "reply replied respond responded conclude concludes concluded complain complains complained "
    "concede concedes conceded deny denies denied vow vows vowed promise promises promised "
    "pledge pledged boast boasted testify testified agree agreed caution cautioned point pointed "
    "counter countered reiterate reiterated charge charged hint hinted threaten threatened "
    "estimate estimates estimated believe believes believed think thinks thought feel feels "
    "felt fear fears feared hope hopes hoped expect expects expected know knows knew show shows "
    "showed found find finds indicate indicates indicated signal signaled signalled assure "
    "assured inform informed remind reminded promise guarantee guaranteed reckon reckons "
    "speculate speculated worry worries worried acknowledged "
    "joke jokes joked rule rules ruled ask asks asked mention mentions mentioned mentioning";
const char* kPresentVerb =
    "says tells states writes adds argues claims warns insists notes tweets posts confirms reveals "
    "announces explains acknowledges admits asserts contends maintains suggests reports predicts "
    "alleges declares stresses emphasizes recalls observes replies responds concludes complains "
    "concedes denies vows promises pledges boasts testifies agrees cautions points counters "
    "reiterates charges hints threatens estimates believes thinks feels fears hopes expects knows "
    "shows finds indicates";
// Verbs that report a clause whatever follows them, so the clause needs no "that" ("Adelson said
// much of his discussion was about Israel"); verbs that also take a plain object ("announced the
// plan", "confirmed the report") are not here.
const char* kBareClause =
    "said says say saying believe believes believed think thinks thought argue argues argued arguing "
    "claim claims claimed claiming insist insists insisted insisting contend contends contended "
    "assert asserts asserted predict predicts predicted fear fears feared hope hopes hoped feel "
    "feels felt added adds warned warns noted notes suggested suggests stressed acknowledged "
    "conceded told tells";
const char* kObjectVerb =
    "tell tells told telling warn warns warned warning assure assures assured assuring inform informs "
    "informed informing remind reminds reminded reminding promise promises promised promising urge urges "
    "urged urging ask asks asked asking";
const char* kPartialCue =
    "called calls call calling described describes describe dubbed dubs labeled labelled labels "
    "termed terms branded brands characterized characterised deemed praised criticized "
    "criticised slammed blasted denounced condemned hailed mocked referred refers accused accuses "
    "accusing decried decries attacked attacks proclaimed proclaims exhorted dismissed dismisses "
    "ridiculed lambasted touted touts defended defends "
    // verbs with a quoted object ("likened the rules to “burning the Constitution”")
    "likened blamed cited referenced invoked named proposed pronounced welcomed lauded derided "
    "insulted compared heralded portrayed portraying denounce criticize praise quoted promoted "
    "rejected scolded";
const char* kAux =
    "is are was were be been being am has have had do does did will would shall should can could "
    "may might must won't wouldn't can't couldn't shouldn't didn't doesn't don't isn't aren't "
    "wasn't weren't hasn't haven't hadn't 's 're 've 'll 'd ought";
const char* kPassive = "is are was were be been being get gets got gotten 's 're";
const char* kTime =
    "january february march april may june july august september october november december jan. "
    "feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. monday tuesday wednesday thursday "
    "friday saturday sunday today tonight yesterday tomorrow week month year morning afternoon "
    "evening night weekend christmas easter hours minutes days weeks months years moments decades";
const char* kDeterminer =
    "the a an this that these those some many several most all both each every any no his her "
    "their its our my your two three four five six seven eight nine ten dozens hundreds "
    "thousands other another one";
const char* kSubordinator =
    "while although though whereas because since if unless as when whenever after before once "
    "even";
const char* kAdverb =
    "also later previously earlier again repeatedly then once often recently publicly privately "
    "reportedly allegedly initially originally first last further additionally simply just "
    "already still flatly quickly immediately separately similarly subsequently jokingly "
    "angrily bluntly firmly openly frequently has have had would will may might could "
    "should did does do reportedly n't not never specifically explicitly clearly formally "
    "officially directly personally strongly emphatically categorically sharply "
    "vehemently forcefully adamantly tersely candidly now finally eventually ultimately actually "
    "apparently";
const char* kConnector = "of de del della di da du la le van von der den bin ibn al al- el y dos das";
const char* kPronoun = "he she they it him her them his their its hers theirs";
// Words that end a time phrase between a subject and its verb ("the department two weeks ago said").
const char* kRelativeTime = "ago later earlier";
// Function words (kFunc) that still modify a role or group noun: "a new poll", "a third source".
const char* kNounModifier = "new second third fourth";
const char* kSubjPronoun = "he she they it we i you who";
const char* kPreposition =
    "on in at during for from with via through after before by about over amid into last this "
    "next earlier later regarding concerning following despite among against toward towards without within "
    "upon across throughout unlike";
// Role classes of title and role words (singular and plural). "speaker", "father", "sister",
// "general", "secretary", "leader" and "representative" get extra checks in mention_finder.cpp.
struct RoleList {
  RoleClass role;
  const char* words;
};
const RoleList kRoles[] = {
    {RoleClass::Lawmaker,
     "senator senators sen. sens. representative representatives rep. reps. congressman congresswoman "
     "congressmen congresswomen congressperson lawmaker lawmakers legislator legislators assemblyman "
     "assemblywoman assemblymember councilman councilwoman councilmember councillor councilor alderman "
     "aldermen speaker whip mp mps"},
    {RoleClass::Executive,
     "president presidents vice-president governor governors gov. mayor mayors premier chancellor minister "
     "ministers secretary king queen"},
    {RoleClass::Official,
     "official officials commissioner administrator ambassador diplomat diplomats envoy director "
     "undersecretary under-secretary"},
    {RoleClass::Spokesperson, "spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople"},
    {RoleClass::Aide,
     "aide aides adviser advisor advisers advisors staffer staffers strategist strategists operative operatives "
     "consultant consultants pollster pollsters"},
    {RoleClass::Candidate, "candidate candidates nominee nominees challenger challengers contender hopeful"},
    {RoleClass::Judge, "judge judges justice justices magistrate"},
    {RoleClass::Clergy,
     "priest priests bishop bishops archbishop cardinal cardinals pope rabbi rabbis imam imams pastor "
     "reverend rev. nun nuns chaplain clergy clergyman deacon monk father sister brother"},
    {RoleClass::Police, "police policeman sheriff detective trooper troopers"},
    {RoleClass::Military,
     "general gen. colonel col. admiral adm. sergeant sgt. captain capt. lt. lieutenant soldier soldiers "
     "troops commander marine marines"},
    {RoleClass::Lawyer, "lawyer lawyers attorney attorneys counsel prosecutor prosecutors solicitor barrister"},
    {RoleClass::Journalist,
     "reporter reporters journalist journalists correspondent columnist editor anchor commentator pundit"},
    {RoleClass::Academic,
     "professor professors prof. scholar scholars researcher researchers scientist scientists analyst analysts economist "
     "economists historian historians lecturer"},
    {RoleClass::Business,
     "ceo cfo coo executive executives founder co-founder chairman chairwoman businessman businesswoman "
     "entrepreneur"},
    {RoleClass::Activist, "activist activists campaigner campaigners advocate advocates organizer organizers protester protesters"},
};
// Party words (matched only when capitalised, or all-caps GOP) -> canonical party name.
const char* const kParties[][2] = {
    {"democratic", "Democratic"}, {"democrat", "Democratic"},  {"democrats", "Democratic"},
    {"dem", "Democratic"},        {"dems", "Democratic"},      {"republican", "Republican"},
    {"republicans", "Republican"}, {"gop", "Republican"},
};
// Faith words (capitalised) -> canonical faith. Jesuits, Franciscans and Benedictines are orders of
// the Catholic Church (a fact about the words, not about any person).
const char* const kFaiths[][2] = {
    {"catholic", "Catholic"},     {"catholics", "Catholic"},     {"jesuit", "Catholic"},
    {"jesuits", "Catholic"},      {"franciscan", "Catholic"},    {"benedictine", "Catholic"},
    {"evangelical", "Evangelical"}, {"evangelicals", "Evangelical"}, {"protestant", "Protestant"},
    {"protestants", "Protestant"}, {"baptist", "Baptist"},       {"methodist", "Methodist"},
    {"lutheran", "Lutheran"},     {"presbyterian", "Presbyterian"}, {"episcopal", "Episcopal"},
    {"episcopalian", "Episcopal"}, {"mormon", "Mormon"},         {"mormons", "Mormon"},
    {"jewish", "Jewish"},         {"jews", "Jewish"},            {"muslim", "Muslim"},
    {"muslims", "Muslim"},        {"islamic", "Muslim"},         {"hindu", "Hindu"},
    {"buddhist", "Buddhist"},     {"sikh", "Sikh"},
};

const char* kNameSuffix = "jr. sr. jr sr ii iii iv";
const char* kOrgTail = "administration government campaign regime team camp cabinet office";

// name|Canonical; names are lower case, words separated by one space.
const char* kPlaces =
    "u.s.|United States;us|United States;usa|United States;u.s.a.|United States;united states|United States;"
    "united states of america|United States;america|United States;uk|United Kingdom;u.k.|United Kingdom;"
    "united kingdom|United Kingdom;britain|United Kingdom;great britain|United Kingdom;england|England;"
    "scotland|Scotland;wales|Wales;ireland|Ireland;northern ireland|Northern Ireland;france|France;"
    "germany|Germany;italy|Italy;spain|Spain;portugal|Portugal;netherlands|Netherlands;belgium|Belgium;"
    "switzerland|Switzerland;austria|Austria;poland|Poland;ukraine|Ukraine;russia|Russia;"
    "china|China;japan|Japan;india|India;pakistan|Pakistan;afghanistan|Afghanistan;iran|Iran;"
    "iraq|Iraq;syria|Syria;israel|Israel;palestine|Palestine;gaza|Gaza;lebanon|Lebanon;jordan|Jordan;"
    "egypt|Egypt;libya|Libya;tunisia|Tunisia;algeria|Algeria;morocco|Morocco;turkey|Turkey;"
    "greece|Greece;cyprus|Cyprus;saudi arabia|Saudi Arabia;yemen|Yemen;oman|Oman;qatar|Qatar;"
    "kuwait|Kuwait;bahrain|Bahrain;uae|United Arab Emirates;united arab emirates|United Arab Emirates;"
    "mexico|Mexico;canada|Canada;brazil|Brazil;argentina|Argentina;chile|Chile;peru|Peru;"
    "colombia|Colombia;venezuela|Venezuela;ecuador|Ecuador;bolivia|Bolivia;cuba|Cuba;haiti|Haiti;"
    "el salvador|El Salvador;guatemala|Guatemala;honduras|Honduras;nicaragua|Nicaragua;"
    "costa rica|Costa Rica;panama|Panama;puerto rico|Puerto Rico;dominican republic|Dominican Republic;"
    "jamaica|Jamaica;australia|Australia;new zealand|New Zealand;indonesia|Indonesia;"
    "malaysia|Malaysia;singapore|Singapore;philippines|Philippines;vietnam|Vietnam;"
    "thailand|Thailand;myanmar|Myanmar;cambodia|Cambodia;laos|Laos;korea|Korea;"
    "south korea|South Korea;north korea|North Korea;taiwan|Taiwan;hong kong|Hong Kong;"
    "mongolia|Mongolia;kazakhstan|Kazakhstan;uzbekistan|Uzbekistan;georgia|Georgia;"
    "armenia|Armenia;azerbaijan|Azerbaijan;belarus|Belarus;moldova|Moldova;romania|Romania;"
    "bulgaria|Bulgaria;serbia|Serbia;croatia|Croatia;bosnia|Bosnia;kosovo|Kosovo;albania|Albania;"
    "hungary|Hungary;czech republic|Czech Republic;slovakia|Slovakia;slovenia|Slovenia;"
    "denmark|Denmark;norway|Norway;sweden|Sweden;finland|Finland;iceland|Iceland;estonia|Estonia;"
    "latvia|Latvia;lithuania|Lithuania;nigeria|Nigeria;kenya|Kenya;ethiopia|Ethiopia;somalia|Somalia;"
    "sudan|Sudan;south sudan|South Sudan;south africa|South Africa;zimbabwe|Zimbabwe;"
    "uganda|Uganda;rwanda|Rwanda;congo|Congo;ghana|Ghana;senegal|Senegal;mali|Mali;niger|Niger;"
    "cameroon|Cameroon;angola|Angola;mozambique|Mozambique;tanzania|Tanzania;zambia|Zambia;"
    "africa|Africa;europe|Europe;asia|Asia;latin america|Latin America;central america|Central America;"
    "south america|South America;north america|North America;middle east|Middle East;"
    "the middle east|Middle East;"
    // AP abbreviations of U.S. states, as datelines and "Flint, Mich." write them ("Miss." and
    // "Pa." are left out: a title, a father).
    "ala.|Alabama;ariz.|Arizona;ark.|Arkansas;calif.|California;colo.|Colorado;conn.|Connecticut;"
    "fla.|Florida;ga.|Georgia;ill.|Illinois;kan.|Kansas;ky.|Kentucky;md.|Maryland;mass.|Massachusetts;"
    "mich.|Michigan;minn.|Minnesota;mo.|Missouri;mont.|Montana;neb.|Nebraska;nev.|Nevada;"
    "n.h.|New Hampshire;n.j.|New Jersey;n.m.|New Mexico;n.y.|New York;n.c.|North Carolina;"
    "n.d.|North Dakota;okla.|Oklahoma;ore.|Oregon;r.i.|Rhode Island;s.c.|South Carolina;"
    "s.d.|South Dakota;tenn.|Tennessee;vt.|Vermont;va.|Virginia;wash.|Washington;"
    "w.va.|West Virginia;wis.|Wisconsin;wyo.|Wyoming;"
    "alabama|Alabama;alaska|Alaska;arizona|Arizona;arkansas|Arkansas;california|California;"
    "colorado|Colorado;connecticut|Connecticut;delaware|Delaware;florida|Florida;hawaii|Hawaii;"
    "idaho|Idaho;illinois|Illinois;indiana|Indiana;iowa|Iowa;kansas|Kansas;kentucky|Kentucky;"
    "louisiana|Louisiana;maine|Maine;maryland|Maryland;massachusetts|Massachusetts;"
    "michigan|Michigan;minnesota|Minnesota;mississippi|Mississippi;missouri|Missouri;"
    "montana|Montana;nebraska|Nebraska;nevada|Nevada;new hampshire|New Hampshire;"
    "new jersey|New Jersey;new mexico|New Mexico;new york|New York;north carolina|North Carolina;"
    "north dakota|North Dakota;ohio|Ohio;oklahoma|Oklahoma;oregon|Oregon;pennsylvania|Pennsylvania;"
    "rhode island|Rhode Island;south carolina|South Carolina;south dakota|South Dakota;"
    "tennessee|Tennessee;texas|Texas;utah|Utah;vermont|Vermont;virginia|Virginia;"
    "washington state|Washington State;west virginia|West Virginia;wisconsin|Wisconsin;"
    "wyoming|Wyoming;new york city|New York City;los angeles|Los Angeles;chicago|Chicago;"
    "houston|Houston;philadelphia|Philadelphia;boston|Boston;miami|Miami;atlanta|Atlanta;"
    "san francisco|San Francisco;seattle|Seattle;detroit|Detroit;dallas|Dallas;denver|Denver;"
    "las vegas|Las Vegas;baltimore|Baltimore;new orleans|New Orleans;london|London;paris|Paris;"
    "berlin|Berlin;rome|Rome;madrid|Madrid;moscow|Moscow;beijing|Beijing;tokyo|Tokyo;"
    "tehran|Tehran;baghdad|Baghdad;damascus|Damascus;kabul|Kabul;jerusalem|Jerusalem;"
    "cairo|Cairo;brussels|Brussels;geneva|Geneva;kyiv|Kyiv;kiev|Kyiv;istanbul|Istanbul;"
    "ankara|Ankara;riyadh|Riyadh;dubai|Dubai;mumbai|Mumbai;new delhi|New Delhi;delhi|Delhi;"
    "seoul|Seoul;pyongyang|Pyongyang;havana|Havana;caracas|Caracas;bogota|Bogota;lima|Lima;"
    "mexico city|Mexico City;toronto|Toronto;ottawa|Ottawa;sydney|Sydney;san salvador|San Salvador;"
    "wuhan|Wuhan;hubei|Hubei;crimea|Crimea;iowa city|Iowa City;manhattan|Manhattan;"
    "brooklyn|Brooklyn;silicon valley|Silicon Valley;capitol hill|Capitol Hill;"
    "west bank|West Bank;persian gulf|Persian Gulf;gulf|Gulf;caribbean|Caribbean";

}  // namespace

WordLists::WordLists() {
  auto add = [this](const char* list, std::uint32_t cls) {
    std::string_view s(list);
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && s[i] == ' ') ++i;
      std::size_t j = i;
      while (j < s.size() && s[j] != ' ') ++j;
      if (j > i) add_classes(s.substr(i, j - i), cls);
      i = j;
    }
  };
  add(kFunc, wc::kFunc);
  add(kTitle, wc::kTitle);
  add(kMaleTitle, wc::kMale);
  add(kFemaleTitle, wc::kFemale);
  add(kOrgWord, wc::kOrgWord);
  add(kGroupNoun, wc::kGroupNoun);
  add(kRoleNoun, wc::kRoleNoun);
  add(kSpeech, wc::kSpeech);
  add(kClause, wc::kClause);
  add(kPresentVerb, wc::kPresentVerb);
  add(kBareClause, wc::kBareClause);
  add(kRelativeTime, wc::kRelativeTime);
  add(kNounModifier, wc::kNounModifier);
  add(kDocument, wc::kDocument);
  add(kObjectVerb, wc::kObjectVerb);
  add(kPartialCue, wc::kPartialCue);
  add(kAux, wc::kAux);
  add(kPassive, wc::kPassive);
  add(kTime, wc::kTime);
  add(kDeterminer, wc::kDeterminer);
  add(kSubordinator, wc::kSubordinator);
  add(kAdverb, wc::kAdverb);
  add(kConnector, wc::kConnector);
  add(kPronoun, wc::kPronoun);
  add(kSubjPronoun, wc::kSubjPronoun);
  add(kPreposition, wc::kPreposition);
  add(kNameSuffix, wc::kNameSuffix);
  add(kOrgTail, wc::kOrgTail);
  for (const auto& f : kFirstNames) first_names.emplace(f.name, f.gender);
  for (const auto& r : kRoles) {
    std::string_view l(r.words);
    std::size_t a = 0;
    while (a < l.size()) {
      while (a < l.size() && l[a] == ' ') ++a;
      std::size_t b = a;
      while (b < l.size() && l[b] != ' ') ++b;
      if (b > a) roles.emplace(l.substr(a, b - a), r.role);
      a = b;
    }
  }
  for (const auto& p : kParties) parties.emplace(p[0], p[1]);
  for (const auto& f : kFaiths) faiths.emplace(f[0], f[1]);
  for (const char* w : {"garden", "park", "street", "avenue", "square", "river", "island", "islands", "county",
                        "city", "hall", "building", "airport", "bridge", "valley", "mountain", "mountains", "lake",
                        "bay", "coast", "beach", "province", "region", "district", "strait", "sea", "ocean", "peninsula",
                        "border", "canal", "road", "highway", "base", "prison", "camp", "field", "stadium", "plaza",
                        "mall", "boulevard", "arena", "harbor", "harbour", "desert", "forest", "canyon", "gulf"})
    place_tails.emplace(w, true);

  std::string_view s(kPlaces);
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t bar = s.find('|', i), semi = s.find(';', i);
    if (bar == std::string_view::npos) break;
    if (semi == std::string_view::npos) semi = s.size();
    std::string_view name = s.substr(i, bar - i);
    places.emplace(name, std::string(s.substr(bar + 1, semi - bar - 1)));
    std::size_t words_in = 1;
    for (char c : name) words_in += c == ' ';
    if (words_in > longest_place_words) longest_place_words = words_in;
    // One-word places are also a word class, so runs can be split at them cheaply.
    if (words_in == 1) add_classes(name, wc::kPlace);
    i = semi + 1;
  }
}

std::shared_ptr<const WordLists> default_word_lists() {
  static const std::shared_ptr<const WordLists> lex = std::make_shared<const WordLists>();
  return lex;
}

namespace {

// lower_into into `out`, which has room for s.size() bytes; returns the length written.
std::size_t lower_to(std::string_view s, char* out) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < s.size();) out[k++] = fold_at(s, i);
  return k;
}

}  // namespace

void lower_into(std::string_view s, std::string& out) {
  out.resize(s.size());  // (’ -> ' only shortens)
  out.resize(lower_to(s, out.data()));
}

namespace {

// Speech verbs that are also common nouns naming no speech act ("her state", "his post", "their
// points"). ("his claim", "her promise" do report speech: the speech-noun rule of the quote stage
// and the partial-quote cues use them.)
bool speech_noun_form(std::string_view low) {
  static const char* const kForms[] = {"state", "states", "post",    "posts",   "note",
                                       "notes", "point",  "points",  "charge",  "charges"};
  for (const char* f : kForms)
    if (low == f) return true;
  return false;
}

// After a possessive ("her state would ...", "his claims") or a singular party adjective ("a
// heavily Democratic state") such a word is a noun: its speech-verb classes go, so that neither
// stage takes it for a cue (nor the word before it for a speaker).
void drop_verb_classes_of_nouns(std::string_view text, const Segmentation& seg, const WordLists& lex,
                                std::vector<TokenInfo>& info) {
  constexpr std::uint32_t kVerbClasses = wc::kSpeech | wc::kClause | wc::kPresentVerb | wc::kBareClause;
  std::string low, prev;
  for (std::size_t i = 1; i < seg.tokens.size(); ++i) {
    if (!info[i].word || !(info[i].cls & kVerbClasses) || !info[i - 1].word) continue;
    lower_into(seg.tokens[i].text(text), low);
    if (!speech_noun_form(low)) continue;
    lower_into(seg.tokens[i - 1].text(text), prev);
    const bool possessive = prev == "his" || prev == "her" || prev == "their" || prev == "its" || prev == "our" ||
                            prev == "my" || prev == "your";
    const bool party_adjective = lex.party_of(prev) != nullptr && prev.back() != 's';
    if (possessive || party_adjective) info[i].cls &= ~kVerbClasses;
  }
}

std::vector<TokenInfo> token_infos(std::string_view text, const Segmentation& seg, const WordLists& lex) {
  std::vector<TokenInfo> out(seg.tokens.size());
  constexpr std::size_t kLongest = 40;  // longer tokens are in no word list
  char buf[kLongest];                   // (lower_into on a local buffer: no std::string call per token)
  for (std::size_t i = 0; i < seg.tokens.size(); ++i) {
    const Token& t = seg.tokens[i];
    TokenInfo& info = out[i];
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Number) continue;
    info.word = t.kind == TokenKind::Word;
    if (t.end - t.start > kLongest) continue;
    const std::string_view low(buf, lower_to(t.text(text), buf));
    info.cls = lex.classes(low);
    // "Representative-elect", "President-elect": the title's classes.
    if (low.size() > 6 && low.compare(low.size() - 6, 6, "-elect") == 0)
      info.cls |= lex.classes(low.substr(0, low.size() - 6)) & (wc::kTitle | wc::kMale | wc::kFemale);
    if (info.word) {
      info.cap = t.has(token_flags::kCapitalized) || t.has(token_flags::kAllCaps);
      unsigned char c0 = static_cast<unsigned char>(text[t.start]);
      info.lower = (c0 >= 'a' && c0 <= 'z') || (c0 >= 0x80 && !info.cap);
    }
  }
  drop_verb_classes_of_nouns(text, seg, lex, out);
  return out;
}

}  // namespace

std::shared_ptr<const TokenFacts> token_facts(std::string_view text, const Segmentation& seg, const WordLists& lex) {
  auto facts = std::make_shared<TokenFacts>();
  facts->info = token_infos(text, seg, lex);
  facts->text_data = text.data();
  facts->text_size = text.size();
  facts->seg = &seg;
  facts->tokens = seg.tokens.size();
  return facts;
}

std::shared_ptr<const TokenFacts> reuse_token_facts(const MentionResult& mr, std::string_view text,
                                                    const Segmentation& seg, const WordLists& lex) {
  if (mr.token_facts && mr.token_facts->made_for(text, seg)) return mr.token_facts;
  return token_facts(text, seg, lex);
}

}  // namespace presslens
