/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-drafter"

#include "config.h"

#include <string.h>

#include "qg-drafter-lexicon.h"

/* Word lists, not a model: what English news writing uses to introduce
 * people and organisations and to attribute speech. The drafter's rules
 * are in qg-drafter.c; docs/format-notes.md, "The drafter", says how
 * they are used. */

static const char * const function_words[] = {
  "A", "An", "The", "This", "That", "These", "Those", "There", "Here", "It", "Its", "It's",
  "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "Him",
  "Them", "Us", "Me", "Who", "What", "Which", "When", "Where", "Why", "How", "Whose",
  "But", "And", "Or", "Nor", "So", "Yet", "If", "Then", "Than", "Because", "Although",
  "Though", "While", "Whilst", "Since", "Unless", "Until", "After", "Before", "As", "At",
  "In", "On", "Of", "For", "With", "Without", "By", "From", "To", "Into", "Onto", "Under",
  "Over", "About", "Above", "Below", "Between", "Among", "Against", "During", "Despite",
  "Through", "Throughout", "Toward", "Towards", "Upon", "Within", "Across", "Along",
  "Around", "Behind", "Beyond", "Near", "According", "Also", "Still", "Even", "Only",
  "Now", "Today", "Yesterday", "Tomorrow", "Tonight", "Last", "Next", "Earlier", "Later",
  "Meanwhile", "However", "Instead", "Indeed", "Moreover", "Furthermore", "Nevertheless",
  "Some", "Many", "Most", "Several", "Few", "All", "Both", "Each", "Every", "Any", "No",
  "None", "Other", "Others", "Another", "Such", "Much", "More", "Less", "One", "Two",
  "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "First", "Second",
  "Third", "Once", "Not", "Yes", "Well", "Oh", "Mr", "Mrs", "Ms", "Please", "Thank",
  "Thanks", "Is", "Was", "Are", "Were", "Be", "Been", "Has", "Had", "Have", "Do", "Does",
  "Did", "Will", "Would", "Can", "Could", "Should", "May", "Might", "Must", "Shall",
  "Let", "Just", "Asked", "Speaking", "Reached", "Citing", "Asked", "Like", "Unlike",
  "Whether", "Perhaps", "Maybe", "Often", "Sometimes", "Never", "Always", "Again",
  "CCTV", "DNA", "GDP", "HIV", "PDF", "USB", "GPS", "ATM", "ID", "PIN", "SMS", "URL", "VPN",
  "AI", "IT", "TV", "PR", "OK", "FAQ", "LED", "MRI", "ICU", "ER", "PhD",
  "Together", "Overall", "Finally", "Ultimately", "Eventually", "Currently", "Recently",
};

static const char * const titles[] = {
  "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof.", "Professor",
  "Cllr", "Cllr.", "Mx", "Mx.", "Hon.", "Sgt", "Supt.", "Insp.", "DCI", "DI", "DS", "DC", "PC",
  "DCS", "Det.", "Constable", "Ch.", "Sen", "Rep",
  "Mayor", "Senator", "Sen.", "Rep.", "Representative", "Congressman", "Congresswoman",
  "President", "Vice", "Judge", "Justice", "Coach", "Minister", "Secretary", "Acting",
  "Chief", "Governor", "Gov.", "General", "Gen.", "Captain", "Capt.", "Sir", "Dame", "Lord",
  "Lady", "Detective", "Det.", "Inspector", "Sergeant", "Sgt.", "Officer", "Commissioner",
  "Chancellor", "Ambassador", "Deputy", "Prime", "Attorney", "Councillor", "Councilman",
  "Councilwoman", "Councilor", "Sheriff", "Pope", "King", "Queen", "Prince", "Princess",
  "Director", "Chairman", "Chairwoman", "Chair", "Lieutenant", "Lt.", "Colonel", "Col.",
  "Admiral", "Adm.", "Superintendent", "Principal", "Rev.", "Reverend", "Father", "Sister",
  "Rabbi", "Imam", "Bishop", "Archbishop", "Cardinal", "Magistrate", "Prosecutor",
  "Assistant", "Associate", "Senior", "Junior", "Former", "Dean", "Provost", "Manager",
  "Striker", "Midfielder", "Defender", "Goalkeeper", "Captain", "Referee", "Umpire",
};

