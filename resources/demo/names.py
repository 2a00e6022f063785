"""Invented German names for the demo county: municipalities, quartiers, streets, offerings.

Pure data (stdlib only). Every name is invented; any likeness to a real place is a coincidence of German
word-building.
"""

MUNICIPALITIES = (
    "Lindenau",
    "Bergheim an der Weide",
    "Hohenfeld",
    "Eichenbrück",
    "Rosenthal",
    "Mühlhausen am Bach",
    "Birkenwalde",
    "Schönstedt",
    "Falkenrode",
    "Tannenhagen",
    "Weidenbach",
    "Kirchwerder",
    "Steinborn",
    "Haselünne-Süd",
    "Sonnenberg",
    "Großenwiehe",
    "Ahornfelde",
    "Bärenklau",
    "Fuchsbüttel",
    "Wiesenau",
    "Brunnstedt",
)

# Quartier names of towns, by compass sector of the quartier from the town centre. The first quartier of a town
# is its centre ("Altstadt"/"Innenstadt"/...).
TOWN_CENTRE = ("Altstadt", "Innenstadt", "Stadtmitte", "Zentrum")
TOWN_SECTORS = {
    "N": ("Nordstadt", "Am Nordpark", "Nordviertel", "Hohe Warte", "Kirchberg", "Nord/Ost", "Lerchenfeld"),
    "E": ("Oststadt", "Am Bahnhof", "Ostviertel", "Brückenviertel", "Am Hafen", "Ziegelei", "Sonnenhang"),
    "S": ("Südstadt", "Südviertel", "Gartenstadt", "Mühlenviertel", "Am Mühlbach", "Süd/West", "Rosenhöhe"),
    "W": ("Weststadt", "Westviertel", "Schlossberg", "Am Stadtpark", "Lindenhof", "Klosterviertel", "Eichholz"),
}
TOWN_GENERIC = (
    "Neustadt", "Wiesengrund", "Hasenkamp", "Schönblick", "Tannenbusch", "Steinbreite", "Kasernenviertel",
    "Auf der Heide", "Am Galgenberg", "Feldmark", "Bürgerpark", "Königsmühle", "Dörnberg", "Grüner Winkel",
)
VILLAGES = (
    "Oberweiler", "Niederhofen", "Birkenhain", "Kaltenbach", "Hasselfeld", "Dornhagen", "Wiesental", "Heidekrug",
    "Schönborn", "Grünau", "Kleinmühlen", "Fuchsloch", "Rotenbühl", "Espenau", "Vogelsang", "Hüttenrode",
    "Kreuzweiler", "Eulenhorst", "Lämmersdorf", "Mönchhof", "Sülzbach", "Bruchhausen", "Wendhausen", "Auenrode",
    "Hagenbüttel", "Osterholz", "Westerfeld", "Sandkrug", "Moordorf", "Holzhausen", "Bockelsberg", "Reiherstieg",
    "Katzenbühl", "Immensen", "Lütjenwalde", "Gänsewinkel", "Erlenbruch", "Heiligenrode", "Pfaffenhof", "Distelkamp",
    "Quellingen", "Rehwinkel", "Krähenwinkel", "Schwarzenmoor", "Dreibrücken", "Hirschgrund", "Buchholzen",
    "Wolfsanger", "Tiefenthal", "Unterberg", "Überau", "Gödenstedt", "Nesselröden", "Brakel", "Ölkamp",
)