static const char * const given_names[] = {
  "Aaron", "Adam", "Adrian", "Ahmed", "Aisha", "Alan", "Albert", "Alex", "Alexander",
  "Alexandra", "Alice", "Alicia", "Alison", "Amanda", "Amelia", "Amir", "Amy", "Ana",
  "Andrea", "Andrew", "Andrei", "Angela", "Anita", "Ann", "Anna", "Anne", "Anthony", "Anton",
  "Arthur", "Ashley", "Barbara", "Ben", "Benjamin", "Beth", "Bill", "Bob", "Brian", "Bruce",
  "Carl", "Carla", "Carlos", "Carmen", "Carol", "Caroline", "Catherine", "Charles",
  "Charlotte", "Chen", "Chris", "Christina", "Christine", "Christopher", "Claire", "Clara",
  "Colin", "Craig", "Daniel", "Daniela", "Danny", "Dan", "David", "Deborah", "Dennis",
  "Diana", "Diane", "Dmitry", "Donald", "Donna", "Dorothy", "Douglas", "Ed", "Edward",
  "Elaine", "Elena", "Eli", "Elizabeth", "Ella", "Ellen", "Emily", "Emma", "Eric", "Erik",
  "Eugene", "Eva", "Fatima", "Felix", "Fiona", "Frances", "Francis", "Frank", "Gary",
  "George", "Georgia", "Grace", "Greg", "Gregory", "Hannah", "Harold", "Harry", "Hassan",
  "Helen", "Henry", "Hugo", "Ian", "Igor", "Irina", "Isaac", "Isabel", "Ivan", "Jack",
  "Jacob", "James", "Jamie", "Jane", "Janet", "Jason", "Jean", "Jeanne", "Jeff", "Jeffrey",
  "Jennifer", "Jeremy", "Jessica", "Jim", "Joan", "Joe", "John", "Jonathan", "Jorge",
  "Jose", "Joseph", "Joshua", "Joyce", "Juan", "Judith", "Julia", "Julian", "Julie",
  "Justin", "Karen", "Kate", "Katherine", "Kathleen", "Keith", "Kelly", "Ken", "Kenneth",
  "Kevin", "Kim", "Kyle", "Laura", "Lauren", "Lawrence", "Leo", "Leon", "Li", "Linda",
  "Lisa", "Liu", "Louis", "Lucas", "Lucy", "Luis", "Luke", "Maria", "Marie", "Mark",
  "Marta", "Martin", "Mary", "Matthew", "Maya", "Megan", "Melissa", "Michael", "Michelle",
  "Miguel", "Mike", "Mohammed", "Muhammad", "Nancy", "Natalia", "Natalie", "Nathan",
  "Nicholas", "Nick", "Nicole", "Nina", "Noah", "Olga", "Oliver", "Olivia", "Omar", "Owen",
  "Pamela", "Patricia", "Patrick", "Paul", "Paula", "Peter", "Philip", "Priya", "Rachel",
  "Rahul", "Ravi", "Raymond", "Rebecca", "Richard", "Rita", "Rob", "Robert", "Roger",
  "Ronald", "Rosa", "Ruth", "Ryan", "Sam", "Samantha", "Samuel", "Sandra", "Sara", "Sarah",
  "Scott", "Sean", "Sergei", "Sharon", "Simon", "Sofia", "Sophie", "Stephanie", "Stephen",
  "Steve", "Steven", "Susan", "Tatiana", "Teresa", "Thomas", "Tim", "Timothy", "Tom",
  "Tony", "Tyler", "Valerie", "Victor", "Victoria", "Vincent", "Walter", "Wei", "William",
  "Yuki", "Yusuf", "Zoe", "Marcus", "Tomás", "Ines", "Nadia", "Kwame", "Amara", "Chidi",
  "Ngozi", "Hiroshi", "Kenji", "Mei", "Arjun", "Anil", "Sunita", "Lars", "Ingrid", "Sven",
  "Pierre", "Marc", "Luca", "Giulia", "Marco", "Sophia", "Ethan", "Mason", "Logan", "Aiden",
  "Liam", "Ava", "Mia", "Harper", "Evelyn", "Abigail", "Madison", "Chloe", "Ruby", "Isla",
  "Freya", "Poppy", "Alfie", "Archie", "Oscar", "Theo", "Finn", "Rory", "Callum", "Declan",
  "Niamh", "Siobhan", "Aoife", "Ciara", "Dylan", "Morgan", "Rhys", "Gareth", "Dafydd",
  "Hamish", "Iain", "Fraser", "Graham", "Malcolm", "Neil", "Stuart", "Duncan", "Ross",
  "Tessa", "Vera", "Wendy", "Yvonne", "Joanna", "Marion", "Miriam", "Naomi", "Esther",
  "Tobias", "Jonas", "Felipe", "Diego", "Pablo", "Alejandro", "Lucia", "Valentina",
  "Camila", "Gabriel", "Gabriela", "Rafael", "Andre", "Andrés", "Beatriz", "Renata",
  "Denise", "Gordon", "Cody", "Tomas", "Leila", "Marion", "Lorraine", "Glenn", "Wayne",
  "Terry", "Barry", "Gerald", "Howard", "Ralph", "Roy", "Eugene", "Bruno", "Stefan", "Jan",
  "Piotr", "Pavel", "Mikhail", "Vladimir", "Natasha", "Svetlana", "Yelena", "Oleg", "Boris",
  "Hans", "Klaus", "Jürgen", "Heinz", "Ursula", "Greta", "Astrid", "Nils", "Magnus", "Erin",
  "Shannon", "Brandon", "Travis", "Derek", "Troy", "Shane", "Brett", "Chad", "Cheryl", "Tina",
  "Tracy", "Brenda", "Gloria", "Joyce", "Doris", "Irene", "Lillian", "Beverly", "Connor",
  "Kieran", "Aidan", "Bridget", "Maeve", "Gemma", "Holly", "Jade", "Kirsty", "Leanne",
  "Hussein", "Ali", "Karim", "Layla", "Yasmin", "Samir", "Tariq", "Zainab", "Jamal", "Malik",
  "Kofi", "Ama", "Femi", "Tunde", "Adaeze", "Thabo", "Sipho", "Zanele", "Aarav", "Vikram",
  "Deepa", "Lakshmi", "Sanjay", "Kavita", "Hao", "Jun", "Xin", "Yan", "Hyun", "Min", "Ji",
  "Takeshi", "Haruto", "Sakura", "Nguyen", "Linh", "Rohan", "Noor", "Ingrid", "Elif", "Emre",
  "Rajesh", "Moira", "Leonard", "Harriet", "Agnes", "Edith", "Mabel", "Stanley", "Norman",
  "Bernard", "Cecil", "Clive", "Nigel", "Trevor", "Desmond", "Colm", "Padraig", "Seamus",
  "Sinead", "Orla", "Ronan", "Eamon", "Fergus", "Alastair", "Euan", "Isobel", "Kirsten",
};

static const char * const time_words[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  "January", "February", "March", "April", "June", "July", "August", "September",
  "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.",
  "Nov.", "Dec.", "Christmas", "Easter",
};

static const char * const demonyms[] = {
  "American", "British", "Russian", "Chinese", "French", "German", "Italian", "Spanish",
  "Japanese", "Korean", "Indian", "Canadian", "Mexican", "Brazilian", "Australian", "Irish",
  "Scottish", "Welsh", "English", "European", "African", "Asian", "Ukrainian", "Polish",
  "Dutch", "Swedish", "Norwegian", "Danish", "Finnish", "Greek", "Turkish", "Iranian",
  "Israeli", "Palestinian", "Arab", "Egyptian", "Nigerian", "Kenyan", "Pakistani",
  "Afghan", "Iraqi", "Syrian", "Saudi", "Swiss", "Austrian", "Belgian", "Portuguese",
  "Argentine", "Chilean", "Colombian", "Cuban", "Venezuelan", "Peruvian", "Vietnamese",
  "Thai", "Indonesian", "Filipino", "Western", "Eastern", "Northern", "Southern", "Soviet",
  "Republican", "Democratic", "Democrat", "Conservative", "Liberal", "Labour", "Federal",
  "National", "International", "Global", "Catholic", "Muslim", "Jewish", "Christian",
  "Internet", "English-language",
};