# Streets near a municipality's centre, in this order.
PRIME_STREETS = (
    "Hauptstraße", "Bahnhofstraße", "Kirchstraße", "Marktplatz", "Schulstraße", "Sankt-Georg-Straße", "Am Mühlbach",
    "Lindenstraße", "Gartenstraße", "Poststraße", "Mühlenweg", "Dorfstraße", "Sankt-Martin-Weg", "Am Markt",
)
STREET_STEMS = (
    "Linden", "Birken", "Eichen", "Buchen", "Ahorn", "Kastanien", "Rosen", "Tulpen", "Nelken", "Flieder", "Holunder",
    "Goethe", "Schiller", "Lessing", "Heine", "Mozart", "Beethoven", "Bach", "Händel", "Kant", "Luther", "Gutenberg",
    "Kepler", "Humboldt", "Fontane", "Eichendorff", "Mörike", "Uhland", "Herder", "Wieland", "Kleist", "Brahms",
    "Schubert", "Haydn", "Dürer", "Cranach", "Röntgen", "Diesel", "Zeppelin", "Berg", "Tal", "Wald", "Feld",
    "Wiesen", "Garten", "Kirch", "Schul", "Post", "Markt", "Mühlen", "Brunnen", "Schloss", "Burg", "Turm", "Brücken",
    "Sonnen", "Stern", "Amsel", "Drossel", "Finken", "Lerchen", "Meisen", "Schwalben", "Falken", "Adler", "Bussard",
    "Eulen", "Hasen", "Fuchs", "Dachs", "Hirsch", "Reh", "Hafer", "Weizen", "Roggen", "Gersten", "Raps", "Klee",
    "Heide", "Moor", "Bruch", "Anger", "Kamp", "Hof", "Mühlbach", "Quellen", "Teich", "See", "Weiher", "Auen",
    "Ulmen", "Erlen", "Eschen", "Pappel", "Weiden", "Tannen", "Fichten", "Kiefern", "Lärchen", "Wacholder",
    "Schlehen", "Hagebutten", "Mohn", "Kornblumen", "Veilchen", "Primel", "Krokus", "Narzissen", "Lilien", "Astern",
    "Dahlien", "Margeriten", "Kamillen", "Salbei", "Thymian", "Lavendel", "Minz", "Hopfen", "Wein", "Obst",
    "Apfel", "Birnen", "Kirschen", "Pflaumen", "Nuss", "Haselnuss", "Ziegel", "Kalk", "Sand", "Lehm", "Stein",
    "Glocken", "Kloster", "Kapellen", "Pfarr", "Rats", "Zoll", "Schützen", "Jäger", "Förster", "Schäfer", "Müller",
    "Weber", "Schmiede", "Bäcker", "Brauerei", "Gerber", "Färber", "Töpfer",
)
STREET_TYPES = ("straße", "weg", "gasse", "allee", "ring", "pfad", "platz", "steig")
HYPHEN_STREETS = (
    "Albert-Schweitzer-Straße", "Konrad-Adenauer-Ring", "Geschwister-Scholl-Straße", "Sankt-Johannes-Straße",
    "Sankt-Anna-Weg", "Friedrich-Ebert-Straße", "Robert-Koch-Straße", "Max-Planck-Straße", "Otto-Hahn-Weg",
    "Käthe-Kollwitz-Straße", "Bertha-von-Suttner-Weg", "Sophie-Scholl-Platz", "Theodor-Heuss-Allee",
    "Carl-Friedrich-Gauß-Straße", "Anne-Frank-Weg", "Clara-Zetkin-Straße", "Heinrich-Böll-Weg", "Sankt-Nikolaus-Gasse",
    "Rudolf-Diesel-Straße", "Willy-Brandt-Platz", "Marie-Curie-Straße", "Wilhelm-Busch-Weg", "Hans-Böckler-Straße",
    "Sankt-Ulrich-Straße", "Ernst-Reuter-Ring",
)
FIELD_NAMES = (
    "Am Mühlbach", "Im Winkel", "An der Linde", "Zum Sportplatz", "Hinter den Gärten", "Auf dem Kamp", "Am Anger",
    "Im Grund", "An der Kirche", "Zur Mühle", "Am Hang", "Im Bruch", "Auf der Höhe", "Am Sonnenhang", "Zum Steinbruch",
    "An den Teichen", "Im Wiesengrund", "Am Schlossgraben", "Unter den Eichen", "Zur alten Schule", "Am Brunnen",
    "Im Eichengrund", "An der Bleiche", "Am Kirchberg", "Zum Bahnhof", "Hinter der Burg", "Am Lindenhof", "Im Dorfe",
    "An der Weide", "Zum Forsthaus", "Am Galgenberg", "Auf der Heide", "Im Feldchen", "Am Rain", "Zur Aue",
)
# Streets that do not exist in any municipality (for unmatched offerings).
PHANTOM_STREETS = (
    "Phantasieweg", "Nirgendwostraße", "Am Luftschloss", "Traumgasse", "Wolkenkuckucksheimer Straße",
    "Zum Irrlicht", "Hirngespinstweg",
)

OFFERING_CATEGORIES = ("kita", "family_counselling", "youth_centre", "doctor", "grocery", "bus_stop")
OFFERING_PREFIX = {
    "kita": "K", "family_counselling": "F", "youth_centre": "J", "doctor": "A", "grocery": "L", "bus_stop": "H",
}
KITA_NAMES = (
    "Kita Sonnenschein", "Kita Regenbogen", "Kindergarten Pusteblume", "Ev. Kita Sankt Martin", "Kath. Kita St. Anna",
    "Kita Löwenzahn", "Kita Wichtelhaus", "Kinderhaus Arche Noah", "Kita Spatzennest", "Waldkindergarten Eichhörnchen",
    "Kita Mäuseburg", "AWO-Kita Sternschnuppe", "DRK-Kita Kunterbunt", "Kita Wirbelwind", "Kita Schatzkiste",
)
COUNSELLING_NAMES = (
    "Familienberatungsstelle", "Erziehungs- und Familienberatung", "Caritas Familienberatung",
    "Diakonie Beratungszentrum", "Beratungsstelle für Eltern, Kinder und Jugendliche",
)
YOUTH_NAMES = ("Jugendzentrum", "Jugendtreff", "Haus der Jugend", "Offene Tür", "Jugendcafé")
DOCTOR_KINDS = (
    "Allgemeinmedizin", "Allgemeinmedizin", "Allgemeinmedizin", "Innere Medizin", "Kinder- und Jugendmedizin",
    "Frauenheilkunde", "Augenheilkunde", "Hals-Nasen-Ohren-Heilkunde",
)
SURNAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer",
    "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
    "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Köhler", "Özdemir", "Yılmaz",
    "Nowak", "Kowalski", "Jäger", "Groß", "Böhm", "Vogt", "Sommer",
)
GROCERY_NAMES = (
    "Frischemarkt", "Lebensmittelmarkt", "Dorfladen", "Supermarkt", "Bio-Markt", "Markthalle", "Discounter",
)
# More village names, built like the real ones.
VILLAGE_PREFIXES = (
    "Alt", "Neu", "Ober", "Nieder", "Hohen", "Klein", "Groß", "Wester", "Oster", "Sonnen", "Kalten", "Eber", "Wolfs",
    "Hirsch", "Buch", "Eich", "Linden", "Rot", "Weiß", "Mühl", "Brück", "Stein", "Hasel", "Espel", "Gräfen",
)
VILLAGE_SUFFIXES = (
    "dorf", "hausen", "feld", "bach", "rode", "hagen", "büttel", "stedt", "heim", "hofen", "au", "born", "winkel",
)