static const char * const roles[] = {
  "CEO", "CFO", "CTO", "COO", "MP", "MEP", "PM", "VP", "MD", "PhD", "Ph.D.", "GP",
  "founder", "co-founder", "cofounder", "director", "chief", "executive", "president",
  "chairman", "chairwoman", "chair", "head", "leader", "spokesperson", "spokesman",
  "spokeswoman", "adviser", "advisor", "minister", "secretary", "coach", "manager",
  "captain", "striker", "midfielder", "defender", "goalkeeper", "player", "owner",
  "professor", "researcher", "scientist", "author", "lead", "editor", "reporter",
  "analyst", "economist", "lawyer", "attorney", "judge", "prosecutor", "mayor", "governor",
  "senator", "officer", "official", "member", "partner", "employee", "engineer", "expert",
  "physicist", "biologist", "chemist", "doctor", "surgeon", "nurse", "teacher", "student",
  "resident", "tenant", "landlord", "commissioner", "inspector", "detective", "chancellor",
  "dean", "principal", "vice", "deputy", "assistant", "associate", "senior", "treasurer",
  "administrator", "organiser", "organizer", "campaigner", "activist", "representative",
  "correspondent", "columnist", "ecologist", "epidemiologist", "historian", "curator",
  "referee", "forward", "winger", "fullback", "keeper", "skipper", "coordinator",
  "investigator", "co-author", "trustee", "superintendent", "supervisor", "agent",
  "specialist", "ecologist", "scholar", "fellow", "consultant", "chairperson", "rapporteur",
  "brother", "sister", "mother", "father", "son", "daughter", "wife", "husband", "widow",
  "widower", "uncle", "aunt", "cousin", "niece", "nephew", "friend", "neighbour", "neighbor",
  "grandmother", "grandfather", "solicitor", "barrister", "counsel", "teacher", "headteacher",
  "parent", "pupil", "victim", "witness", "driver", "pilot", "farmer", "owner", "founder",
  "international", "winger", "veteran", "spokesman",
};

static const char * const corporate_forms[] = {
  "AO", "OAO", "ZAO", "PJSC", "JSC", "OOO", "AG", "SA", "NV", "BV", "GmbH",
};

static const char * const speech_verbs[] = {
  "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "stated",
  "states", "explained", "explains", "argued", "argues", "asked", "asks", "replied",
  "replies", "responded", "responds", "wrote", "writes", "noted", "notes", "continued",
  "continues", "insisted", "insists", "warned", "warns", "claimed", "claims", "declared",
  "declares", "announced", "announces", "commented", "comments", "acknowledged",
  "acknowledges", "admitted", "admits", "conceded", "concedes", "recalled", "recalls",
  "suggested", "suggests", "testified", "testifies", "complained", "complains", "confirmed",
  "confirms", "cautioned", "cautions", "observed", "observes", "remarked", "remarks",
  "maintained", "maintains", "agreed", "agrees", "countered", "counters", "urged", "urges",
  "predicted", "predicts", "quipped", "joked", "concluded", "concludes", "emphasized",
  "emphasised", "emphasizes", "emphasises", "stressed", "stresses", "shouted", "whispered",
  "tweeted", "posted", "pleaded", "vowed", "vows", "promised", "promises", "demanded",
  "demands", "described", "describes", "called", "calls", "reported", "reports", "wondered",
  "sighed", "laughed", "conceded", "reiterated", "reiterates", "contended", "contends",
  "asserted", "asserts", "ruled", "wrote", "recounted", "recounts", "boasted", "lamented",
  "laments", "protested", "objected", "answered", "answers", "informed", "assured",
  "advised", "disclosed", "revealed", "reveals", "indicated", "indicates", "added",
};

typedef struct
{
  const char *word;
  const char *kind;
} KindWord;

/* The last word of a name. */
static const KindWord suffixes[] = {
  { "Inc", "company" }, { "Inc.", "company" }, { "Ltd", "company" }, { "Ltd.", "company" },
  { "LLC", "company" }, { "Corp", "company" }, { "Corp.", "company" },
  { "Corporation", "company" }, { "Co.", "company" }, { "Company", "company" },
  { "plc", "company" }, { "PLC", "company" }, { "Lab", "company" }, { "Labs", "company" },
  { "Group", "company" }, { "Technologies", "company" }, { "Technology", "company" },
  { "Systems", "company" }, { "Holdings", "company" }, { "Industries", "company" },
  { "Motors", "company" }, { "Airlines", "company" }, { "Airways", "company" },
  { "Pharmaceuticals", "company" }, { "Energy", "company" }, { "Bank", "company" },
  { "Partners", "company" }, { "Capital", "company" }, { "Enterprises", "company" },
  { "Solutions", "company" }, { "Software", "company" }, { "Networks", "company" },
  { "Builders", "company" }, { "Developments", "company" }, { "Properties", "company" },
  { "Foods", "company" }, { "Components", "company" }, { "Products", "company" },
  { "Parts", "company" }, { "Electronics", "company" }, { "Chemicals", "company" },
  { "Materials", "company" }, { "Logistics", "company" }, { "Insurance", "company" },
  { "Communications", "company" }, { "Telecom", "company" }, { "Pharma", "company" },
  { "Construction", "company" }, { "Engineering", "company" }, { "Mining", "company" },
  { "Steel", "company" }, { "Hotels", "company" }, { "Studios", "company" },
  { "Automotive", "company" }, { "Agritech", "company" }, { "Brands", "company" },
  { "Stores", "retailer" }, { "Supermarkets", "retailer" },
  { "Mart", "retailer" },
  { "Agency", "agency" }, { "Department", "agency" }, { "Service", "agency" },
  { "Services", "agency" }, { "Bureau", "agency" }, { "Administration", "agency" },
  { "Commission", "agency" }, { "Office", "agency" }, { "Authority", "agency" },
  { "Directorate", "agency" }, { "Police", "agency" }, { "Constabulary", "agency" },
  { "Inspectorate", "agency" },
  { "Board", "agency" }, { "Regulator", "agency" },
  { "Ministry", "government" }, { "Government", "government" }, { "Parliament", "government" },
  { "Senate", "government" }, { "Congress", "government" }, { "Council", "government" },
  { "Assembly", "government" }, { "Cabinet", "government" }, { "Kremlin", "government" },
  { "Court", "court" }, { "Tribunal", "court" },
  { "News", "media" }, { "Times", "media" }, { "Post", "media" }, { "Journal", "media" },
  { "Herald", "media" }, { "Tribune", "media" }, { "Gazette", "media" }, { "Press", "media" },
  { "Radio", "media" }, { "TV", "media" }, { "Television", "media" }, { "Magazine", "media" },
  { "Review", "media" }, { "Chronicle", "media" }, { "Observer", "media" },
  { "Guardian", "media" }, { "Telegraph", "media" }, { "Standard", "media" },
  { "Broadcasting", "media" }, { "Reporter", "media" }, { "Letters", "media" },
  { "Union", "group" }, { "Association", "group" }, { "Federation", "group" },
  { "Club", "group" }, { "United", "group" }, { "FC", "group" }, { "Party", "group" },
  { "Society", "group" }, { "Foundation", "group" }, { "League", "group" },
  { "Alliance", "group" }, { "Coalition", "group" }, { "Committee", "group" },
  { "Institute", "group" }, { "Trust", "group" }, { "Network", "group" },
  { "Campaign", "group" }, { "Rovers", "group" }, { "Wanderers", "group" },
  { "Athletic", "group" }, { "Albion", "group" }, { "Town", "group" }, { "Rangers", "group" },
  { "University", "university" }, { "College", "university" }, { "School", "university" },
  { "Academy", "university" }, { "Hospital", "group" }, { "Centre", "group" },
  { "Center", "group" }, { "Laboratory", "group" }, { "Observatory", "group" },
  { "Museum", "group" }, { "Zoo", "group" }, { "Stadium", "place" }, { "Park", "place" },
  { "Street", "place" }, { "Road", "place" }, { "Avenue", "place" }, { "Square", "place" },
  { "Bridge", "place" }, { "River", "place" }, { "Lake", "place" }, { "County", "place" },
  { "Summit", "event" }, { "Conference", "event" }, { "Cup", "event" },
  { "Championship", "event" }, { "Games", "event" }, { "Olympics", "event" },
  { "Festival", "event" }, { "Forum", "event" }, { "Trophy", "event" },
};

/* A common noun just before or after a name, or heading a list the name
 * is in ("retailers ... including Amazon"). */
static const KindWord nouns[] = {
  { "company", "company" }, { "companies", "company" }, { "firm", "company" },
  { "firms", "company" }, { "maker", "company" }, { "makers", "company" },
  { "developer", "company" }, { "developers", "company" }, { "startup", "company" },
  { "manufacturer", "company" }, { "manufacturers", "company" }, { "giant", "company" },
  { "retailer", "retailer" }, { "retailers", "retailer" }, { "chain", "retailer" },
  { "store", "retailer" }, { "stores", "retailer" }, { "supermarket", "retailer" },
  { "agency", "agency" }, { "agencies", "agency" }, { "regulator", "agency" },
  { "watchdog", "agency" }, { "authority", "agency" },
  { "outlet", "media" }, { "outlets", "media" }, { "newspaper", "media" },
  { "newspapers", "media" }, { "broadcaster", "media" }, { "journal", "media" },
  { "magazine", "media" }, { "website", "media" }, { "channel", "media" },
  { "podcast", "media" }, { "programme", "media" }, { "station", "media" },
  { "ministry", "government" }, { "council", "government" }, { "government", "government" },
  { "union", "group" }, { "charity", "group" }, { "club", "group" }, { "clubs", "group" },
  { "team", "group" }, { "side", "group" }, { "association", "group" }, { "group", "group" },
  { "university", "university" }, { "country", "country" }, { "countries", "country" },
  { "trust", "group" }, { "hospital", "group" }, { "party", "group" }, { "board", "agency" },
  { "department", "agency" }, { "school", "university" }, { "college", "university" },
  { "court", "court" }, { "police", "agency" }, { "bank", "company" }, { "institute", "group" },
  { "paper", "media" }, { "network", "media" }, { "foundation", "group" },
  { "federation", "group" }, { "league", "group" }, { "committee", "group" },
  { "city", "place" }, { "town", "place" }, { "village", "place" }, { "suburb", "place" },
  { "state", "place" }, { "region", "place" }, { "province", "place" }, { "district", "place" },
  { "coast", "place" }, { "bay", "place" }, { "island", "place" }, { "valley", "place" },
  { "estate", "place" }, { "county", "place" },
};

typedef struct
{
  const char *name;
  const char *canonical;
  const char *kind;
} KnownName;

static const KnownName known_names[] = {
  { "United States", "United States", "country" }, { "U.S.", "United States", "country" },
  { "US", "United States", "country" }, { "USA", "United States", "country" },
  { "U.S.A.", "United States", "country" }, { "America", "United States", "country" },
  { "United Kingdom", "United Kingdom", "country" }, { "UK", "United Kingdom", "country" },
  { "U.K.", "United Kingdom", "country" }, { "Britain", "United Kingdom", "country" },
  { "Great Britain", "United Kingdom", "country" },
  { "Russia", "Russia", "country" }, { "Russian Federation", "Russia", "country" },
  { "European Union", "European Union", "government" }, { "EU", "European Union", "government" },
  { "China", "China", "country" }, { "France", "France", "country" },
  { "Germany", "Germany", "country" }, { "Italy", "Italy", "country" },
  { "Spain", "Spain", "country" }, { "Japan", "Japan", "country" },
  { "India", "India", "country" }, { "Canada", "Canada", "country" },
  { "Mexico", "Mexico", "country" }, { "Brazil", "Brazil", "country" },
  { "Australia", "Australia", "country" }, { "Ireland", "Ireland", "country" },
  { "Ukraine", "Ukraine", "country" }, { "Poland", "Poland", "country" },
  { "Israel", "Israel", "country" }, { "Iran", "Iran", "country" }, { "Iraq", "Iraq", "country" },
  { "Syria", "Syria", "country" }, { "Turkey", "Turkey", "country" },
  { "Egypt", "Egypt", "country" }, { "Nigeria", "Nigeria", "country" },
  { "Kenya", "Kenya", "country" }, { "South Africa", "South Africa", "country" },
  { "North Korea", "North Korea", "country" }, { "South Korea", "South Korea", "country" },
  { "Netherlands", "Netherlands", "country" }, { "Sweden", "Sweden", "country" },
  { "Norway", "Norway", "country" }, { "Switzerland", "Switzerland", "country" },
  { "Scotland", "Scotland", "country" }, { "Wales", "Wales", "country" },
  { "England", "England", "country" }, { "Crimea", "Crimea", "place" },
  { "Reuters", "Reuters", "media" }, { "AP", "Associated Press", "media" },
  { "Associated Press", "Associated Press", "media" }, { "AFP", "AFP", "media" },
  { "BBC", "BBC", "media" }, { "CNN", "CNN", "media" }, { "Bloomberg", "Bloomberg", "media" },
  { "NPR", "NPR", "media" }, { "UN", "United Nations", "government" },
  { "United Nations", "United Nations", "government" }, { "NATO", "NATO", "government" },
  { "Washington", "Washington", "place" }, { "London", "London", "place" },
  { "Moscow", "Moscow", "place" }, { "Paris", "Paris", "place" },
  { "Berlin", "Berlin", "place" }, { "Beijing", "Beijing", "place" },
  { "Brussels", "Brussels", "place" }, { "New York", "New York", "place" },
  { "Virginia", "Virginia", "place" }, { "California", "California", "place" },
  { "Texas", "Texas", "place" }, { "Florida", "Florida", "place" },
};

static const char * const spokespeople[] = {
  "spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "representative",
  "spokespersons",
};

typedef struct
{
  GHashTable *words;     /* word → QgWordFlags */
  GHashTable *verbs;     /* lower-case word → itself */
  GHashTable *suffixes;  /* word → kind */
  GHashTable *nouns;     /* lower-case word → kind */
  GHashTable *names;     /* name → KnownName */
  GHashTable *spokes;
} Lexicon;

static void
add_flags (GHashTable         *table,
           const char * const *words,
           gsize               n,
           guint               flag)
{
  for (gsize i = 0; i < n; i++)
    g_hash_table_insert (table, (gpointer) words[i],
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, words[i]))
                                           | flag));
}

static GHashTable *
word_set (const char * const *words,
          gsize               n)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < n; i++)
    g_hash_table_add (table, (gpointer) words[i]);
  return table;
}

static GHashTable *
kind_table (const KindWord *words,
            gsize           n)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < n; i++)
    g_hash_table_insert (table, (gpointer) words[i].word, (gpointer) words[i].kind);
  return table;
}

static const Lexicon *
lexicon (void)
{
  static Lexicon lex;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      lex.words = g_hash_table_new (g_str_hash, g_str_equal);
      add_flags (lex.words, function_words, G_N_ELEMENTS (function_words), QG_WORD_FUNCTION);
      add_flags (lex.words, titles, G_N_ELEMENTS (titles), QG_WORD_TITLE);
      add_flags (lex.words, given_names, G_N_ELEMENTS (given_names), QG_WORD_GIVEN);
      add_flags (lex.words, time_words, G_N_ELEMENTS (time_words), QG_WORD_TIME);
      add_flags (lex.words, demonyms, G_N_ELEMENTS (demonyms), QG_WORD_DEMONYM);
      add_flags (lex.words, roles, G_N_ELEMENTS (roles), QG_WORD_ROLE);
      add_flags (lex.words, corporate_forms, G_N_ELEMENTS (corporate_forms),
                 QG_WORD_CORPORATE);
      lex.verbs = word_set (speech_verbs, G_N_ELEMENTS (speech_verbs));
      lex.spokes = word_set (spokespeople, G_N_ELEMENTS (spokespeople));
      lex.suffixes = kind_table (suffixes, G_N_ELEMENTS (suffixes));
      lex.nouns = kind_table (nouns, G_N_ELEMENTS (nouns));
      lex.names = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize i = 0; i < G_N_ELEMENTS (known_names); i++)
        g_hash_table_insert (lex.names, (gpointer) known_names[i].name,
                             (gpointer) &known_names[i]);
      g_once_init_leave (&once, 1);
    }
  return &lex;
}

/* Lookups take words that are not NUL-terminated: copied into a buffer,
 * since no word of the lexicon is long. */
#define WORD_MAX 64

static gboolean
word_copy (char        *buffer,
           const char  *word,
           gssize       length,
           gboolean     lower)
{
  gsize n = length < 0 ? strlen (word) : (gsize) length;

  if (n == 0 || n >= WORD_MAX)
    return FALSE;
  memcpy (buffer, word, n);
  buffer[n] = '\0';
  if (lower)
    for (gsize i = 0; i < n; i++)
      buffer[i] = g_ascii_tolower (buffer[i]);
  return TRUE;
}

guint
qg_lexicon_flags (const char *word,
                  gssize      length)
{
  char buffer[WORD_MAX];
  guint flags;

  if (!word_copy (buffer, word, length, FALSE))
    return 0;
  flags = GPOINTER_TO_UINT (g_hash_table_lookup (lexicon ()->words, buffer));
  /* Role nouns are listed in lower case; "Founder" is one too. */
  word_copy (buffer, word, length, TRUE);
  return flags | (GPOINTER_TO_UINT (g_hash_table_lookup (lexicon ()->words, buffer))
                  & QG_WORD_ROLE);
}

gboolean
qg_lexicon_is_speech_verb (const char *word,
                           gssize      length)
{
  char buffer[WORD_MAX];

  return word_copy (buffer, word, length, TRUE)
         && g_hash_table_contains (lexicon ()->verbs, buffer);
}

gboolean
qg_lexicon_is_spokesperson (const char *word,
                            gssize      length)
{
  char buffer[WORD_MAX];

  return word_copy (buffer, word, length, TRUE)
         && g_hash_table_contains (lexicon ()->spokes, buffer);
}

const char *
qg_lexicon_suffix_kind (const char *word,
                        gssize      length)
{
  char buffer[WORD_MAX];

  return word_copy (buffer, word, length, FALSE)
         ? g_hash_table_lookup (lexicon ()->suffixes, buffer) : NULL;
}

const char *
qg_lexicon_noun_kind (const char *word,
                      gssize      length)
{
  char buffer[WORD_MAX];

  return word_copy (buffer, word, length, TRUE)
         ? g_hash_table_lookup (lexicon ()->nouns, buffer) : NULL;
}

const char *
qg_lexicon_known_name (const char  *name,
                       const char **canonical)
{
  const KnownName *known = g_hash_table_lookup (lexicon ()->names, name);

  if (canonical != NULL)
    *canonical = known != NULL ? known->canonical : NULL;
  return known != NULL ? known->kind : NULL;
}
