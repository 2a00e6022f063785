<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
  <context>
    <name>Quartiersmonitor</name>
    <message>
      <location filename="plugin.py" line="46" />
      <source>&amp;Quartiersmonitor</source>
      <translation>&amp;Quartiersmonitor</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="293" />
      <source>+1: a higher value means more need</source>
      <translation>+1: ein höherer Wert bedeutet mehr Bedarf</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="295" />
      <source>-1: a higher value means less need</source>
      <translation>-1: ein höherer Wert bedeutet weniger Bedarf</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="278" />
      <source>. No value: no valid data (missing or invalid counts; for the attention index: a quartier left unclassed).</source>
      <translation>. Kein Wert: keine gültigen Daten (fehlende oder ungültige Fallzahlen; beim Aufmerksamkeitsindex: ein nicht eingestuftes Quartier).</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="296" />
      <source>0: context indicator, no direction</source>
      <translation>0: Kontextindikator, ohne Richtung</translation>
    </message>
    <message>
      <location filename="processing_provider/base.py" line="112" />
      <source>1 Addresses and offerings</source>
      <translation>1 Adressen und Angebote</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="390" />
      <source>1 high, 2 middle, 3 low, 4 very low status (thresholds of the run, by default -1, 1 and 1.5 on the status index).</source>
      <translation>1 hoher, 2 mittlerer, 3 niedriger, 4 sehr niedriger Status (Schwellenwerte des Laufs, voreingestellt -1, 1 und 1,5 auf dem Statusindex).</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="29" />
      <source>1 map sheet as 1 PDF file written to {folder}</source>
      <translation>1 Kartenblatt als 1 PDF-Datei nach {folder} geschrieben</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="25" />
      <source>1 map sheet as 1 PNG file written to {folder}</source>
      <translation>1 Kartenblatt als 1 PNG-Datei nach {folder} geschrieben</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="21" />
      <source>1 map sheet in 1 PDF file written to {folder}</source>
      <translation>1 Kartenblatt in 1 PDF-Datei nach {folder} geschrieben</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="394" />
      <source>1 positive, 2 stable, 3 negative (empty without a previous layer).</source>
      <translation>1 positiv, 2 stabil, 3 negativ (leer ohne früheren Layer).</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="39" />
      <source>1 quartier selected</source>
      <translation>1 Quartier ausgewählt</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="41" />
      <source>1 quartier selected, hidden by the search</source>
      <translation>1 Quartier ausgewählt, von der Suche ausgeblendet</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="53" />
      <source>1 quartier shown.</source>
      <translation>1 Quartier dargestellt.</translation>
    </message>
    <message>
      <location filename="processing_provider/base.py" line="113" />
      <source>2 Indicators</source>
      <translation>2 Indikatoren</translation>
    </message>
    <message>
      <location filename="processing_provider/base.py" line="114" />
      <source>3 Maps</source>
      <translation>3 Karten</translation>
    </message>
    <message>
      <location filename="ui/funnel_view.py" line="246" />
      <source>95 %</source>
      <translation>95 %</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="302" />
      <source>95 % Wilson score interval of the share numerator / denominator, times the factor.</source>
      <translation>95-%-Wilson-Score-Intervall des Anteils Zähler / Nenner, mal Faktor.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="304" />
      <source>95 % exact Poisson (Garwood) interval of the numerator, the denominator taken as fixed, divided by the denominator, times the factor.</source>
      <translation>Exaktes 95-%-Poisson-Intervall (Garwood) des Zählers bei festem Nenner, geteilt durch den Nenner, mal Faktor.</translation>
    </message>
    <message>
      <location filename="ui/funnel_view.py" line="247" />
      <source>99.8 %</source>
      <translation>99,8 %</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="451" />
      <source>A JSON file that overrides or adds indicators (see the documentation of the catalog).</source>
      <translation>Eine JSON-Datei, die Indikatoren ändert oder ergänzt (siehe Dokumentation des Katalogs).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="234" />
      <source>A need field (NEED_FIELD) needs the quartier layer (QUARTIERS).</source>
      <translation>Ein Bedarfsfeld (NEED_FIELD) braucht den Quartiers-Layer (QUARTIERS).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="151" />
      <source>A quartier is significant where hs_p is at most alpha (0.01 to 0.5).</source>
      <translation>Ein Quartier ist signifikant, wenn hs_p höchstens Alpha ist (0,01 bis 0,5).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="162" />
      <source>A table: one row per quartier, one column per group.</source>
      <translation>Eine Tabelle: eine Zeile je Quartier, eine Spalte je Gruppe.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="159" />
      <source>Accessibility per quartier</source>
      <translation>Erreichbarkeit je Quartier</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="100" />
      <source>Accessibility with competition (places per 1,000)</source>
      <translation>Erreichbarkeit mit Konkurrenz (Plätze je 1.000)</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="73" />
      <source>Address assignment report (HTML)</source>
      <translation>Bericht zur Adresszuordnung (HTML)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="109" />
      <source>Address directory (points)</source>
      <translation>Adressverzeichnis (Punkte)</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="83" />
      <source>Address directory: points with the number of residents.</source>
      <translation>Adressverzeichnis: Punkte mit der Zahl der Einwohner.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="96" />
      <source>Address points, e.g. the official address directory with a residents field.</source>
      <translation>Adresspunkte, z. B. das amtliche Adressverzeichnis mit einem Einwohnerfeld.</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="84" />
      <source>Addresses</source>
      <translation>Adressen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="143" />
      <source>Addresses (points)</source>
      <translation>Adressen (Punkte)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="126" />
      <source>Addresses inside a quartier</source>
      <translation>Adressen innerhalb eines Quartiers</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="127" />
      <source>Addresses on a quartier border</source>
      <translation>Adressen auf einer Quartiersgrenze</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="128" />
      <source>Addresses outside every quartier</source>
      <translation>Adressen außerhalb aller Quartiere</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="136" />
      <source>Addresses per municipality (field “{}” of the quartiers)</source>
      <translation>Adressen je Gemeinde (Feld „{}“ der Quartiere)</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="83" />
      <source>Addresses per status</source>
      <translation>Adressen je Status</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="130" />
      <source>Addresses sharing their location with another</source>
      <translation>Adressen, die ihren Ort mit einer anderen teilen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="84" />
      <source>Addresses to geocode (table or layer)</source>
      <translation>Zu geokodierende Adressen (Tabelle oder Layer)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="161" />
      <source>Addresses with accessibility</source>
      <translation>Adressen mit Erreichbarkeit</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="174" />
      <source>Addresses with distance to the nearest offering</source>
      <translation>Adressen mit Entfernung zum nächsten Angebot</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="240" />
      <source>Addresses with distances</source>
      <translation>Adressen mit Entfernungen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="114" />
      <source>Addresses with quartier</source>
      <translation>Adressen mit Quartier</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="62" />
      <source>Addresses with residents (points)</source>
      <translation>Adressen mit Einwohnern (Punkte)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="129" />
      <source>Addresses without geometry</source>
      <translation>Adressen ohne Geometrie</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="81" />
      <source>Addresses: “{}” ({} features). Quartiers: “{}” ({} features).</source>
      <translation>Adressen: „{}“ ({} Objekte). Quartiere: „{}“ ({} Objekte).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="390" />
      <source>Adjust the funnel limits for overdispersion</source>
      <translation>Trichtergrenzen an Überdispersion anpassen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="154" />
      <source>Age bands</source>
      <translation>Altersgruppen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="151" />
      <source>Age field</source>
      <translation>Altersfeld</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="152" />
      <source>Age in years, split by AGE_BANDS.</source>
      <translation>Alter in Jahren, aufgeteilt nach AGE_BANDS.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="112" />
      <source>Age-standardised G.2 not computed: band column(s) missing: {ex}.</source>
      <translation>Altersstandardisierte G.2 nicht berechnet: Altersgruppen-Spalte(n) fehlen: {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="113" />
      <source>Age-standardised G.2: invalid or empty band counts for quartier(s) {ex}.</source>
      <translation>Altersstandardisierte G.2: ungültige oder leere Altersgruppen-Zählungen für Quartier(e) {ex}.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="307" />
      <source>Age-standardised values (direct standardisation to the European Standard Population 2013): Dobson's interval.</source>
      <translation>Altersstandardisierte Werte (direkte Standardisierung auf die Europäische Standardbevölkerung 2013): Intervall nach Dobson.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="503" />
      <source>All demand</source>
      <translation>Gesamte Nachfrage</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="156" />
      <source>Among the indicator fields, those where a higher value means less need.</source>
      <translation>Unter den Indikatorfeldern diejenigen, bei denen ein höherer Wert weniger Bedarf bedeutet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="124" />
      <source>An HTML report: counts per status, duplicates, overlaps and gaps, invalid quartiers.</source>
      <translation>Ein HTML-Bericht: Anzahlen je Status, Dubletten, Überlappungen und Lücken, ungültige Quartiere.</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="118" />
      <source>Area</source>
      <translation>Fläche</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="58" />
      <source>Assign addresses to quartiers</source>
      <translation>Adressen Quartieren zuordnen</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="80" />
      <source>Assignment of addresses to quartiers</source>
      <translation>Zuordnung der Adressen zu Quartieren</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="61" />
      <source>At least 1 permutation is needed (given: {permutations}).</source>
      <translation>Mindestens 1 Permutation ist nötig (angegeben: {permutations}).</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="194" />
      <source>Attention</source>
      <translation>Aufmerksamkeitsbedarf</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="399" />
      <source>Attention index</source>
      <translation>Aufmerksamkeitsindex</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="28" />
      <source>Available fields: {}.</source>
      <translation>Vorhandene Felder: {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="193" />
      <source>Base-year statistics</source>
      <translation>Statistik des Basisjahres</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="363" />
      <source>Base-year table '{layer}' has more than one row for field '{field}'.</source>
      <translation>Basisjahr-Tabelle „{layer}“ hat mehr als eine Zeile für das Feld „{field}“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="365" />
      <source>Base-year table '{layer}' has no row for the indicator field(s) {fields}.</source>
      <translation>Basisjahr-Tabelle „{layer}“ hat keine Zeile für das Indikatorfeld / die Indikatorfelder {fields}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="354" />
      <source>Base-year table '{layer}' needs the columns field, mean and sd; missing: {columns}.</source>
      <translation>Basisjahr-Tabelle „{layer}“ braucht die Spalten field, mean und sd; es fehlt: {columns}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="360" />
      <source>Base-year table '{layer}': the sd of field '{field}' is {value}; it must be greater than 0.</source>
      <translation>Basisjahr-Tabelle „{layer}“: sd des Feldes „{field}“ ist {value}; sie muss größer als 0 sein.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="357" />
      <source>Base-year table '{layer}': the {column} of field '{field}' is not a number: {value}.</source>
      <translation>Basisjahr-Tabelle „{layer}“: {column} des Feldes „{field}“ ist keine Zahl: {value}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="153" />
      <source>Benjamini–Hochberg: controls the share of false discoveries among the significant quartiers; fewer quartiers are significant.</source>
      <translation>Benjamini–Hochberg: begrenzt den Anteil falscher Funde unter den signifikanten Quartieren; weniger Quartiere sind signifikant.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="530" />
      <source>Best solution (greedy, interchange, exact solver)</source>
      <translation>Beste Lösung (Greedy, Austausch, exakter Löser)</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="533" />
      <source>Bound proven by</source>
      <translation>Schranke bewiesen durch</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="164" />
      <source>Building the layout from {template}</source>
      <translation>Layout wird aus {template} erstellt</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="150" />
      <source>CSV (two files)</source>
      <translation>CSV (zwei Dateien)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="297" />
      <source>Calculate indicators</source>
      <translation>Indikatoren berechnen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="300" />
      <source>Calculates the indicators of the catalog for every quartier from a table of counts (CSV, XLSX, GeoPackage table or any QGIS table) with one row per quartier, or one row per quartier and year.

For each selected indicator the output holds the value, numerator, denominator, 95 % confidence interval (_lo, _hi), z-score, class, flag, significance against the county (_sig) and the values of the municipality (_mun) and the county (_county), and the funnel class (_funnel). Fields are named by the indicator id without the dot: A.1 → A1, A1_num, A1_den, … When the counts table has the column pop_total, the output also holds the field pop_total, the residents of every quartier (the mean over pooled years): population is public, so it is published for every quartier, also for one under the minimum population.

Confidentiality applies to the confidential indicators of the catalog (all social counts; an entry of the catalog file may say "confidential": false). Their counts below the minimum count and every value of a quartier with fewer residents (pop_total) than the minimum population are hidden, and further cells (or municipality and county values) are hidden until an audit of everything this run publishes shows that no hidden small count can be narrowed to fewer than minimum count + 1 possible values and no count of a small quartier can be worked out. A hidden cell is empty (NULL) in every field, flagged 'suppressed' and hatched grey on the map; rates, intervals and comparison values are rounded to the chosen decimals.

Public indicators (W.1 and W.2, coverage of public offerings, and catalog entries with "confidential": false) are never suppressed: small counts and small quartiers are shown with the flag 'ok'. The audit counts what they publish: a column they share with a confidential indicator (e.g. the denominator pop_total) is known to a reader, and the population pop_total is known for every quartier. A confidential indicator whose numerator a public indicator publishes is refused.

What is not protected: two runs on the same counts — e.g. several years pooled (YEAR) and the single years, or two different selections of quartiers — can be subtracted from each other; publish only one of them. The audit's result (cells audited, narrowest interval) is written to the log and returned as the outputs AUDIT, AUDIT_CELLS and AUDIT_NARROWEST.

The output is loaded with a graduated map of the first indicator; every other indicator is available as a saved style (Layer Properties → Style). A file output gets the style as a QML beside it.

Columns with other names than the standard ones can be mapped in the advanced parameters, e.g. 'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'.

A spreadsheet (XLSX/ODS, the sheet picked as its layer 'file.xlsx|layername=Sheet2') may have title rows above its column names: the first row holding the id field is the header (logged); ids whose leading zeros the spreadsheet dropped are padded when unambiguous.

The funnel class (_funnel) compares the quartier with the county value, taking its size into account (funnel plot, Spiegelhalter 2005): exact binomial (shares) or Poisson (rates) control limits for a quartier of the same denominator that were like the county. Its values are 'below 99.8 %', 'below 95 %', 'within', 'above 95 %' and 'above 99.8 %' (the count lies strictly beyond the 95 % or 99.8 % limit; these English values are kept in every language, for filters). A hidden cell, a zero denominator or a hidden county value has no class (NULL): the class is worked out from published numbers only. With 'Adjust the funnel limits for overdispersion' the limits are widened by the square root of Spiegelhalter's overdispersion factor (the mean of the squared z-scores of the published quartiers, winsorised at their 10th and 90th percentiles), when it is above 1.</source>
      <translation>Berechnet die Indikatoren des Katalogs für jedes Quartier aus einer Zähltabelle (CSV, XLSX, GeoPackage-Tabelle oder jede QGIS-Tabelle) mit einer Zeile je Quartier oder einer Zeile je Quartier und Jahr.

Für jeden gewählten Indikator enthält die Ausgabe Wert, Zähler, Nenner, 95-%-Konfidenzintervall (_lo, _hi), z-Wert, Klasse, Kennzeichen (flag), Signifikanz gegenüber dem Kreis (_sig) und die Werte der Gemeinde (_mun) und des Kreises (_county) sowie die Trichterklasse (_funnel). Die Felder heißen wie die Indikator-Kennung ohne Punkt: A.1 → A1, A1_num, A1_den, … Hat die Zähltabelle die Spalte pop_total, enthält die Ausgabe auch das Feld pop_total, die Einwohner jedes Quartiers (der Mittelwert über gepoolte Jahre): Die Einwohnerzahl ist öffentlich und wird für jedes Quartier veröffentlicht, auch für eines unter der Mindesteinwohnerzahl.

Die Geheimhaltung gilt für die vertraulichen Indikatoren des Katalogs (alle Sozialdaten; ein Eintrag der Katalogdatei kann "confidential": false angeben). Ihre Zählungen unter der Mindestfallzahl und alle Werte eines Quartiers mit weniger Einwohnern (pop_total) als der Mindesteinwohnerzahl werden ausgeblendet, und weitere Zellen (oder Gemeinde- und Kreiswerte) werden ausgeblendet, bis eine Prüfung von allem, was dieser Lauf veröffentlicht, zeigt, dass keine verborgene kleine Zahl auf weniger als Mindestfallzahl + 1 mögliche Werte eingegrenzt und keine Zahl eines kleinen Quartiers erschlossen werden kann. Eine ausgeblendete Zelle ist in jedem Feld leer (NULL), als 'suppressed' gekennzeichnet und in der Karte grau schraffiert; Quoten, Intervalle und Vergleichswerte werden auf die gewählten Nachkommastellen gerundet.

Öffentliche Indikatoren (W.1 und W.2, Erreichbarkeit öffentlicher Angebote, und Katalogeinträge mit "confidential": false) werden nie unterdrückt: Kleine Zahlen und kleine Quartiere werden mit dem Kennzeichen 'ok' gezeigt. Die Prüfung berücksichtigt, was sie veröffentlichen: Eine Spalte, die sie mit einem vertraulichen Indikator teilen (z. B. den Nenner pop_total), ist einem Leser bekannt, und die Einwohnerzahl pop_total ist für jedes Quartier bekannt. Ein vertraulicher Indikator, dessen Zähler ein öffentlicher Indikator veröffentlicht, wird abgelehnt.

Nicht geschützt: Zwei Läufe auf denselben Zählungen – z. B. mehrere gepoolte Jahre (YEAR) und die Einzeljahre oder zwei verschiedene Auswahlen von Quartieren – lassen sich voneinander abziehen; veröffentlichen Sie nur einen davon. Das Ergebnis der Prüfung (geprüfte Zellen, engstes Intervall) steht im Protokoll und wird als Ausgaben AUDIT, AUDIT_CELLS und AUDIT_NARROWEST zurückgegeben.

Die Ausgabe wird mit einer abgestuften Karte des ersten Indikators geladen; jeder andere Indikator ist als gespeicherter Stil verfügbar (Layereigenschaften → Stil). Eine Dateiausgabe erhält den Stil als QML daneben.

Spalten mit anderen Namen als den Standardnamen lassen sich in den erweiterten Parametern zuordnen, z. B. 'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'.

Eine Tabellenkalkulation (XLSX/ODS, das Blatt als Layer gewählt: „datei.xlsx|layername=Blatt2“) darf Titelzeilen über den Spaltennamen haben: die erste Zeile mit dem Id-Feld ist die Kopfzeile (im Protokoll vermerkt); Ids, deren führende Nullen die Tabellenkalkulation entfernt hat, werden aufgefüllt, wenn das eindeutig ist.

Die Trichterklasse (_funnel) vergleicht das Quartier mit dem Kreiswert unter Berücksichtigung seiner Größe (Trichterdiagramm, Spiegelhalter 2005): exakte Binomial- (Anteile) oder Poisson-Kontrollgrenzen (Raten) für ein Quartier mit demselben Nenner, das sich wie der Kreis verhielte. Ihre Werte sind 'below 99.8 %', 'below 95 %', 'within', 'above 95 %' und 'above 99.8 %' (die Zahl liegt echt jenseits der 95-%- bzw. 99,8-%-Grenze; diese englischen Werte bleiben in jeder Sprache gleich, für Filter). Eine ausgeblendete Zelle, ein Nenner 0 oder ein ausgeblendeter Kreiswert erhält keine Klasse (NULL): Die Klasse wird nur aus veröffentlichten Zahlen bestimmt. Mit 'Trichtergrenzen an Überdispersion anpassen' werden die Grenzen um die Wurzel aus Spiegelhalters Überdispersionsfaktor erweitert (der Mittelwert der quadrierten z-Werte der veröffentlichten Quartiere, winsorisiert am 10. und 90. Perzentil), wenn er über 1 liegt.</translation>
    </message>
    <message>
      <source>Calculates the indicators of the catalog for every quartier from a table of counts (CSV, XLSX, GeoPackage table or any QGIS table) with one row per quartier, or one row per quartier and year.

For each selected indicator the output holds the value, numerator, denominator, 95 % confidence interval (_lo, _hi), z-score, class, flag, significance against the county (_sig) and the values of the municipality (_mun) and the county (_county). Fields are named by the indicator id without the dot: A.1 → A1, A1_num, A1_den, …

Confidentiality: counts below the minimum count and every value of a quartier with fewer residents (pop_total) than the minimum population are hidden, and further cells (or municipality and county values) are hidden until an audit of everything this run publishes shows that no hidden small count can be narrowed to fewer than minimum count + 1 possible values and no count of a small quartier can be worked out. A hidden cell is empty (NULL) in every field, flagged 'suppressed' and hatched grey on the map; rates, intervals and comparison values are rounded to the chosen decimals.

What is not protected: two runs on the same counts — e.g. several years pooled (YEAR) and the single years, or two different selections of quartiers — can be subtracted from each other; publish only one of them. The audit's result (cells audited, narrowest interval) is written to the log and returned as the outputs AUDIT, AUDIT_CELLS and AUDIT_NARROWEST.

The output is loaded with a graduated map of the first indicator; every other indicator is available as a saved style (Layer Properties → Style). A file output gets the style as a QML beside it.

Columns with other names than the standard ones can be mapped in the advanced parameters, e.g. 'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'.</source>
      <translation type="obsolete">Berechnet die Indikatoren des Katalogs für jedes Quartier aus einer Fallzahlentabelle (CSV, XLSX, GeoPackage-Tabelle oder beliebige QGIS-Tabelle) mit einer Zeile je Quartier oder je Quartier und Jahr.

Für jeden gewählten Indikator enthält die Ausgabe Wert, Zähler, Nenner, 95-%-Konfidenzintervall (_lo, _hi), z-Wert, Klasse, Kennzeichen, Signifikanz gegenüber dem Kreis (_sig) sowie die Werte der Gemeinde (_mun) und des Kreises (_county). Die Felder heißen wie die Indikator-ID ohne Punkt: A.1 → A1, A1_num, A1_den, …

Geheimhaltung: Fallzahlen unter der Mindestfallzahl und alle Werte eines Quartiers mit weniger Einwohnern (pop_total) als der Mindesteinwohnerzahl werden gesperrt, und weitere Zellen (oder Gemeinde- und Kreiswerte) werden gesperrt, bis eine Prüfung von allem, was dieser Lauf veröffentlicht, zeigt, dass sich keine gesperrte kleine Fallzahl auf weniger als Mindestfallzahl + 1 mögliche Werte eingrenzen und keine Fallzahl eines kleinen Quartiers errechnen lässt. Eine gesperrte Zelle ist in jedem Feld leer (NULL), trägt das Kennzeichen „suppressed“ und ist in der Karte grau schraffiert; Quoten, Intervalle und Vergleichswerte werden auf die gewählten Nachkommastellen gerundet.

Nicht geschützt ist: Zwei Läufe auf denselben Fallzahlen – z. B. mehrere Jahre zusammengefasst (YEAR) und die Einzeljahre, oder zwei verschiedene Auswahlen von Quartieren – lassen sich voneinander abziehen; veröffentlichen Sie nur einen davon. Das Ergebnis der Prüfung (geprüfte Zellen, engstes Intervall) steht im Protokoll und in den Ausgaben AUDIT, AUDIT_CELLS und AUDIT_NARROWEST.

Die Ausgabe wird mit einer klassifizierten Karte des ersten Indikators geladen; jeder weitere Indikator steht als gespeicherter Stil bereit (Layereigenschaften → Stil). Eine Dateiausgabe erhält den Stil als QML daneben.

Spalten mit anderen Namen als den Standardnamen können in den erweiterten Parametern zugeordnet werden, z. B. „pop_total=EW_gesamt; sgb2_u65=SGB2_unter65“.</translation>
    </message>
    <message>
      <source>Calculates the indicators of the catalog for every quartier from a table of counts (CSV, XLSX, GeoPackage table or any QGIS table) with one row per quartier, or one row per quartier and year.

For each selected indicator the output holds the value, numerator, denominator, 95 % confidence interval (_lo, _hi), z-score, class, flag, significance against the county (_sig) and the values of the municipality (_mun) and the county (_county). Fields are named by the indicator id without the dot: A.1 → A1, A1_num, A1_den, …

Counts below the minimum count and quartiers with fewer residents (pop_total) than the minimum population are suppressed: the value is empty (NULL) and the flag says why; they are hatched grey on the map.

The output is loaded with a graduated map of the first indicator; every other indicator is available as a saved style (Layer Properties → Style). A file output gets the style as a QML beside it.

Columns with other names than the standard ones can be mapped in the advanced parameters, e.g. 'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'.</source>
      <translation type="obsolete">Berechnet die Indikatoren des Katalogs für jedes Quartier aus einer Fallzahlentabelle (CSV, XLSX, GeoPackage-Tabelle oder beliebige QGIS-Tabelle) mit einer Zeile je Quartier oder je Quartier und Jahr.

Für jeden gewählten Indikator enthält die Ausgabe Wert, Zähler, Nenner, 95-%-Konfidenzintervall (_lo, _hi), z-Wert, Klasse, Kennzeichen, Signifikanz gegenüber dem Kreis (_sig) sowie die Werte der Gemeinde (_mun) und des Kreises (_county). Die Felder heißen wie die Indikator-ID ohne Punkt: A.1 → A1, A1_num, A1_den, …

Fallzahlen unter der Mindestfallzahl und Quartiere mit weniger Einwohnern (pop_total) als der Mindesteinwohnerzahl werden gesperrt: Der Wert ist leer (NULL), das Kennzeichen nennt den Grund; in der Karte sind sie grau schraffiert.

Die Ausgabe wird mit einer klassifizierten Karte des ersten Indikators geladen; jeder weitere Indikator steht als gespeicherter Stil bereit (Layereigenschaften → Stil). Eine Dateiausgabe erhält den Stil als QML daneben.

Spalten mit anderen Namen als den Standardnamen können in den erweiterten Parametern zugeordnet werden, z. B. „pop_total=EW_gesamt; sgb2_u65=SGB2_unter65“.</translation>
    </message>
    <message>
      <source>Calculates the indicators of the catalog for every quartier from a table of counts (CSV, XLSX, GeoPackage table or any QGIS table) with one row per quartier, or one row per quartier and year.

For each selected indicator the output holds the value, numerator, denominator, 95 % confidence interval (_lo, _hi), z-score, class, flag, significance against the county (_sig) and the values of the municipality (_mun) and the county (_county). Fields are named by the indicator id without the dot: A.1 → A1, A1_num, A1_den, … When the counts table has the column pop_total, the output also holds the field pop_total, the residents of every quartier (the mean over pooled years): population is public, so it is published for every quartier, also for one under the minimum population.

Confidentiality applies to the confidential indicators of the catalog (all social counts; an entry of the catalog file may say "confidential": false). Their counts below the minimum count and every value of a quartier with fewer residents (pop_total) than the minimum population are hidden, and further cells (or municipality and county values) are hidden until an audit of everything this run publishes shows that no hidden small count can be narrowed to fewer than minimum count + 1 possible values and no count of a small quartier can be worked out. A hidden cell is empty (NULL) in every field, flagged 'suppressed' and hatched grey on the map; rates, intervals and comparison values are rounded to the chosen decimals.

Public indicators (W.1 and W.2, coverage of public offerings, and catalog entries with "confidential": false) are never suppressed: small counts and small quartiers are shown with the flag 'ok'. The audit counts what they publish: a column they share with a confidential indicator (e.g. the denominator pop_total) is known to a reader, and the population pop_total is known for every quartier. A confidential indicator whose numerator a public indicator publishes is refused.

What is not protected: two runs on the same counts — e.g. several years pooled (YEAR) and the single years, or two different selections of quartiers — can be subtracted from each other; publish only one of them. The audit's result (cells audited, narrowest interval) is written to the log and returned as the outputs AUDIT, AUDIT_CELLS and AUDIT_NARROWEST.

The output is loaded with a graduated map of the first indicator; every other indicator is available as a saved style (Layer Properties → Style). A file output gets the style as a QML beside it.

Columns with other names than the standard ones can be mapped in the advanced parameters, e.g. 'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'.</source>
      <translation type="obsolete">Berechnet die Indikatoren des Katalogs für jedes Quartier aus einer Zähltabelle (CSV, XLSX, GeoPackage-Tabelle oder jede QGIS-Tabelle) mit einer Zeile je Quartier oder einer Zeile je Quartier und Jahr.

Für jeden gewählten Indikator enthält die Ausgabe Wert, Zähler, Nenner, 95-%-Konfidenzintervall (_lo, _hi), z-Wert, Klasse, Kennzeichen (flag), Signifikanz gegenüber dem Kreis (_sig) und die Werte der Gemeinde (_mun) und des Kreises (_county). Die Felder heißen wie die Indikator-Kennung ohne Punkt: A.1 → A1, A1_num, A1_den, … Hat die Zähltabelle die Spalte pop_total, enthält die Ausgabe auch das Feld pop_total, die Einwohner jedes Quartiers (der Mittelwert über gepoolte Jahre): Die Einwohnerzahl ist öffentlich und wird für jedes Quartier veröffentlicht, auch für eines unter der Mindesteinwohnerzahl.

Die Geheimhaltung gilt für die vertraulichen Indikatoren des Katalogs (alle Sozialdaten; ein Eintrag der Katalogdatei kann "confidential": false angeben). Ihre Zählungen unter der Mindestfallzahl und alle Werte eines Quartiers mit weniger Einwohnern (pop_total) als der Mindesteinwohnerzahl werden ausgeblendet, und weitere Zellen (oder Gemeinde- und Kreiswerte) werden ausgeblendet, bis eine Prüfung von allem, was dieser Lauf veröffentlicht, zeigt, dass keine verborgene kleine Zahl auf weniger als Mindestfallzahl + 1 mögliche Werte eingegrenzt und keine Zahl eines kleinen Quartiers erschlossen werden kann. Eine ausgeblendete Zelle ist in jedem Feld leer (NULL), als 'suppressed' gekennzeichnet und in der Karte grau schraffiert; Quoten, Intervalle und Vergleichswerte werden auf die gewählten Nachkommastellen gerundet.

Öffentliche Indikatoren (W.1 und W.2, Erreichbarkeit öffentlicher Angebote, und Katalogeinträge mit "confidential": false) werden nie unterdrückt: Kleine Zahlen und kleine Quartiere werden mit dem Kennzeichen 'ok' gezeigt. Die Prüfung berücksichtigt, was sie veröffentlichen: Eine Spalte, die sie mit einem vertraulichen Indikator teilen (z. B. den Nenner pop_total), ist einem Leser bekannt, und die Einwohnerzahl pop_total ist für jedes Quartier bekannt. Ein vertraulicher Indikator, dessen Zähler ein öffentlicher Indikator veröffentlicht, wird abgelehnt.

Nicht geschützt: Zwei Läufe auf denselben Zählungen – z. B. mehrere gepoolte Jahre (YEAR) und die Einzeljahre oder zwei verschiedene Auswahlen von Quartieren – lassen sich voneinander abziehen; veröffentlichen Sie nur einen davon. Das Ergebnis der Prüfung (geprüfte Zellen, engstes Intervall) steht im Protokoll und wird als Ausgaben AUDIT, AUDIT_CELLS und AUDIT_NARROWEST zurückgegeben.

Die Ausgabe wird mit einer abgestuften Karte des ersten Indikators geladen; jeder andere Indikator ist als gespeicherter Stil verfügbar (Layereigenschaften → Stil). Eine Dateiausgabe erhält den Stil als QML daneben.

Spalten mit anderen Namen als den Standardnamen lassen sich in den erweiterten Parametern zuordnen, z. B. 'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="356" />
      <source>Calculation</source>
      <translation>Berechnung</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="94" />
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="118" />
      <source>Canceled by the user.</source>
      <translation>Vom Benutzer abgebrochen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="115" />
      <source>Candidate sites (points)</source>
      <translation>Standortkandidaten (Punkte)</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="493" />
      <source>Candidates “{}” ({} sites), existing offerings “{}” ({}, kept), addresses “{}” ({}), distance {} m, {} site(s) to add.</source>
      <translation>Standortkandidaten „{}“ ({} Standorte), bestehende Angebote „{}“ ({}, bleiben), Adressen „{}“ ({}), Entfernung {} m, {} Standort(e) hinzuzufügen.</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="139" />
      <source>Cannot create the output folder {folder}: {error}</source>
      <translation>Der Ausgabeordner {folder} kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="172" />
      <source>Cannot prepare the map sheets of layer {layer}: {error}</source>
      <translation>Die Kartenblätter des Layers {layer} können nicht vorbereitet werden: {error}</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="109" />
      <source>Cannot read the layout template {path}: {error}</source>
      <translation>Die Layoutvorlage {path} kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="147" />
      <source>Cannot write into the output folder {folder}: {error}</source>
      <translation>In den Ausgabeordner {folder} kann nicht geschrieben werden: {error}</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="164" />
      <source>Cannot write {path} (open in another program?): {error}</source>
      <translation>{path} kann nicht geschrieben werden (in einem anderen Programm geöffnet?): {error}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="138" />
      <source>Capacity field (empty: 1 per offering)</source>
      <translation>Kapazitätsfeld (leer: 1 je Angebot)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="125" />
      <source>Cases (e.g. A1_num): with the denominator, empirical-Bayes standardised rates are analysed.</source>
      <translation>Fälle (z. B. A1_num): Mit dem Nenner werden empirisch-bayes-standardisierte Raten untersucht.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="155" />
      <source>Catchment distance (metres)</source>
      <translation>Einzugsgebiet (Meter)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="128" />
      <source>Category field (counts per category)</source>
      <translation>Feld Kategorie (Anzahlen je Kategorie)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="141" />
      <source>Category field (figures per category)</source>
      <translation>Kategorienfeld (Werte je Kategorie)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="270" />
      <source>Category “{}”: {:.1f} % of the residents live within {} m.</source>
      <translation>Kategorie „{}“: {:.1f} % der Einwohner wohnen innerhalb von {} m.</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="118" />
      <source>Centre x</source>
      <translation>Mitte x</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="118" />
      <source>Centre y</source>
      <translation>Mitte y</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="141" />
      <source>Centroids within this distance are neighbours (with the distance band; in the layer's units, e.g. metres).</source>
      <translation>Schwerpunkte innerhalb dieser Distanz sind Nachbarn (beim Distanzband; in den Einheiten des Layers, z. B. Meter).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="184" />
      <source>Checking quartiers for overlaps and gaps…</source>
      <translation>Quartiere werden auf Überlappungen und Lücken geprüft…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="232" />
      <source>Choose a value field, or a numerator and a denominator field.</source>
      <translation>Wählen Sie ein Wertefeld oder ein Zähler- und ein Nennerfeld.</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="158" />
      <source>Choose an indicator layer first.</source>
      <translation>Wählen Sie zuerst einen Indikatorlayer.</translation>
    </message>
    <message>
      <location filename="ui/dock_funnel.py" line="66" />
      <source>Choose an indicator layer to see a funnel plot.</source>
      <translation>Wählen Sie einen Indikatorlayer, um ein Trichterdiagramm zu sehen.</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="166" />
      <source>Choose an output folder for the map sheets.</source>
      <translation>Wählen Sie einen Ausgabeordner für die Kartenblätter.</translation>
    </message>
    <message>
      <location filename="processing_provider/base.py" line="211" />
      <source>Choose the field of layer “{}” for “{}” (parameter {}): probably “{}”.</source>
      <translation>Wählen Sie das Feld von Layer „{}“ für „{}“ (Parameter {}): wahrscheinlich „{}“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="308" />
      <source>Choose the quartier id field (QUARTIER_ID) of layer “{}”.</source>
      <translation>Wählen Sie das Feld der Quartiers-ID (QUARTIER_ID) des Layers „{}“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="82" />
      <source>Chooses among possible sites (CANDIDATES, points) the COUNT sites for new offerings that bring the most demand within reach: the demand of the addresses (ADDRESSES, points; DEMAND_FIELD, e.g. children under 6; empty: 1 per address) within DISTANCE metres (straight line, or along the NETWORK when given: paths and roads, points joined to the nearest segment with the straight connection counted, as in 'Offerings per quartier and coverage') of an existing offering (OFFERINGS, optional: kept, their coverage is counted before and never as gain) or of a chosen site is covered, and the covered demand is made as large as possible (maximal covering location problem, Church &amp; ReVelle 1974).

With QUARTIERS, QUARTIER_ID and NEED_FIELD (a number field of the quartiers, e.g. A2 of the indicator layer) the demand of every address is multiplied by the need of its quartier, so that sites in quartiers of high need count more; addresses outside every quartier or in a quartier without a need value then count 0 (reported in the log). Without NEED_FIELD the quartiers only give the output's quartier_id.

Method: addresses reached by the same candidates are merged into one demand unit (no loss: the problem stays the same, only smaller); the greedy choice (at least 63 % of the optimum) is improved by swapping sites while coverage grows; a Lagrangian relaxation with subgradient optimisation gives an upper bound that no choice of sites can exceed; where scipy is installed the problem is then solved exactly as a mixed-integer program (HiGHS; the whole search stops after 15 seconds, keeping the best bound proven by then). The log and the report give the solution, the bound and the gap between them (0: proven optimal).

Output: the chosen candidates (all their fields and geometry) with rank (1 = chosen first), gain (the demand it newly covers, in rank order: after the sites of better rank), covered_total (all demand covered after adding the sites up to this rank, existing offerings included) and, with QUARTIERS, quartier_id. When fewer sites than COUNT add any coverage only those are output (every reachable demand is then covered). Loaded as stars, larger for a better rank, labelled with the rank. REPORT (optional HTML): coverage before and after, the sites, greedy alone, solution, bound, gap and how the bound was proven.

Demand values that are NULL or no number count as 0 (reported in the log); negative demand or need is an error. Layers in other CRSs are reprojected to the quartiers' CRS (without quartiers: the addresses' CRS), which must be projected (metres).</source>
      <translation>Wählt unter möglichen Standorten (CANDIDATES, Punkte) die COUNT Standorte für neue Angebote, die die meiste Nachfrage in Reichweite bringen: Die Nachfrage der Adressen (ADDRESSES, Punkte; DEMAND_FIELD, z. B. Kinder unter 6; leer: 1 je Adresse) innerhalb von DISTANCE Metern (Luftlinie, oder entlang des NETWORK, wenn angegeben: Wege und Straßen, Punkte an das nächste Segment angebunden, die gerade Verbindung mitgezählt, wie in „Angebote je Quartier und Erreichbarkeit“) eines bestehenden Angebots (OFFERINGS, optional: sie bleiben, ihre Abdeckung zählt vorher und nie als Gewinn) oder eines gewählten Standorts gilt als abgedeckt, und die abgedeckte Nachfrage wird so groß wie möglich gemacht (Maximal-Covering-Location-Problem, Church &amp; ReVelle 1974).

Mit QUARTIERS, QUARTIER_ID und NEED_FIELD (ein Zahlenfeld der Quartiere, z. B. A2 des Indikator-Layers) wird die Nachfrage jeder Adresse mit dem Bedarf ihres Quartiers multipliziert, sodass Standorte in Quartieren mit hohem Bedarf mehr zählen; Adressen außerhalb aller Quartiere oder in einem Quartier ohne Bedarfswert zählen dann 0 (im Protokoll gemeldet). Ohne NEED_FIELD liefern die Quartiere nur die quartier_id der Ausgabe.

Methode: Adressen, die von denselben Standortkandidaten erreicht werden, werden zu einer Nachfrage-Einheit zusammengefasst (ohne Verlust: das Problem bleibt dasselbe, nur kleiner); die Greedy-Wahl (mindestens 63 % des Optimums) wird durch Austausch von Standorten verbessert, solange die Abdeckung wächst; eine Lagrange-Relaxation mit Subgradientenverfahren liefert eine obere Schranke, die keine Wahl von Standorten überschreiten kann; wo scipy installiert ist, wird das Problem dann exakt als gemischt-ganzzahliges Programm gelöst (HiGHS; die ganze Suche endet nach 15 Sekunden und behält die bis dahin beste bewiesene Schranke). Protokoll und Bericht nennen die Lösung, die Schranke und die Lücke dazwischen (0: beweisbar optimal).

Ausgabe: die gewählten Standortkandidaten (alle ihre Felder und ihre Geometrie) mit rank (1 = zuerst gewählt), gain (die Nachfrage, die er neu abdeckt, in der Reihenfolge der Ränge: nach den Standorten besseren Rangs), covered_total (die gesamte abgedeckte Nachfrage nach Hinzufügen der Standorte bis zu diesem Rang, bestehende Angebote eingeschlossen) und, mit QUARTIERS, quartier_id. Erhöhen weniger Standorte als COUNT die Abdeckung überhaupt, werden nur diese ausgegeben (dann ist jede erreichbare Nachfrage abgedeckt). Geladen als Sterne, größer für einen besseren Rang, mit dem Rang beschriftet. REPORT (optionales HTML): Abdeckung vorher und nachher, die Standorte, Greedy allein, Lösung, Schranke, Lücke und wie die Schranke bewiesen wurde.

Nachfragewerte, die NULL oder keine Zahl sind, zählen 0 (im Protokoll gemeldet); negative Nachfrage oder negativer Bedarf ist ein Fehler. Layer in anderen KBS werden in das KBS der Quartiere umprojiziert (ohne Quartiere: das KBS der Adressen), das projiziert sein muss (Meter).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="138" />
      <source>Chosen sites</source>
      <translation>Gewählte Standorte</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="104" />
      <source>City field</source>
      <translation>Feld Ort</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="410" />
      <source>Class breaks of the map and of the _class fields.</source>
      <translation>Klassengrenzen der Karte und der _class-Felder.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="212" />
      <source>Classes: {}.</source>
      <translation>Klassen: {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="71" />
      <source>Classification</source>
      <translation>Klassifizierung</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="130" />
      <source>Clusters and outliers (local Moran's I)</source>
      <translation>Cluster und Ausreißer (lokales Moran's I)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="101" />
      <source>Column '{column}' is empty for quartier(s) {ex}: flagged no_data ({indicators}).</source>
      <translation>Spalte „{column}“ ist leer für Quartier(e) {ex}: als no_data markiert ({indicators}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="99" />
      <source>Column '{column}' is not a whole non-negative count for quartier(s) {ex}: flagged invalid ({indicators}).</source>
      <translation>Spalte „{column}“ ist keine ganze, nicht negative Zahl für Quartier(e) {ex}: als ungültig markiert ({indicators}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="102" />
      <source>Column '{column}' read with German thousands separators for quartier(s) {ex}.</source>
      <translation>Spalte „{column}“ mit deutschen Tausendertrennzeichen gelesen für Quartier(e) {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="420" />
      <source>Column mapping (standard_name=your_column; …)</source>
      <translation>Spaltenzuordnung (Standardname=Ihre_Spalte; …)</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="67" />
      <source>Column mapping: '{part}' is not of the form standard_name=your_column.</source>
      <translation>Spaltenzuordnung: „{part}“ hat nicht die Form Standardname=Ihre_Spalte.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="71" />
      <source>Column mapping: column '{column}' (given for '{standard}') is not in the counts table; its columns are: {columns}.</source>
      <translation>Spaltenzuordnung: Die Spalte „{column}“ (angegeben für „{standard}“) ist nicht in der Zähltabelle; ihre Spalten sind: {columns}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="155" />
      <source>Comma-separated bands in whole years, e.g. '0-14,15-64,65-' (the last may be open).</source>
      <translation>Kommagetrennte Gruppen in ganzen Jahren, z. B. '0-14,15-64,65-' (die letzte darf offen sein).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="101" />
      <source>Composite index of social status after Berlin's and Hamburg's social monitoring.

Each chosen indicator field is z-standardised over the quartiers (higher = more need; fields listed under 'Reversed' count the other way), the (weighted) sum is z-standardised again: the status index. Status classes: 1 high (index below the first threshold), 2 middle, 3 low, 4 very low (above the third threshold). With a previous layer (same fields and quartier ids, an earlier year) the changes give the dynamics index and class (1 positive, 2 stable, 3 negative).

attention = yes for status class 3 or 4, or class 2 with negative dynamics. Quartiers under the minimum population or without a value in a chosen field are left out and not classed.

Indicator fields: preselected are the values of the catalog's need indicators (A1, A2, …, W3; not the context indicators D1–D3 nor the _num, _den, _lo, … fields); left at this preselection, the run uses those the layer has and names them in the log. Any other numeric fields can be chosen. A value flagged other than 'ok' in the layer (suppressed) is never used.

Population field: by default pop_total, the residents that 'Calculate indicators' publishes for every quartier (never suppressed, so no quartier is left unclassed for a hidden denominator). A layer without it is classed without the minimum-population rule, with a warning; choose another field with the residents to apply it.

The output is loaded with four status colours; quartiers needing attention are outlined.</source>
      <translation>Zusammengesetzter Index des sozialen Status nach dem Sozialmonitoring Berlins und Hamburgs.

Jedes gewählte Indikatorfeld wird über die Quartiere z-standardisiert (höher = mehr Bedarf; unter „Umgekehrt“ aufgeführte Felder zählen andersherum), die (gewichtete) Summe wird erneut z-standardisiert: der Statusindex. Statusklassen: 1 hoch (Index unter der ersten Schwelle), 2 mittel, 3 niedrig, 4 sehr niedrig (über der dritten Schwelle). Mit einem Vorjahres-Layer (gleiche Felder und Quartiers-IDs, ein früheres Jahr) ergeben die Veränderungen Dynamikindex und -klasse (1 positiv, 2 stabil, 3 negativ).

attention = yes bei Statusklasse 3 oder 4 oder Klasse 2 mit negativer Dynamik. Quartiere unter der Mindesteinwohnerzahl oder ohne Wert in einem gewählten Feld werden ausgelassen und nicht klassifiziert.

Indikatorfelder: Vorausgewählt sind die Werte der Bedarfsindikatoren des Katalogs (A1, A2, …, W3; nicht die Kontextindikatoren D1–D3 und nicht die Felder _num, _den, _lo, …); bleibt es bei dieser Vorauswahl, nimmt der Lauf die, die der Layer hat, und nennt sie im Protokoll. Beliebige andere numerische Felder können gewählt werden. Ein Wert, der im Layer anders als 'ok' gekennzeichnet ist (unterdrückt), wird nie verwendet.

Einwohnerfeld: Vorgabe ist pop_total, die Einwohner, die „Indikatoren berechnen“ für jedes Quartier veröffentlicht (nie unterdrückt, so bleibt kein Quartier wegen eines verborgenen Nenners unklassifiziert). Ein Layer ohne dieses Feld wird ohne die Mindesteinwohner-Regel klassifiziert, mit einer Warnung; wählen Sie ein anderes Feld mit den Einwohnern, um sie anzuwenden.

Die Ausgabe wird mit vier Statusfarben geladen; Quartiere mit Handlungsbedarf sind umrandet.</translation>
    </message>
    <message>
      <source>Composite index of social status after Berlin's and Hamburg's social monitoring.

Each chosen indicator field is z-standardised over the quartiers (higher = more need; fields listed under 'Reversed' count the other way), the (weighted) sum is z-standardised again: the status index. Status classes: 1 high (index below the first threshold), 2 middle, 3 low, 4 very low (above the third threshold). With a previous layer (same fields and quartier ids, an earlier year) the changes give the dynamics index and class (1 positive, 2 stable, 3 negative).

attention = yes for status class 3 or 4, or class 2 with negative dynamics. Quartiers under the minimum population or without a value in a chosen field are left out and not classed.

The output is loaded with four status colours; quartiers needing attention are outlined.</source>
      <translation type="obsolete">Zusammengesetzter Index des sozialen Status nach dem Vorbild des Berliner und Hamburger Sozialmonitorings.

Jedes gewählte Indikatorfeld wird über die Quartiere z-standardisiert (höher = mehr Bedarf; Felder unter „Umgekehrt“ zählen andersherum), die (gewichtete) Summe wird erneut z-standardisiert: der Statusindex. Statusklassen: 1 hoch (Index unter dem ersten Schwellenwert), 2 mittel, 3 niedrig, 4 sehr niedrig (über dem dritten Schwellenwert). Mit einem Vorjahreslayer (dieselben Felder und Quartiers-IDs, ein früheres Jahr) ergeben die Veränderungen Dynamikindex und -klasse (1 positiv, 2 stabil, 3 negativ).

attention = yes bei Statusklasse 3 oder 4 oder bei Klasse 2 mit negativer Dynamik. Quartiere unter der Mindesteinwohnerzahl oder ohne Wert in einem gewählten Feld werden ausgelassen und nicht klassifiziert.

Die Ausgabe wird mit vier Statusfarben geladen; Quartiere mit Aufmerksamkeitsbedarf sind umrandet.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="359" />
      <source>Confidence interval</source>
      <translation>Konfidenzintervall</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="360" />
      <source>Confidential</source>
      <translation>Vertraulich</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="463" />
      <source>Confidentiality audit</source>
      <translation>Geheimhaltungsprüfung</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="174" />
      <source>Confidentiality audit: {cells} hidden counts audited ({small} small counts, {population} in quartiers or totals under the minimum population); {secondary} cells hidden beyond primary suppression ({primary} by primary suppression), {totals} municipality or county values hidden; {seconds:.2f} s.</source>
      <translation>Geheimhaltungsprüfung: {cells} gesperrte Fallzahlen geprüft ({small} kleine Fallzahlen, {population} in Quartieren oder Summen unter der Mindesteinwohnerzahl); {secondary} Zellen über die primäre Sperrung hinaus gesperrt ({primary} durch primäre Sperrung), {totals} Gemeinde- oder Kreiswerte gesperrt; {seconds:.2f} s.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="364" />
      <source>Confidentiality rule</source>
      <translation>Geheimhaltungsregel</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="399" />
      <source>Content</source>
      <translation>Inhalt</translation>
    </message>
    <message>
      <location filename="processing_provider/vector_output.py" line="233" />
      <source>Copying into the PostGIS table {} with GDAL…</source>
      <translation>Kopiere mit GDAL in die PostGIS-Tabelle {}…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="152" />
      <source>Correct for multiple testing (FDR)</source>
      <translation>Für multiples Testen korrigieren (FDR)</translation>
    </message>
    <message>
      <location filename="processing_provider/postgis_io.py" line="95" />
      <source>Could not connect to the PostGIS database ({}).</source>
      <translation>Keine Verbindung zur PostGIS-Datenbank ({}).</translation>
    </message>
    <message>
      <source>Could not copy “{}” into a memory layer.</source>
      <translation type="obsolete">„{}“ konnte nicht in einen temporären Speicherlayer kopiert werden.</translation>
    </message>
    <message>
      <source>Could not create the output “{}”.</source>
      <translation type="obsolete">Die Ausgabe „{}“ konnte nicht angelegt werden.</translation>
    </message>
    <message>
      <source>Could not write address {} to the output: {}</source>
      <translation type="obsolete">Adresse {} konnte nicht in die Ausgabe geschrieben werden: {}</translation>
    </message>
    <message>
      <source>Could not write quartier '{}' to the output: {}</source>
      <translation type="obsolete">Quartier '{}' konnte nicht in die Ausgabe geschrieben werden: {}</translation>
    </message>
    <message>
      <source>Could not write row {} to the output: {}</source>
      <translation type="obsolete">Zeile {} konnte nicht in die Ausgabe geschrieben werden: {}</translation>
    </message>
    <message>
      <source>Could not write the OUTPUT table: {}</source>
      <translation type="obsolete">Die OUTPUT-Tabelle konnte nicht geschrieben werden: {}</translation>
    </message>
    <message>
      <location filename="processing_provider/postgis_io.py" line="218" />
      <source>Could not write the PostGIS table {} ({}): {}</source>
      <translation>Die PostGIS-Tabelle {} ({}) konnte nicht geschrieben werden: {}</translation>
    </message>
    <message>
      <source>Could not write the SUMMARY layer: {}</source>
      <translation type="obsolete">Der SUMMARY-Layer konnte nicht geschrieben werden: {}</translation>
    </message>
    <message>
      <source>Could not write the report “{}”: {}</source>
      <translation type="obsolete">Der Bericht „{}“ konnte nicht geschrieben werden: {}</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="43" />
      <source>Could not write “{}”.</source>
      <translation>„{}“ konnte nicht geschrieben werden.</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="42" />
      <source>Could not write “{}”: {}</source>
      <translation>„{}“ konnte nicht geschrieben werden: {}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="99" />
      <source>Count records per quartier</source>
      <translation>Datensätze je Quartier zählen</translation>
    </message>
    <message>
      <source>Counts offerings (e.g. grocery stores, bus stops, counselling services) per quartier, overall and per category, and measures how far the residents live from the nearest one.

For each address the straight-line distance to the nearest offering is computed in the quartier layer's CRS (metres; offerings outside the quartiers count too). Per quartier the output adds: n_offerings and n_&lt;category&gt;; pop_total (residents of its addresses); pop_far (residents farther than DISTANCE: the numerator of the catalog's W.1 with grocery stores at 500 m and W.2 with stops at 300 m); offerings_per_1000 residents; share_within_distance (percent of residents within DISTANCE); median_distance_m (population-weighted median: the distance within which half of the residents live); white_spot (1 when the share is below the white spot threshold, else 0). Without addresses only the counts are filled.

Addresses and offerings in another CRS are reprojected. The quartier layer needs a known projected CRS; a layer with an unknown CRS (e.g. GeoPackage's 'Undefined geographic SRS') is an error. Residents should be a number field; a text field is read with a decimal point or comma ('3,5' is 3.5, and the log says how many values were read so). Residents that are no number ('k.A.'), ambiguous ('1.234': decimal or thousands separator?), negative or empty count as 0 and are reported in the log. The optional address output holds each address with its quartier_id, nearest_distance_m and within_distance.</source>
      <translation type="obsolete">Zählt Angebote (z. B. Lebensmittelgeschäfte, Haltestellen, Beratungsstellen) je Quartier, insgesamt und je Kategorie, und misst, wie weit die Einwohner vom nächsten Angebot entfernt wohnen.

Für jede Adresse wird die Luftlinienentfernung zum nächsten Angebot im KBS des Quartierslayers berechnet (Meter; Angebote außerhalb der Quartiere zählen mit). Je Quartier ergänzt die Ausgabe: n_offerings und n_&lt;Kategorie&gt;; pop_total (Einwohner seiner Adressen); pop_far (Einwohner weiter als DISTANCE entfernt: der Zähler von W.1 des Katalogs mit Lebensmittelgeschäften bei 500 m und W.2 mit Haltestellen bei 300 m); offerings_per_1000 Einwohner; share_within_distance (Prozent der Einwohner innerhalb von DISTANCE); median_distance_m (bevölkerungsgewichteter Median: die Entfernung, innerhalb derer die Hälfte der Einwohner wohnt); white_spot (1, wenn der Anteil unter der Schwelle für weiße Flecken liegt, sonst 0). Ohne Adressen werden nur die Anzahlen gefüllt.

Adressen und Angebote in einem anderen KBS werden umprojiziert. Der Quartierslayer braucht ein bekanntes projiziertes KBS; ein Layer mit unbekanntem KBS (z. B. „Undefined geographic SRS“ eines GeoPackages) ist ein Fehler. Einwohner sollten ein Zahlenfeld sein; ein Textfeld wird mit Dezimalpunkt oder -komma gelesen („3,5“ ist 3,5, und das Protokoll nennt, wie viele Werte so gelesen wurden). Einwohnerangaben, die keine Zahl sind („k.A.“), mehrdeutig sind („1.234“: Dezimal- oder Tausendertrennzeichen?), negativ oder leer, zählen als 0 und werden im Protokoll gemeldet. Die optionale Adressausgabe enthält jede Adresse mit quartier_id, nearest_distance_m und within_distance.</translation>
    </message>
    <message>
      <source>Counts offerings (e.g. grocery stores, bus stops, counselling services) per quartier, overall and per category, and measures how far the residents live from the nearest one.

For each address the straight-line distance to the nearest offering is computed in the quartier layer's CRS (metres; offerings outside the quartiers count too). Per quartier the output adds: n_offerings and n_&lt;category&gt;; pop_total (residents of its addresses); pop_far (residents farther than DISTANCE: the numerator of the catalog's W.1 with grocery stores at 500 m and W.2 with stops at 300 m); offerings_per_1000 residents; share_within_distance (percent of residents within DISTANCE); median_distance_m (population-weighted median: the distance within which half of the residents live); white_spot (1 when the share is below the white spot threshold, else 0). Without addresses only the counts are filled.

Addresses and offerings in another CRS are reprojected. The quartier layer needs a projected CRS. Residents given as text, negative or empty count as 0 and are reported in the log. The optional address output holds each address with its quartier_id, nearest_distance_m and within_distance.</source>
      <translation type="obsolete">Zählt Angebote (z. B. Lebensmittelgeschäfte, Haltestellen, Beratungsstellen) je Quartier, insgesamt und je Kategorie, und misst, wie weit die Einwohner vom nächsten Angebot entfernt wohnen.

Für jede Adresse wird die Luftlinienentfernung zum nächsten Angebot im KBS des Quartierslayers berechnet (Meter; Angebote außerhalb der Quartiere zählen mit). Je Quartier ergänzt die Ausgabe: n_offerings und n_&lt;Kategorie&gt;; pop_total (Einwohner seiner Adressen); pop_far (Einwohner weiter als DISTANCE entfernt: der Zähler von W.1 des Katalogs mit Lebensmittelgeschäften bei 500 m und W.2 mit Haltestellen bei 300 m); offerings_per_1000 Einwohner; share_within_distance (Prozent der Einwohner innerhalb von DISTANCE); median_distance_m (bevölkerungsgewichteter Median: die Entfernung, innerhalb derer die Hälfte der Einwohner wohnt); white_spot (1, wenn der Anteil unter der Schwelle für weiße Flecken liegt, sonst 0). Ohne Adressen werden nur die Anzahlen gefüllt.

Adressen und Angebote in einem anderen KBS werden umprojiziert. Der Quartierslayer braucht ein projiziertes KBS. Einwohnerzahlen als Text, negativ oder leer zählen als 0 und werden im Protokoll gemeldet. Die optionale Adressausgabe enthält jede Adresse mit quartier_id, nearest_distance_m und within_distance.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="79" />
      <source>Counts offerings (e.g. grocery stores, bus stops, counselling services) per quartier, overall and per category, and measures how far the residents live from the nearest one.

For each address the straight-line distance to the nearest offering is computed in the quartier layer's CRS (metres; offerings outside the quartiers count too). Per quartier the output adds: n_offerings and n_&lt;category&gt;; pop_total (residents of its addresses); pop_far (residents farther than DISTANCE: the numerator of the catalog's W.1 with grocery stores at 500 m and W.2 with stops at 300 m); offerings_per_1000 residents; share_within_distance (percent of residents within DISTANCE); median_distance_m (population-weighted median: the distance within which half of the residents live); white_spot (1 when the share is below the white spot threshold, else 0). Without addresses only the counts are filled.

These overall figures use the nearest offering of any kind. With a category field every distance measure exists per category as well (the nearest offering of that category: how far to the next Kita?): pop_far_&lt;category&gt;, offerings_per_1000_&lt;category&gt;, share_within_distance_&lt;category&gt;, median_distance_m_&lt;category&gt; and white_spot_&lt;category&gt;, with the same &lt;category&gt; as n_&lt;category&gt; (lower case, umlauts spelled out, e.g. n_kita and pop_far_kita); they equal a run on that category's offerings alone. Offerings without a category count in n_no_category and in the overall figures only. Field names are cut to 63 characters and numbered (_2, _3 …) where needed.

Addresses and offerings in another CRS are reprojected. The quartier layer needs a known projected CRS; a layer with an unknown CRS (e.g. GeoPackage's 'Undefined geographic SRS') is an error. Residents should be a number field; a text field is read with a decimal point or comma ('3,5' is 3.5, and the log says how many values were read so). Residents that are no number ('k.A.'), ambiguous ('1.234': decimal or thousands separator?), negative or empty count as 0 and are reported in the log. The optional address output holds each address with its quartier_id, nearest_distance_m and within_distance (and nearest_distance_m_&lt;category&gt; and within_distance_&lt;category&gt; for each category). An address field of one of these names (any case, or its 10-character shapefile cut when that stands for one of them only), e.g. from an earlier run, is replaced in its place, and the log says so.</source>
      <translation>Zählt Angebote (z. B. Lebensmittelgeschäfte, Haltestellen, Beratungsstellen) je Quartier, insgesamt und je Kategorie, und misst, wie weit die Einwohner vom nächsten Angebot entfernt wohnen.

Für jede Adresse wird die Luftlinienentfernung zum nächsten Angebot im KBS des Quartierslayers berechnet (Meter; Angebote außerhalb der Quartiere zählen mit). Je Quartier ergänzt die Ausgabe: n_offerings und n_&lt;Kategorie&gt;; pop_total (Einwohner seiner Adressen); pop_far (Einwohner weiter als DISTANCE entfernt: der Zähler von W.1 des Katalogs mit Lebensmittelgeschäften bei 500 m und W.2 mit Haltestellen bei 300 m); offerings_per_1000 Einwohner; share_within_distance (Prozent der Einwohner innerhalb von DISTANCE); median_distance_m (bevölkerungsgewichteter Median: die Entfernung, innerhalb derer die Hälfte der Einwohner wohnt); white_spot (1, wenn der Anteil unter der Schwelle für weiße Flecken liegt, sonst 0). Ohne Adressen werden nur die Anzahlen gefüllt.

Diese Gesamtwerte beziehen sich auf das nächste Angebot beliebiger Art. Mit einem Kategoriefeld gibt es jedes Entfernungsmaß zusätzlich je Kategorie (das nächste Angebot dieser Kategorie: wie weit ist es zur nächsten Kita?): pop_far_&lt;Kategorie&gt;, offerings_per_1000_&lt;Kategorie&gt;, share_within_distance_&lt;Kategorie&gt;, median_distance_m_&lt;Kategorie&gt; und white_spot_&lt;Kategorie&gt;, mit derselben &lt;Kategorie&gt; wie in n_&lt;Kategorie&gt; (klein geschrieben, Umlaute ausgeschrieben, z. B. n_kita und pop_far_kita); sie sind gleich einem Lauf nur mit den Angeboten dieser Kategorie. Angebote ohne Kategorie zählen nur in n_no_category und in den Gesamtwerten. Feldnamen werden auf 63 Zeichen gekürzt und wo nötig nummeriert (_2, _3 …).

Adressen und Angebote in einem anderen KBS werden umprojiziert. Der Quartierslayer braucht ein bekanntes projiziertes KBS; ein Layer mit unbekanntem KBS (z. B. „Undefined geographic SRS“ eines GeoPackages) ist ein Fehler. Einwohner sollten ein Zahlenfeld sein; ein Textfeld wird mit Dezimalpunkt oder -komma gelesen („3,5“ ist 3,5, und das Protokoll nennt, wie viele Werte so gelesen wurden). Einwohnerangaben, die keine Zahl sind („k.A.“), mehrdeutig sind („1.234“: Dezimal- oder Tausendertrennzeichen?), negativ oder leer, zählen als 0 und werden im Protokoll gemeldet. Die optionale Adressausgabe enthält jede Adresse mit quartier_id, nearest_distance_m und within_distance (und je Kategorie nearest_distance_m_&lt;Kategorie&gt; und within_distance_&lt;Kategorie&gt;). Ein Adressfeld mit einem dieser Namen (in beliebiger Schreibweise oder in seiner auf 10 Zeichen gekürzten Shapefile-Form, wenn diese nur für einen von ihnen steht), z. B. aus einem früheren Lauf, wird an seiner Stelle ersetzt, und das Protokoll nennt es.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="161" />
      <source>Counts per quartier</source>
      <translation>Anzahlen je Quartier</translation>
    </message>
    <message>
      <source>Counts records (e.g. residents from the population register, benefit recipients, births) per quartier, optionally split into groups and age bands and weighted.

INPUT is either a point layer together with QUARTIERS (each point is placed in its quartier exactly as in 'Assign addresses to quartiers': border points go to the smallest id), or a table with a quartier id: the field named QUARTIER_ID (or, failing that, the field quartier_id written by 'Assign addresses to quartiers'). Ids are compared as trimmed text, so 101 and '0101' differ: such mismatches are reported with examples.

OUTPUT is a table with one row per quartier (all quartiers of QUARTIERS, zero-filled; without QUARTIERS, the ids found in INPUT), the id field, total, and one column per group: n_&lt;value&gt; for GROUP_FIELD, age_&lt;from&gt;_&lt;to&gt; for AGE_BANDS (whole years, e.g. '0-14,15-64,65-'; the last band may be open), both combined when both are given. With WEIGHT_FIELD the weights are summed instead of counting records. Records without a quartier (outside, no geometry, NULL or unknown id) and without an age are counted in the log.</source>
      <translation type="obsolete">Zählt Datensätze (z. B. Einwohner aus dem Melderegister, Leistungsbeziehende, Geburten) je Quartier, wahlweise aufgeteilt nach Gruppen und Altersgruppen und gewichtet.

INPUT ist entweder ein Punktlayer zusammen mit QUARTIERS (jeder Punkt wird genau wie in „Adressen Quartieren zuordnen“ seinem Quartier zugeordnet: Grenzpunkte gehen an die kleinste Kennung) oder eine Tabelle mit einer Quartierskennung: dem Feld namens QUARTIER_ID (oder, falls es fehlt, dem von „Adressen Quartieren zuordnen“ geschriebenen Feld quartier_id). Kennungen werden als getrimmter Text verglichen, 101 und „0101“ sind also verschieden: solche Abweichungen werden mit Beispielen gemeldet.

OUTPUT ist eine Tabelle mit einer Zeile je Quartier (alle Quartiere aus QUARTIERS, mit Nullen aufgefüllt; ohne QUARTIERS die in INPUT gefundenen Kennungen), dem Kennungsfeld, total und einer Spalte je Gruppe: n_&lt;Wert&gt; für GROUP_FIELD, age_&lt;von&gt;_&lt;bis&gt; für AGE_BANDS (ganze Jahre, z. B. „0-14,15-64,65-“; die letzte Gruppe darf offen sein), beides kombiniert, wenn beides angegeben ist. Mit WEIGHT_FIELD werden die Gewichte summiert statt Datensätze gezählt. Datensätze ohne Quartier (außerhalb, ohne Geometrie, Kennung NULL oder unbekannt) und ohne Alter werden im Protokoll gezählt.</translation>
    </message>
    <message>
      <source>Counts records (e.g. residents from the population register, benefit recipients, births) per quartier, optionally split into groups and age bands and weighted.

INPUT is either a point layer together with QUARTIERS (each point is placed in its quartier exactly as in 'Assign addresses to quartiers': border points go to the smallest id), or a table with a quartier id: the field named QUARTIER_ID (or, failing that, the field quartier_id written by 'Assign addresses to quartiers'). Ids are compared as trimmed text, so 101 and '0101' differ: such mismatches are reported with examples.

OUTPUT is a table with one row per quartier (all quartiers of QUARTIERS, zero-filled; without QUARTIERS, the ids found in INPUT), the id field, total, and one column per group: n_&lt;value&gt; for GROUP_FIELD, age_&lt;from&gt;_&lt;to&gt; for AGE_BANDS (whole years, e.g. '0-14,15-64,65-'; the last band may be open), both combined when both are given. With WEIGHT_FIELD the weights are summed instead of counting records. Records without a quartier (outside, no geometry, NULL or unknown id) and without an age are counted in the log.

A spreadsheet (XLSX or ODS; pick the sheet as its layer, e.g. 'file.xlsx|layername=Sheet2') may have title rows above its column names: the first row holding the quartier id field's name is taken as the header and the rows above it are skipped (logged). Numbers stored as text are read the German way ('1.234' = 1234, '3,5' = 3.5); suppressed or empty weights ('k.A.', '*', '-', '.', 'x') are no data: the quartiers of such records get NULL, never 0. Ids whose leading zeros the spreadsheet dropped (101 for '0101') are padded with zeros when that is unambiguous (all quartier ids are digits of one length), and the log lists them; otherwise the log explains how to fix the id column.</source>
      <translation type="obsolete">Zählt Datensätze (z. B. Einwohner aus dem Melderegister, Leistungsbeziehende, Geburten) je Quartier, wahlweise aufgeteilt nach Gruppen und Altersgruppen und gewichtet.

INPUT ist entweder ein Punktlayer zusammen mit QUARTIERS (jeder Punkt wird genau wie in „Adressen Quartieren zuordnen“ seinem Quartier zugeordnet: Grenzpunkte gehen an die kleinste Kennung) oder eine Tabelle mit einer Quartierskennung: dem Feld namens QUARTIER_ID (oder, falls es fehlt, dem von „Adressen Quartieren zuordnen“ geschriebenen Feld quartier_id). Kennungen werden als getrimmter Text verglichen, 101 und „0101“ sind also verschieden: solche Abweichungen werden mit Beispielen gemeldet.

OUTPUT ist eine Tabelle mit einer Zeile je Quartier (alle Quartiere aus QUARTIERS, mit Nullen aufgefüllt; ohne QUARTIERS die in INPUT gefundenen Kennungen), dem Kennungsfeld, total und einer Spalte je Gruppe: n_&lt;Wert&gt; für GROUP_FIELD, age_&lt;von&gt;_&lt;bis&gt; für AGE_BANDS (ganze Jahre, z. B. „0-14,15-64,65-“; die letzte Gruppe darf offen sein), beides kombiniert, wenn beides angegeben ist. Mit WEIGHT_FIELD werden die Gewichte summiert statt Datensätze gezählt. Datensätze ohne Quartier (außerhalb, ohne Geometrie, Kennung NULL oder unbekannt) und ohne Alter werden im Protokoll gezählt.

Eine Tabellenkalkulationsdatei (XLSX oder ODS; das Blatt als Layer wählen, z. B. „datei.xlsx|layername=Tabelle2“) darf Titelzeilen über den Spaltennamen haben: Die erste Zeile, die den Namen des Quartierskennungsfelds enthält, gilt als Kopfzeile, die Zeilen darüber werden übersprungen (im Protokoll vermerkt). Als Text gespeicherte Zahlen werden deutsch gelesen („1.234“ = 1234, „3,5“ = 3,5); gesperrte oder leere Gewichte („k.A.“, „*“, „-“, „.“, „x“) sind keine Angabe: Die Quartiere solcher Datensätze erhalten NULL, nie 0. Kennungen, deren führende Nullen die Tabellenkalkulation entfernt hat (101 statt „0101“), werden mit Nullen aufgefüllt, wenn das eindeutig ist (alle Quartierskennungen bestehen aus Ziffern gleicher Länge), und das Protokoll nennt sie; sonst erklärt das Protokoll, wie die Kennungsspalte zu korrigieren ist.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="105" />
      <source>Counts records (e.g. residents from the population register, benefit recipients, births) per quartier, optionally split into groups and age bands and weighted.

INPUT is either a point layer together with QUARTIERS (each point is placed in its quartier exactly as in 'Assign addresses to quartiers': border points go to the smallest id), or a table with a quartier id: the field named QUARTIER_ID (or, failing that, the field quartier_id written by 'Assign addresses to quartiers'). Ids are compared as trimmed text, so 101 and '0101' differ: such mismatches are reported with examples.

OUTPUT is a table with one row per quartier (all quartiers of QUARTIERS, zero-filled; without QUARTIERS, the ids found in INPUT), the id field, total, and one column per group: n_&lt;value&gt; for GROUP_FIELD, age_&lt;from&gt;_&lt;to&gt; for AGE_BANDS (whole years, e.g. '0-14,15-64,65-'; the last band may be open), both combined when both are given. With WEIGHT_FIELD the weights are summed instead of counting records; in a layer a NULL weight counts as 0 (an address without registered residents) and the log says how many records had none. Records without a quartier (outside, no geometry, NULL or unknown id) and without an age are counted in the log.

A spreadsheet (XLSX or ODS; pick the sheet as its layer, e.g. 'file.xlsx|layername=Sheet2') may have title rows above its column names: the first row holding the quartier id field's name is taken as the header and the rows above it are skipped (logged). Numbers stored as text are read the German way ('1.234' = 1234, '3,5' = 3.5); suppressed or empty weights ('k.A.', '*', '-', '.', 'x') are no data: the quartiers of such records get NULL, never 0. Ids whose leading zeros the spreadsheet dropped (101 for '0101') are padded with zeros when that is unambiguous (all quartier ids are digits of one length), and the log lists them; otherwise the log explains how to fix the id column.</source>
      <translation>Zählt Datensätze (z. B. Einwohner aus dem Melderegister, Leistungsbeziehende, Geburten) je Quartier, wahlweise aufgeteilt nach Gruppen und Altersgruppen und gewichtet.

INPUT ist entweder ein Punktlayer zusammen mit QUARTIERS (jeder Punkt wird genau wie in „Adressen Quartieren zuordnen“ seinem Quartier zugeordnet: Grenzpunkte gehen an die kleinste Kennung) oder eine Tabelle mit einer Quartierskennung: dem Feld namens QUARTIER_ID (oder, falls es fehlt, dem von „Adressen Quartieren zuordnen“ geschriebenen Feld quartier_id). Kennungen werden als getrimmter Text verglichen, 101 und „0101“ sind also verschieden: solche Abweichungen werden mit Beispielen gemeldet.

OUTPUT ist eine Tabelle mit einer Zeile je Quartier (alle Quartiere aus QUARTIERS, mit Nullen aufgefüllt; ohne QUARTIERS die in INPUT gefundenen Kennungen), dem Kennungsfeld, total und einer Spalte je Gruppe: n_&lt;Wert&gt; für GROUP_FIELD, age_&lt;von&gt;_&lt;bis&gt; für AGE_BANDS (ganze Jahre, z. B. „0-14,15-64,65-“; die letzte Gruppe darf offen sein), beides kombiniert, wenn beides angegeben ist. Mit WEIGHT_FIELD werden die Gewichte summiert statt Datensätze gezählt; in einem Layer zählt ein Gewicht NULL als 0 (eine Adresse ohne gemeldete Einwohner), und das Protokoll nennt, wie viele Datensätze keines hatten. Datensätze ohne Quartier (außerhalb, ohne Geometrie, Kennung NULL oder unbekannt) und ohne Alter werden im Protokoll gezählt.

Eine Tabellenkalkulationsdatei (XLSX oder ODS; das Blatt als Layer wählen, z. B. „datei.xlsx|layername=Tabelle2“) darf Titelzeilen über den Spaltennamen haben: Die erste Zeile, die den Namen des Quartierskennungsfelds enthält, gilt als Kopfzeile, die Zeilen darüber werden übersprungen (im Protokoll vermerkt). Als Text gespeicherte Zahlen werden deutsch gelesen („1.234“ = 1234, „3,5“ = 3,5); gesperrte oder leere Gewichte („k.A.“, „*“, „-“, „.“, „x“) sind keine Angabe: Die Quartiere solcher Datensätze erhalten NULL, nie 0. Kennungen, deren führende Nullen die Tabellenkalkulation entfernt hat (101 statt „0101“), werden mit Nullen aufgefüllt, wenn das eindeutig ist (alle Quartierskennungen bestehen aus Ziffern gleicher Länge), und das Protokoll nennt sie; sonst erklärt das Protokoll, wie die Kennungsspalte zu korrigieren ist.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="96" />
      <source>Counts summed over {years} year(s) per quartier ({rows} rows).</source>
      <translation>Zählungen über {years} Jahr(e) je Quartier summiert ({rows} Zeilen).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="354" />
      <source>Counts table</source>
      <translation>Fallzahlentabelle</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="84" />
      <source>Counts table of the current year (one row per quartier).</source>
      <translation>Fallzahlentabelle des aktuellen Jahres (eine Zeile je Quartier).</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="85" />
      <source>Counts table of the previous year (same columns).</source>
      <translation>Fallzahlentabelle des Vorjahres (dieselben Spalten).</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="64" />
      <source>Counts table, current year</source>
      <translation>Fallzahlentabelle, aktuelles Jahr</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="65" />
      <source>Counts table, previous year</source>
      <translation>Fallzahlentabelle, Vorjahr</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="196" />
      <source>County</source>
      <translation>Kreis</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="500" />
      <source>Coverage</source>
      <translation>Abdeckung</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="134" />
      <source>Coverage distance (metres)</source>
      <translation>Abdeckungsentfernung (Meter)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="169" />
      <source>Coverage per quartier</source>
      <translation>Erreichbarkeit je Quartier</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="506" />
      <source>Covered after (with the new sites)</source>
      <translation>Nachher abgedeckt (mit den neuen Standorten)</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="504" />
      <source>Covered before (existing offerings)</source>
      <translation>Vorher abgedeckt (bestehende Angebote)</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="511" />
      <source>Covered in total</source>
      <translation>Insgesamt abgedeckt</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="80" />
      <source>Data as of</source>
      <translation>Datenstand</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="107" />
      <source>Data date (empty: the year recorded on the layer)</source>
      <translation>Datenstand (leer: das am Layer vermerkte Jahr)</translation>
    </message>
    <message>
      <location filename="mapsheets/sheet_text.py" line="48" />
      <source>Data: {date}</source>
      <translation>Datenstand: {date}</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="78" />
      <source>Date or year of the data, shown on the map sheets (prefilled from the indicator layer)</source>
      <translation>Datum oder Jahr der Daten, auf den Kartenblättern angegeben (vorbelegt aus dem Indikatorlayer)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="382" />
      <source>Decimals of published rates</source>
      <translation>Nachkommastellen der veröffentlichten Quoten</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="366" />
      <source>Decimals published</source>
      <translation>Veröffentlichte Nachkommastellen</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="502" />
      <source>Demand</source>
      <translation>Nachfrage</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="145" />
      <source>Demand field (e.g. children under 6; empty: 1 per address)</source>
      <translation>Nachfragefeld (z. B. Kinder unter 6; leer: 1 je Adresse)</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="534" />
      <source>Demand units (addresses with the same candidates merged)</source>
      <translation>Nachfrage-Einheiten (Adressen mit denselben Standortkandidaten zusammengefasst)</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="353" />
      <source>Denominator (column of the counts table)</source>
      <translation>Nenner (Spalte der Fallzahlentabelle)</translation>
    </message>
    <message>
      <location filename="ui/dock_funnel.py" line="86" />
      <source>Denominator ({column})</source>
      <translation>Nenner ({column})</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="107" />
      <source>Denominator 0, no value: {items}.</source>
      <translation>Nenner 0, kein Wert: {items}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="126" />
      <source>Denominator field (EB rates)</source>
      <translation>Nennerfeld (EB-Raten)</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="351" />
      <source>Description</source>
      <translation>Beschreibung</translation>
    </message>
    <message>
      <location filename="processing_provider/base.py" line="209" />
      <source>Did you mean field “{}”?</source>
      <translation>Ist das Feld „{}“ gemeint?</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="132" />
      <source>Directory city field</source>
      <translation>Verzeichnis: Feld Ort</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="120" />
      <source>Directory house number field</source>
      <translation>Verzeichnis: Feld Hausnummer</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="126" />
      <source>Directory postcode field</source>
      <translation>Verzeichnis: Feld Postleitzahl</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="114" />
      <source>Directory street field</source>
      <translation>Verzeichnis: Feld Straße</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="157" />
      <source>Distance (metres)</source>
      <translation>Entfernung (Meter)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="133" />
      <source>Distance band</source>
      <translation>Distanzband</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="140" />
      <source>Distance band (layer units)</source>
      <translation>Distanzband (Layer-Einheiten)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="157" />
      <source>Distance decay</source>
      <translation>Distanzabfall</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="419" />
      <source>Distances along the network ({} segments)…</source>
      <translation>Entfernungen entlang des Netzes ({} Abschnitte)…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="391" />
      <source>Distances from {} addresses to {} offerings…</source>
      <translation>Entfernungen von {} Adressen zu {} Angeboten…</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="141" />
      <source>Duplicate addresses (same coordinates)</source>
      <translation>Doppelte Adressen (gleiche Koordinaten)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="77" />
      <source>Duplicate quartier id and year in the counts table: {ex}.</source>
      <translation>Doppelte Quartiers-ID und Jahr in der Zähltabelle: {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="78" />
      <source>Duplicate quartier id(s) in column '{column}': {ex}.</source>
      <translation>Doppelte Quartiers-ID(s) in Spalte „{column}“: {ex}.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="193" />
      <source>Dynamics class</source>
      <translation>Dynamikklasse</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="193" />
      <source>Dynamics index</source>
      <translation>Dynamikindex</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="75" />
      <source>Empty (NULL) quartier id in column '{column}', row(s) {rows}.</source>
      <translation>Leere (NULL) Quartiers-ID in Spalte „{column}“, Zeile(n) {rows}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="80" />
      <source>Empty municipality in column '{column}' for quartier(s) {ex}.</source>
      <translation>Leere Gemeinde in Spalte „{column}“ für Quartier(e) {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="166" />
      <source>Empty: the field named like municipality_id; municipality rows need it.</source>
      <translation>Leer: das Feld mit einem Namen wie municipality_id; die Gemeindezeilen brauchen es.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="164" />
      <source>Empty: the field named like name.</source>
      <translation>Leer: das Feld mit einem Namen wie name.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="163" />
      <source>Empty: the field named like quartier_id.</source>
      <translation>Leer: das Feld mit einem Namen wie quartier_id.</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="93" />
      <source>Equal intervals</source>
      <translation>Gleiche Intervalle</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="355" />
      <source>Every demand a candidate can reach is covered: the solution is optimal.</source>
      <translation>Jede Nachfrage, die ein Standortkandidat erreichen kann, ist abgedeckt: die Lösung ist optimal.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="150" />
      <source>Excel workbook (XLSX)</source>
      <translation>Excel-Arbeitsmappe (XLSX)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="117" />
      <source>Existing offerings (points, optional)</source>
      <translation>Bestehende Angebote (Punkte, optional)</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="220" />
      <source>Export canceled: no files were written.</source>
      <translation>Export abgebrochen: Es wurden keine Dateien geschrieben.</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="221" />
      <source>Export failed: {error}</source>
      <translation>Export fehlgeschlagen: {error}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="50" />
      <source>Export map sheets</source>
      <translation>Kartenblätter exportieren</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="117" />
      <source>Export table</source>
      <translation>Tabelle exportieren</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="212" />
      <source>Exporting map sheets…</source>
      <translation>Kartenblätter werden exportiert …</translation>
    </message>
    <message>
      <source>Exports one map sheet per quartier from an atlas layout over the styled indicator layer (the indicator it shows now): the map zoomed to the quartier, its neighbours in their legend colours under a light veil (explained in the legend) and the quartier outlined; legend in the language of QGIS; scale bar and north arrow inside the map; a locator map of the whole county with the quartier marked; the title "id name" with the quartier's own value and rank beside it (a suppressed value reads as suppressed); the quartier's profile as a table (every indicator with quartier, municipality and county value, rank and significance) and a footer with source and data date.

Title: shown under the quartier's name with the indicator and the data date. Source and Data date (e.g. "Statistik Landkreis, Kommunalstatistik" and "31.12.2024"): in the footer, the subtitle and the PDF's document properties (title, subject, author, keywords); left empty, the source and year that calculateindicators recorded on the layer are used, else "not stated".

Only quartiers matching: an expression over the layer's fields; an invalid expression or one that matches no quartier is an error. Every quartier exported needs a unique, non-empty id (ids name the files): empty or duplicate ids are an error naming them.

Formats: one multi-page PDF, one PDF per quartier, or one PNG per quartier. File names are built from id and name and are safe whatever the quartier is called. Files are written only when every sheet succeeded; a failure or cancel leaves nothing behind. Outputs: Number of files written, Number of sheets (pages), Files written.

Your own template (.qpt) may replace the bundled A4 sheet: its map with the id 'map' (else its first map) is driven by the atlas; a map with the id 'locator' shows the county; a label with the id 'value' receives the quartier's value and rank; a manual table whose frame has the id 'profile_table' receives the profile; labels may use @atlas_pagename, @qm_title, @qm_indicator_name, @qm_subtitle, @qm_source, @qm_data_date, @qm_date and @qm_source_line.

Layout export runs on the main thread, as QGIS requires.</source>
      <translation type="obsolete">Exportiert ein Kartenblatt je Quartier aus einem Atlas-Layout über dem gestalteten Indikatorlayer (dem Indikator, den er gerade zeigt): die Karte auf das Quartier gezoomt, seine Nachbarn in ihren Legendenfarben unter einem leichten Schleier (in der Legende erklärt) und das Quartier umrandet; Legende in der Sprache von QGIS; Maßstabsleiste und Nordpfeil in der Karte; eine Übersichtskarte des ganzen Kreises mit markiertem Quartier; der Titel "Kennung Name" mit dem eigenen Wert und Rang des Quartiers daneben (ein gesperrter Wert erscheint als gesperrt); das Profil des Quartiers als Tabelle (jeder Indikator mit Quartiers-, Gemeinde- und Kreiswert, Rang und Signifikanz) und eine Fußzeile mit Quelle und Datenstand.

Titel: steht unter dem Namen des Quartiers mit dem Indikator und dem Datenstand. Quelle und Datenstand (z. B. "Statistik Landkreis, Kommunalstatistik" und "31.12.2024"): in der Fußzeile, im Untertitel und in den Dokumenteigenschaften der PDF (Titel, Thema, Autor, Stichwörter); leer gelassen gelten Quelle und Jahr, die calculateindicators am Layer vermerkt hat, sonst "nicht angegeben".

Nur Quartiere, die zutreffen: ein Ausdruck über die Felder des Layers; ein ungültiger Ausdruck oder einer, der kein Quartier trifft, ist ein Fehler. Jedes exportierte Quartier braucht eine eindeutige, nicht leere Kennung (Kennungen benennen die Dateien): leere oder doppelte Kennungen sind ein Fehler, der sie nennt.

Formate: eine mehrseitige PDF, eine PDF je Quartier oder ein PNG je Quartier. Dateinamen werden aus Kennung und Name gebildet und sind sicher, wie auch immer das Quartier heißt. Dateien werden nur geschrieben, wenn jedes Blatt gelungen ist; ein Fehler oder Abbruch hinterlässt nichts. Ausgaben: Anzahl geschriebener Dateien, Anzahl der Blätter (Seiten), Geschriebene Dateien.

Eine eigene Vorlage (.qpt) kann das mitgelieferte A4-Blatt ersetzen: ihre Karte mit der Kennung 'map' (sonst ihre erste Karte) wird vom Atlas gesteuert; eine Karte mit der Kennung 'locator' zeigt den Kreis; eine Beschriftung mit der Kennung 'value' erhält Wert und Rang des Quartiers; eine manuelle Tabelle, deren Rahmen die Kennung 'profile_table' hat, erhält das Profil; Beschriftungen können @atlas_pagename, @qm_title, @qm_indicator_name, @qm_subtitle, @qm_source, @qm_data_date, @qm_date und @qm_source_line verwenden.

Der Layout-Export läuft im Hauptthread, wie QGIS es verlangt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="53" />
      <source>Exports one map sheet per quartier from an atlas layout over the styled indicator layer (the indicator it shows now): the map zoomed to the quartier, its neighbours in their legend colours under a light veil (explained in the legend) and the quartier outlined; legend in the language of QGIS; scale bar and north arrow inside the map; a locator map of the whole county with the quartier marked; the title "id name" with the quartier's own value and rank beside it (a suppressed value reads as suppressed); the quartier's profile as a table (every indicator with quartier, municipality and county value, rank and significance, and its spine chart: the range of the quartiers with the worse end on the left, the 25th to 75th percentile darker, the county value as the centre line, the quartier as a circle coloured by its significance, no circle for a value not published) and a footer with source and data date.

Title: shown under the quartier's name with the indicator and the data date. Source and Data date (e.g. "Statistik Landkreis, Kommunalstatistik" and "31.12.2024"): in the footer, the subtitle and the PDF's document properties (title, subject, author, keywords); left empty, the source and year that calculateindicators recorded on the layer are used, else "not stated".

Only quartiers matching: an expression over the layer's fields; an invalid expression or one that matches no quartier is an error. Every quartier exported needs a unique, non-empty id (ids name the files): empty or duplicate ids are an error naming them.

Formats: one multi-page PDF, one PDF per quartier, or one PNG per quartier. File names are built from id and name and are safe whatever the quartier is called. Files are written only when every sheet succeeded; a failure or cancel leaves nothing behind. Outputs: Number of files written, Number of sheets (pages), Files written.

Your own template (.qpt) may replace the bundled A4 sheet: its map with the id 'map' (else its first map) is driven by the atlas; a map with the id 'locator' shows the county; a label with the id 'value' receives the quartier's value and rank; a manual table whose frame has the id 'profile_table' receives the profile; a picture with the id 'profile_spines' adds the spine chart column beside that table (as wide as the picture; the table's rows then get heights the sheet sets) and a label with the id 'spine_legend' receives the key to it; labels may use @atlas_pagename, @qm_title, @qm_indicator_name, @qm_subtitle, @qm_source, @qm_data_date, @qm_date and @qm_source_line.

Layout export runs on the main thread, as QGIS requires.</source>
      <translation>Exportiert ein Kartenblatt je Quartier aus einem Atlas-Layout über dem gestalteten Indikatorlayer (dem Indikator, den er gerade zeigt): die Karte auf das Quartier gezoomt, seine Nachbarn in ihren Legendenfarben unter einem leichten Schleier (in der Legende erklärt) und das Quartier umrandet; Legende in der Sprache von QGIS; Maßstabsleiste und Nordpfeil in der Karte; eine Übersichtskarte des ganzen Kreises mit markiertem Quartier; der Titel "Kennung Name" mit dem eigenen Wert und Rang des Quartiers daneben (ein gesperrter Wert erscheint als gesperrt); das Profil des Quartiers als Tabelle (jeder Indikator mit Quartiers-, Gemeinde- und Kreiswert, Rang und Signifikanz sowie seinem Spine-Diagramm: die Spannweite der Quartiere mit dem ungünstigeren Ende links, das 25. bis 75. Perzentil dunkler, der Kreiswert als Mittellinie, das Quartier als Kreis in der Farbe seiner Signifikanz, kein Kreis bei einem nicht veröffentlichten Wert) und eine Fußzeile mit Quelle und Datenstand.

Titel: steht unter dem Namen des Quartiers mit dem Indikator und dem Datenstand. Quelle und Datenstand (z. B. "Statistik Landkreis, Kommunalstatistik" und "31.12.2024"): in der Fußzeile, im Untertitel und in den Dokumenteigenschaften der PDF (Titel, Thema, Autor, Stichwörter); leer gelassen gelten Quelle und Jahr, die calculateindicators am Layer vermerkt hat, sonst "nicht angegeben".

Nur Quartiere, die zutreffen: ein Ausdruck über die Felder des Layers; ein ungültiger Ausdruck oder einer, der kein Quartier trifft, ist ein Fehler. Jedes exportierte Quartier braucht eine eindeutige, nicht leere Kennung (Kennungen benennen die Dateien): leere oder doppelte Kennungen sind ein Fehler, der sie nennt.

Formate: eine mehrseitige PDF, eine PDF je Quartier oder ein PNG je Quartier. Dateinamen werden aus Kennung und Name gebildet und sind sicher, wie auch immer das Quartier heißt. Dateien werden nur geschrieben, wenn jedes Blatt gelungen ist; ein Fehler oder Abbruch hinterlässt nichts. Ausgaben: Anzahl geschriebener Dateien, Anzahl der Blätter (Seiten), Geschriebene Dateien.

Eine eigene Vorlage (.qpt) kann das mitgelieferte A4-Blatt ersetzen: ihre Karte mit der Kennung 'map' (sonst ihre erste Karte) wird vom Atlas gesteuert; eine Karte mit der Kennung 'locator' zeigt den Kreis; eine Beschriftung mit der Kennung 'value' erhält Wert und Rang des Quartiers; eine manuelle Tabelle, deren Rahmen die Kennung 'profile_table' hat, erhält das Profil; ein Bild mit der Kennung 'profile_spines' fügt neben dieser Tabelle die Spalte der Spine-Diagramme an (so breit wie das Bild; die Zeilen der Tabelle erhalten dann vom Blatt gesetzte Höhen), und eine Beschriftung mit der Kennung 'spine_legend' erhält die Erläuterung dazu; Beschriftungen können @atlas_pagename, @qm_title, @qm_indicator_name, @qm_subtitle, @qm_source, @qm_data_date, @qm_date und @qm_source_line verwenden.

Der Layout-Export läuft im Hauptthread, wie QGIS es verlangt.</translation>
    </message>
    <message>
      <source>Exports one map sheet per quartier from an atlas layout over the styled indicator layer: the map zoomed to the quartier with its neighbours greyed for context, legend, scale bar, north arrow, a title with the quartier's name and the indicator shown, the quartier's profile as a table (every indicator with quartier, municipality and county value, rank and significance; suppressed values shown as suppressed) and a source and date line.

Formats: one multi-page PDF, one PDF per quartier, or one PNG per quartier. File names are built from id and name and are safe whatever the quartier is called. Files are written only when every sheet succeeded; a failure or cancel leaves nothing behind.

Your own template (.qpt) may replace the bundled A4 sheet: its first map item (or the one with id 'map') is driven by the atlas; a manual table whose frame has the id 'profile_table' receives the profile; labels may use @atlas_pagename, @qm_title, @qm_indicator_name, @qm_subtitle, @qm_source, @qm_date and @qm_source_line.

Layout export runs on the main thread, as QGIS requires.</source>
      <translation type="obsolete">Exportiert ein Kartenblatt je Quartier aus einem Atlas-Layout über dem gestalteten Indikatorlayer: die Karte auf das Quartier gezoomt, die Nachbarquartiere zur Orientierung grau überdeckt, Legende, Maßstabsleiste, Nordpfeil, ein Titel mit dem Namen des Quartiers und dem gezeigten Indikator, das Profil des Quartiers als Tabelle (jeder Indikator mit Wert des Quartiers, der Gemeinde und des Kreises, Rang und Signifikanz; gesperrte Werte als gesperrt) sowie eine Zeile mit Quelle und Datum.

Formate: ein mehrseitiges PDF, ein PDF je Quartier oder ein PNG je Quartier. Die Dateinamen werden aus Nummer und Name gebildet und sind sicher, wie auch immer das Quartier heißt. Dateien werden erst geschrieben, wenn alle Blätter gelungen sind; ein Fehler oder Abbruch hinterlässt nichts.

Eine eigene Vorlage (.qpt) kann das mitgelieferte A4-Blatt ersetzen: Ihr erstes Kartenelement (oder das mit der Kennung 'map') folgt dem Atlas; eine manuelle Tabelle, deren Rahmen die Kennung 'profile_table' hat, erhält das Profil; Beschriftungen können @atlas_pagename, @qm_title, @qm_indicator_name, @qm_subtitle, @qm_source, @qm_date und @qm_source_line verwenden.

Der Layoutexport läuft im Hauptthread, wie QGIS es verlangt.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="354" />
      <source>Factor</source>
      <translation>Faktor</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="147" />
      <source>Feature id</source>
      <translation>Objekt-ID</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="166" />
      <source>Feature ids: {}</source>
      <translation>Objekt-IDs: {}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="360" />
      <source>Field of the counts table with the quartier id.</source>
      <translation>Feld der Fallzahlentabelle mit der Quartiers-ID.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="102" />
      <source>Field of the quartiers holding their unique id (compared as text).</source>
      <translation>Feld der Quartiere mit ihrer eindeutigen Kennung (als Text verglichen).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="110" />
      <source>Field of the quartiers naming their municipality or district (e.g. BEZ): the REPORT counts the addresses per value. Empty: a field named municipality, gemeinde or ags, if there is one.</source>
      <translation>Feld der Quartiere mit ihrer Gemeinde oder ihrem Bezirk (z. B. BEZ): Der Bericht (REPORT) zählt die Adressen je Wert. Leer: ein Feld namens municipality, gemeinde oder ags, falls vorhanden.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="352" />
      <source>Field of the quartiers with the quartier id (compared as text after trimming).</source>
      <translation>Feld der Quartiere mit der Quartiers-ID (als Text ohne umgebende Leerzeichen verglichen).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="134" />
      <source>Field with the year of each row; the table needs at least 3 years.</source>
      <translation>Feld mit dem Jahr jeder Zeile; die Tabelle braucht mindestens 3 Jahre.</translation>
    </message>
    <message>
      <location filename="processing_provider/readers.py" line="296" />
      <source>Field “{}” not found in layer “{}”.</source>
      <translation>Feld „{}“ nicht in Layer „{}“ gefunden.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="214" />
      <source>Field “{}” of layer “{}” is not numeric and cannot be summed (parameter SUM_FIELDS).</source>
      <translation>Feld „{}“ des Layers „{}“ ist nicht numerisch und kann nicht summiert werden (Parameter SUM_FIELDS).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="272" />
      <source>Field “{}” of layer “{}” must be numeric (parameter {}).</source>
      <translation>Feld „{}“ des Layers „{}“ muss numerisch sein (Parameter {}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="237" />
      <source>Field “{}” of “{}” replaced by the new assignment and distances.</source>
      <translation>Feld „{}“ von „{}“ durch die neue Zuordnung und die neuen Entfernungen ersetzt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="174" />
      <source>Field “{}” of “{}” replaced by the new assignment.</source>
      <translation>Feld „{}“ von „{}“ durch die neue Zuordnung ersetzt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="261" />
      <source>Field “{}”: {} NULL values were not summed.</source>
      <translation>Feld „{}“: {} NULL-Werte wurden nicht summiert.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="346" />
      <source>Fields replaced by the new results: {}.</source>
      <translation>Durch die neuen Ergebnisse ersetzte Felder: {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="104" />
      <source>Fields to sum per quartier</source>
      <translation>Je Quartier zu summierende Felder</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="120" />
      <source>Files written</source>
      <translation>Geschriebene Dateien</translation>
    </message>
    <message>
      <source>Finds where high or low values cluster among neighbouring quartiers: hot and cold spots (Getis–Ord Gi*) or clusters and outliers (local Moran's I), with pseudo p-values from conditional permutations. The results equal PySAL's (esda) but PySAL is not needed.

Values: a numeric FIELD, or a NUMERATOR and DENOMINATOR (e.g. A1_num and A1_den): then the empirical-Bayes standardised rates of Assunção and Reis (1999) are analysed, which keep quartiers with few residents from standing out by chance. A NULL value, or one the layer flags as suppressed (&lt;F&gt;_flag other than 'ok'), is left out and never imputed; quartiers with a denominator of 0 or a numerator greater than the denominator (more cases than population at risk: a data error) too; the log names them. The weights are built among the quartiers analysed only.

Method: Gi* (binary weights, the quartier itself included, as esda.G_Local with star=True) or local Moran's I (row-standardised weights, as esda.Moran_Local).
Weights: queen contiguity (a common border point), rook contiguity (a common border segment; both by identical vertices, as PySAL), K nearest neighbours or a distance band (centroids within DISTANCE, in the layer's units). A quartier without neighbours (an island), or with every other quartier as a neighbour (nothing to compare it with), gets no result, and the log names it; when no quartier can be tested the run stops with an error.
Permutations: 999 by default; the seed makes a run repeatable. Alpha: the significance level. FDR: Benjamini–Hochberg correction of the p-values for the many quartiers tested at once.

Output: the input's quartiers and fields plus hs_z (Gi*: its z-score; local Moran: the local I standardised under conditional randomisation), hs_p (the pseudo p-value, Benjamini–Hochberg adjusted with FDR) and hs_class: 'hot spot', 'cold spot' or 'not significant' for Gi*; 'HH', 'LL' (clusters), 'HL', 'LH' (outliers: high among low, low among high) or 'not significant' for local Moran. All three are NULL where no result could be computed. Existing fields of these names are replaced. The output is loaded with one colour per class.</source>
      <translation type="obsolete">Findet, wo sich hohe oder niedrige Werte in benachbarten Quartieren häufen: Hot und Cold Spots (Getis–Ord Gi*) oder Cluster und Ausreißer (lokales Moran's I), mit Pseudo-p-Werten aus bedingten Permutationen. Die Ergebnisse gleichen denen von PySAL (esda), PySAL wird aber nicht gebraucht.

Werte: ein numerisches Feld FIELD oder ein Zähler NUMERATOR und ein Nenner DENOMINATOR (z. B. A1_num und A1_den): Dann werden die empirisch-bayes-standardisierten Raten nach Assunção und Reis (1999) untersucht, damit Quartiere mit wenigen Einwohnern nicht zufällig herausstechen. Ein NULL-Wert oder ein Wert, den der Layer als gesperrt kennzeichnet (&lt;F&gt;_flag ungleich 'ok'), wird ausgelassen und nie ersetzt; ebenso Quartiere mit einem Nenner von 0 oder einem Zähler größer als der Nenner (mehr Fälle als Bevölkerung unter Risiko: ein Datenfehler); das Protokoll nennt sie. Die Gewichte werden nur unter den untersuchten Quartieren gebildet.

Methode: Gi* (binäre Gewichte, das Quartier selbst eingeschlossen, wie esda.G_Local mit star=True) oder lokales Moran's I (zeilenstandardisierte Gewichte, wie esda.Moran_Local).
Nachbarn: Queen-Nachbarschaft (ein gemeinsamer Grenzpunkt), Rook-Nachbarschaft (ein gemeinsamer Grenzabschnitt; beide über identische Stützpunkte, wie PySAL), K nächste Nachbarn oder ein Distanzband (Schwerpunkte innerhalb von DISTANCE, in den Einheiten des Layers). Ein Quartier ohne Nachbarn (eine Insel) oder mit allen anderen Quartieren als Nachbarn (nichts, womit es sich vergleichen ließe) erhält kein Ergebnis, und das Protokoll nennt es; lässt sich kein Quartier testen, bricht der Lauf mit einem Fehler ab.
Permutationen: standardmäßig 999; der Startwert macht einen Lauf wiederholbar. Alpha: das Signifikanzniveau. FDR: Benjamini–Hochberg-Korrektur der p-Werte für die vielen gleichzeitig getesteten Quartiere.

Ausgabe: die Quartiere und Felder der Eingabe plus hs_z (Gi*: sein z-Wert; lokales Moran: das lokale I, standardisiert unter bedingter Randomisierung), hs_p (der Pseudo-p-Wert, mit FDR nach Benjamini–Hochberg angepasst) und hs_class: 'hot spot', 'cold spot' oder 'not significant' bei Gi*; 'HH', 'LL' (Cluster), 'HL', 'LH' (Ausreißer: hoch unter niedrigen, niedrig unter hohen) oder 'not significant' beim lokalen Moran. Alle drei sind NULL, wo kein Ergebnis berechnet werden konnte. Vorhandene Felder dieser Namen werden ersetzt. Die Ausgabe wird mit einer Farbe je Klasse geladen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="87" />
      <source>Finds where high or low values cluster among neighbouring quartiers: hot and cold spots (Getis–Ord Gi*) or clusters and outliers (local Moran's I), with pseudo p-values from conditional permutations. The results equal PySAL's (esda) but PySAL is not needed.

Values: a numeric FIELD, or a NUMERATOR and DENOMINATOR (e.g. A1_num and A1_den): then the empirical-Bayes standardised rates of Assunção and Reis (1999) are analysed, which keep quartiers with few residents from standing out by chance. A NULL value, or one the layer flags as suppressed (&lt;F&gt;_flag other than 'ok'), is left out and never imputed; quartiers with a denominator of 0 too; the log names them. A numerator greater than its denominator is analysed (a ratio such as the ageing index has one; for a share it would be a data error) and the log names those quartiers. The weights are built among the quartiers analysed only.

Method: Gi* (binary weights, the quartier itself included, as esda.G_Local with star=True) or local Moran's I (row-standardised weights, as esda.Moran_Local).
Weights: queen contiguity (a common border point), rook contiguity (a common border segment; both by identical vertices, as PySAL), K nearest neighbours or a distance band (centroids within DISTANCE, in the layer's units). A quartier without neighbours (an island), or with every other quartier as a neighbour (nothing to compare it with), gets no result, and the log names it; when no quartier can be tested the run stops with an error.
Permutations: 999 by default; the seed makes a run repeatable. Alpha: the significance level. FDR: Benjamini–Hochberg correction of the p-values for the many quartiers tested at once.

Output: the input's quartiers and fields plus hs_z (Gi*: its z-score; local Moran: the local I standardised under conditional randomisation), hs_p (the pseudo p-value, Benjamini–Hochberg adjusted with FDR) and hs_class: 'hot spot', 'cold spot' or 'not significant' for Gi*; 'HH', 'LL' (clusters), 'HL', 'LH' (outliers: high among low, low among high) or 'not significant' for local Moran. All three are NULL where no result could be computed. Existing fields of these names are replaced. The output is loaded with one colour per class.</source>
      <translation>Findet, wo sich hohe oder niedrige Werte in benachbarten Quartieren häufen: Hot und Cold Spots (Getis–Ord Gi*) oder Cluster und Ausreißer (lokales Moran's I), mit Pseudo-p-Werten aus bedingten Permutationen. Die Ergebnisse gleichen denen von PySAL (esda), PySAL wird aber nicht gebraucht.

Werte: ein numerisches Feld FIELD oder ein Zähler NUMERATOR und ein Nenner DENOMINATOR (z. B. A1_num und A1_den): Dann werden die empirisch-bayes-standardisierten Raten nach Assunção und Reis (1999) untersucht, damit Quartiere mit wenigen Einwohnern nicht zufällig herausstechen. Ein NULL-Wert oder ein Wert, den der Layer als gesperrt kennzeichnet (&lt;F&gt;_flag ungleich 'ok'), wird ausgelassen und nie ersetzt; ebenso Quartiere mit einem Nenner von 0; das Protokoll nennt sie. Ein Zähler größer als sein Nenner wird untersucht (ein Verhältnis wie der Aging-Index hat einen; bei einem Anteil wäre es ein Datenfehler), und das Protokoll nennt diese Quartiere. Die Gewichte werden nur unter den untersuchten Quartieren gebildet.

Methode: Gi* (binäre Gewichte, das Quartier selbst eingeschlossen, wie esda.G_Local mit star=True) oder lokales Moran's I (zeilenstandardisierte Gewichte, wie esda.Moran_Local).
Nachbarn: Queen-Nachbarschaft (ein gemeinsamer Grenzpunkt), Rook-Nachbarschaft (ein gemeinsamer Grenzabschnitt; beide über identische Stützpunkte, wie PySAL), K nächste Nachbarn oder ein Distanzband (Schwerpunkte innerhalb von DISTANCE, in den Einheiten des Layers). Ein Quartier ohne Nachbarn (eine Insel) oder mit allen anderen Quartieren als Nachbarn (nichts, womit es sich vergleichen ließe) erhält kein Ergebnis, und das Protokoll nennt es; lässt sich kein Quartier testen, bricht der Lauf mit einem Fehler ab.
Permutationen: standardmäßig 999; der Startwert macht einen Lauf wiederholbar. Alpha: das Signifikanzniveau. FDR: Benjamini–Hochberg-Korrektur der p-Werte für die vielen gleichzeitig getesteten Quartiere.

Ausgabe: die Quartiere und Felder der Eingabe plus hs_z (Gi*: sein z-Wert; lokales Moran: das lokale I, standardisiert unter bedingter Randomisierung), hs_p (der Pseudo-p-Wert, mit FDR nach Benjamini–Hochberg angepasst) und hs_class: 'hot spot', 'cold spot' oder 'not significant' bei Gi*; 'HH', 'LL' (Cluster), 'HL', 'LH' (Ausreißer: hoch unter niedrigen, niedrig unter hohen) oder 'not significant' beim lokalen Moran. Alle drei sind NULL, wo kein Ergebnis berechnet werden konnte. Vorhandene Felder dieser Namen werden ersetzt. Die Ausgabe wird mit einer Farbe je Klasse geladen.</translation>
    </message>
    <message>
      <source>Finds where high or low values cluster among neighbouring quartiers: hot and cold spots (Getis–Ord Gi*) or clusters and outliers (local Moran's I), with pseudo p-values from conditional permutations. The results equal PySAL's (esda) but PySAL is not needed.

Values: a numeric FIELD, or a NUMERATOR and DENOMINATOR (e.g. A1_num and A1_den): then the empirical-Bayes standardised rates of Assunção and Reis (1999) are analysed, which keep quartiers with few residents from standing out by chance. A NULL value, or one the layer flags as suppressed (&lt;F&gt;_flag other than 'ok'), is left out and never imputed; quartiers with a denominator of 0 too; the log names them. The weights are built among the quartiers analysed only.

Method: Gi* (binary weights, the quartier itself included, as esda.G_Local with star=True) or local Moran's I (row-standardised weights, as esda.Moran_Local).
Weights: queen contiguity (a common border point), rook contiguity (a common border segment; both by identical vertices, as PySAL), K nearest neighbours or a distance band (centroids within DISTANCE, in the layer's units). A quartier without neighbours (an island) gets no result, and the log names it.
Permutations: 999 by default; the seed makes a run repeatable. Alpha: the significance level. FDR: Benjamini–Hochberg correction of the p-values for the many quartiers tested at once.

Output: the input's quartiers and fields plus hs_z (Gi*: its z-score; local Moran: the local I standardised under conditional randomisation), hs_p (the pseudo p-value, Benjamini–Hochberg adjusted with FDR) and hs_class: 'hot spot', 'cold spot' or 'not significant' for Gi*; 'HH', 'LL' (clusters), 'HL', 'LH' (outliers: high among low, low among high) or 'not significant' for local Moran. All three are NULL where no result could be computed. Existing fields of these names are replaced. The output is loaded with one colour per class.</source>
      <translation type="obsolete">Findet, wo sich hohe oder niedrige Werte in benachbarten Quartieren häufen: Hot und Cold Spots (Getis–Ord Gi*) oder Cluster und Ausreißer (lokales Moran's I), mit Pseudo-p-Werten aus bedingten Permutationen. Die Ergebnisse gleichen denen von PySAL (esda), PySAL wird aber nicht gebraucht.

Werte: ein numerisches Feld FIELD oder ein Zähler NUMERATOR und ein Nenner DENOMINATOR (z. B. A1_num und A1_den): Dann werden die empirisch-bayes-standardisierten Raten nach Assunção und Reis (1999) untersucht, damit Quartiere mit wenigen Einwohnern nicht zufällig herausstechen. Ein NULL-Wert oder ein Wert, den der Layer als gesperrt kennzeichnet (&lt;F&gt;_flag ungleich 'ok'), wird ausgelassen und nie ersetzt; ebenso Quartiere mit einem Nenner von 0; das Protokoll nennt sie. Die Gewichte werden nur unter den untersuchten Quartieren gebildet.

Methode: Gi* (binäre Gewichte, das Quartier selbst eingeschlossen, wie esda.G_Local mit star=True) oder lokales Moran's I (zeilenstandardisierte Gewichte, wie esda.Moran_Local).
Nachbarn: Queen-Nachbarschaft (ein gemeinsamer Grenzpunkt), Rook-Nachbarschaft (ein gemeinsamer Grenzabschnitt; beide über identische Stützpunkte, wie PySAL), K nächste Nachbarn oder ein Distanzband (Schwerpunkte innerhalb von DISTANCE, in den Einheiten des Layers). Ein Quartier ohne Nachbarn (eine Insel) erhält kein Ergebnis, und das Protokoll nennt es.
Permutationen: standardmäßig 999; der Startwert macht einen Lauf wiederholbar. Alpha: das Signifikanzniveau. FDR: Benjamini–Hochberg-Korrektur der p-Werte für die vielen gleichzeitig getesteten Quartiere.

Ausgabe: die Quartiere und Felder der Eingabe plus hs_z (Gi*: sein z-Wert; lokales Moran: das lokale I, standardisiert unter bedingter Randomisierung), hs_p (der Pseudo-p-Wert, mit FDR nach Benjamini–Hochberg angepasst) und hs_class: 'hot spot', 'cold spot' oder 'not significant' bei Gi*; 'HH', 'LL' (Cluster), 'HL', 'LH' (Ausreißer: hoch unter niedrigen, niedrig unter hohen) oder 'not significant' beim lokalen Moran. Alle drei sind NULL, wo kein Ergebnis berechnet werden konnte. Vorhandene Felder dieser Namen werden ersetzt. Die Ausgabe wird mit einer Farbe je Klasse geladen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="423" />
      <source>For tables whose columns have other names, e.g. 'pop_total=EW_gesamt; sgb2_u65=SGB2_unter65'.</source>
      <translation>Für Tabellen, deren Spalten anders heißen, z. B. „pop_total=EW_gesamt; sgb2_u65=SGB2_unter65“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="435" />
      <source>For tables with one row per quartier and year: the counts of the selected years are summed (pooled) per quartier.</source>
      <translation>Für Tabellen mit einer Zeile je Quartier und Jahr: Die Fallzahlen der gewählten Jahre werden je Quartier summiert (gepoolt).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="109" />
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="133" />
      <source>Funnel plot</source>
      <translation>Trichterdiagramm</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="456" />
      <source>Further indicator ids of the catalog file (e.g. X.1,X.2)</source>
      <translation>Weitere Indikator-IDs aus der Katalogdatei (z. B. X.1,X.2)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="140" />
      <source>Fuzzy threshold: minimum similarity of street names (percent)</source>
      <translation>Unschärfe-Schwelle: Mindestähnlichkeit der Straßennamen (Prozent)</translation>
    </message>
    <message>
      <location filename="processing_provider/postgis_io.py" line="213" />
      <source>GDAL did not write the table.</source>
      <translation>GDAL hat die Tabelle nicht geschrieben.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="72" />
      <source>GDAL has no {driver} driver.</source>
      <translation>GDAL hat keinen {driver}-Treiber.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="511" />
      <source>Gain (newly covered)</source>
      <translation>Gewinn (neu abgedeckt)</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="118" />
      <source>Gap</source>
      <translation>Lücke</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="114" />
      <source>Gaps between quartiers</source>
      <translation>Lücken zwischen Quartieren</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="56" />
      <source>Geocode addresses by the address directory</source>
      <translation>Adressen über das Adressverzeichnis geokodieren</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="152" />
      <source>Geocoded addresses</source>
      <translation>Geokodierte Adressen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="131" />
      <source>Gi*: hot and cold spots; local Moran's I: clusters (HH, LL) and outliers (HL, LH).</source>
      <translation>Gi*: Hot und Cold Spots; lokales Moran's I: Cluster (HH, LL) und Ausreißer (HL, LH).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="227" />
      <source>Give both the numerator and the denominator field (EB rates), or a value field.</source>
      <translation>Geben Sie Zähler- und Nennerfeld (EB-Raten) oder ein Wertefeld an.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="230" />
      <source>Give either a value field or numerator and denominator, not both.</source>
      <translation>Geben Sie entweder ein Wertefeld oder Zähler und Nenner an, nicht beides.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="59" />
      <source>Gives each row of a table (e.g. a list of offerings with their addresses) the location of its address in the official address directory (a point layer). No network and no external geocoder are used.

Addresses are compared in stages; the first that succeeds wins:
exact (score 100): street, house number and, where both sides have them, postcode and city identical;
normalized (score 95, or 90 when only the plain house number matched, e.g. '12a' or '12-14' found as '12'): German spellings unified: 'Str.'/'Strasse'/'Straße', umlauts and ß, case, spaces and hyphens, house number suffixes ('12a', '12 A'), 'St.'/'Sankt';
fuzzy (score up to 89): the street name is misspelt but similar enough (similarity at least the fuzzy threshold) to exactly one street of the same postcode or city;
street (score up to 50): the street is found, the house number not: the point is the centroid of that street's addresses.
Postcode, then city, then the whole directory are searched; a wider area costs 5 points of score, and an address found in several places of the whole directory is ambiguous.

OUTPUT holds every input row with match_status (exact, normalized, fuzzy, street, unmatched), match_score (0-100) and match_address (the directory address used); unmatched rows have no geometry. UNMATCHED lists the rows not found with unmatched_reason: no_street, street_not_found, ambiguous or housenumber_not_found (only when the street fallback is off).

A CSV file is best loaded as a delimited text layer with its encoding (e.g. windows-1252) and separator set; text read with a wrong encoding is reported as an error.</source>
      <translation>Gibt jeder Zeile einer Tabelle (z. B. einer Liste von Angeboten mit ihren Adressen) die Lage ihrer Adresse im amtlichen Adressverzeichnis (einem Punktlayer). Es wird weder ein Netzwerk noch ein externer Geokodierer benutzt.

Adressen werden in Stufen verglichen; die erste erfolgreiche gilt:
exact (Wert 100): Straße, Hausnummer und, wo beide Seiten sie haben, Postleitzahl und Ort gleich;
normalized (Wert 95, oder 90, wenn nur die reine Hausnummer passte, z. B. '12a' oder '12-14' als '12' gefunden): deutsche Schreibweisen vereinheitlicht: 'Str.'/'Strasse'/'Straße', Umlaute und ß, Groß-/Kleinschreibung, Leerzeichen und Bindestriche, Hausnummernzusätze ('12a', '12 A'), 'St.'/'Sankt';
fuzzy (Wert bis 89): der Straßenname ist falsch geschrieben, aber genau einer Straße derselben Postleitzahl bzw. desselben Orts ähnlich genug (Ähnlichkeit mindestens die Unschärfe-Schwelle);
street (Wert bis 50): die Straße wird gefunden, die Hausnummer nicht: der Punkt ist der Schwerpunkt der Adressen dieser Straße.
Gesucht wird in der Postleitzahl, dann im Ort, dann im ganzen Verzeichnis; ein weiteres Suchgebiet kostet 5 Punkte, und eine Adresse, die im ganzen Verzeichnis an mehreren Stellen vorkommt, ist mehrdeutig.

OUTPUT enthält jede Eingabezeile mit match_status (exact, normalized, fuzzy, street, unmatched), match_score (0-100) und match_address (die verwendete Verzeichnisadresse); nicht gefundene Zeilen haben keine Geometrie. UNMATCHED listet die nicht gefundenen Zeilen mit unmatched_reason: no_street, street_not_found, ambiguous oder housenumber_not_found (nur wenn die Straßen-Ersatzlösung ausgeschaltet ist).

Eine CSV-Datei lädt man am besten als Layer mit Trennzeichen getrennter Werte (Delimited Text) mit gesetzter Kodierung (z. B. windows-1252) und gesetztem Trennzeichen; mit falscher Kodierung gelesener Text wird als Fehler gemeldet.</translation>
    </message>
    <message>
      <source>Gives every address point the id of the quartier it lies in.

OUTPUT: the addresses with all their fields plus quartier_id and assign_status: inside (in the interior of a quartier), boundary (exactly on a quartier border or vertex: it goes to the quartier with the smallest id among those touching it, always the same one), outside (in no quartier, quartier_id empty) or no_geometry (NULL or empty geometry). Where quartiers overlap, the smallest id wins. A multipoint address is placed by its first point; Z and M values are ignored.

Addresses in another CRS are reprojected to the quartiers' CRS for the assignment (the output keeps the addresses' CRS). Invalid quartier polygons (e.g. self-intersecting) are repaired for the computation and listed in the log and the report. Quartier ids are compared as text; NULL or duplicate ids are an error.

SUMMARY: the quartier polygons with their fields plus n_addresses and sum_&lt;field&gt; for each field chosen in SUM_FIELDS (e.g. residents); quartiers without addresses are kept with 0.

REPORT: an HTML page with the counts per status (and per municipality when the quartiers have a field municipality or gemeinde), duplicate addresses (same coordinates), overlaps and gaps between quartiers with their area, repaired quartier geometries and the addresses outside every quartier.

Large address files (a million points) are read and written by GDAL directly when they are a whole GeoPackage layer in the quartiers' CRS and OUTPUT is a file; other inputs take the slower general way through QGIS.</source>
      <translation type="obsolete">Gibt jedem Adresspunkt die Kennung des Quartiers, in dem er liegt.

OUTPUT: die Adressen mit allen Feldern sowie quartier_id und assign_status: inside (im Inneren eines Quartiers), boundary (genau auf einer Quartiersgrenze oder einem Stützpunkt: er kommt zum Quartier mit der kleinsten Kennung unter den berührten, immer zum selben), outside (in keinem Quartier, quartier_id leer) oder no_geometry (Geometrie NULL oder leer). Wo sich Quartiere überlappen, gewinnt die kleinste Kennung. Eine Multipunkt-Adresse wird nach ihrem ersten Punkt zugeordnet; Z- und M-Werte werden ignoriert.

Adressen in einem anderen KBS werden für die Zuordnung in das KBS der Quartiere umprojiziert (die Ausgabe behält das KBS der Adressen). Ungültige Quartierspolygone (z. B. selbstüberschneidend) werden für die Berechnung repariert und im Protokoll und im Bericht aufgeführt. Quartierskennungen werden als Text verglichen; NULL oder doppelte Kennungen sind ein Fehler.

SUMMARY: die Quartierspolygone mit ihren Feldern sowie n_addresses und sum_&lt;Feld&gt; für jedes in SUM_FIELDS gewählte Feld (z. B. Einwohner); Quartiere ohne Adressen bleiben mit 0 erhalten.

REPORT: eine HTML-Seite mit den Anzahlen je Status (und je Gemeinde, wenn die Quartiere ein Feld municipality oder gemeinde haben), doppelten Adressen (gleiche Koordinaten), Überlappungen und Lücken zwischen Quartieren mit ihrer Fläche, reparierten Quartiersgeometrien und den Adressen außerhalb aller Quartiere.

Große Adressdateien (eine Million Punkte) werden direkt mit GDAL gelesen und geschrieben, wenn sie ein ganzer GeoPackage-Layer im KBS der Quartiere sind und OUTPUT eine Datei ist; andere Eingaben nehmen den langsameren allgemeinen Weg über QGIS.</translation>
    </message>
    <message>
      <source>Gives every address point the id of the quartier it lies in.

OUTPUT: the addresses with all their fields plus quartier_id and assign_status: inside (in the interior of a quartier), boundary (exactly on a quartier border or vertex: it goes to the quartier with the smallest id among those touching it, always the same one), outside (in no quartier, quartier_id empty) or no_geometry (NULL or empty geometry). Where quartiers overlap, the smallest id wins. A multipoint address is placed by its first point; Z and M values are ignored.

Addresses in another CRS are reprojected to the quartiers' CRS for the assignment (the output keeps the addresses' CRS). Invalid quartier polygons (e.g. self-intersecting) are repaired for the computation and listed in the log and the report. Quartier ids are compared as text; NULL or duplicate ids are an error.

SUMMARY: the quartier polygons with their fields plus n_addresses and sum_&lt;field&gt; for each field chosen in SUM_FIELDS (e.g. residents); quartiers without addresses are kept with 0.

REPORT: an HTML page with the counts per status (and per municipality when the quartiers have a field municipality or gemeinde), duplicate addresses (same coordinates), overlaps and gaps between quartiers with their area, repaired quartier geometries and the addresses outside every quartier.

Large address files (a million points) take a fast way: a whole file layer (GeoPackage, shapefile …) is read by GDAL directly when it is in the quartiers' CRS, and an OUTPUT file (TEMPORARY_OUTPUT is a temporary GeoPackage) is written by GDAL and SQLite directly from it, with a spatial index; a memory: OUTPUT is copied from such a file by QGIS. Other inputs (memory layers, selected features, databases) take the slower general way through QGIS, with the same result.</source>
      <translation type="obsolete">Gibt jedem Adresspunkt die Kennung des Quartiers, in dem er liegt.

OUTPUT: die Adressen mit allen Feldern sowie quartier_id und assign_status: inside (im Inneren eines Quartiers), boundary (genau auf einer Quartiersgrenze oder einem Stützpunkt: er kommt zum Quartier mit der kleinsten Kennung unter den berührten, immer zum selben), outside (in keinem Quartier, quartier_id leer) oder no_geometry (Geometrie NULL oder leer). Wo sich Quartiere überlappen, gewinnt die kleinste Kennung. Eine Multipunkt-Adresse wird nach ihrem ersten Punkt zugeordnet; Z- und M-Werte werden ignoriert.

Adressen in einem anderen KBS werden für die Zuordnung in das KBS der Quartiere umprojiziert (die Ausgabe behält das KBS der Adressen). Ungültige Quartierspolygone (z. B. selbstüberschneidend) werden für die Berechnung repariert und im Protokoll und im Bericht aufgeführt. Quartierskennungen werden als Text verglichen; NULL oder doppelte Kennungen sind ein Fehler.

SUMMARY: die Quartierspolygone mit ihren Feldern sowie n_addresses und sum_&lt;Feld&gt; für jedes in SUM_FIELDS gewählte Feld (z. B. Einwohner); Quartiere ohne Adressen bleiben mit 0 erhalten.

REPORT: eine HTML-Seite mit den Anzahlen je Status (und je Gemeinde, wenn die Quartiere ein Feld municipality oder gemeinde haben), doppelten Adressen (gleiche Koordinaten), Überlappungen und Lücken zwischen Quartieren mit ihrer Fläche, reparierten Quartiersgeometrien und den Adressen außerhalb aller Quartiere.

Große Adressdateien (eine Million Punkte) nehmen einen schnellen Weg: ein ganzer Dateilayer (GeoPackage, Shapefile …) wird direkt von GDAL gelesen, wenn er im KBS der Quartiere vorliegt, und eine OUTPUT-Datei (TEMPORARY_OUTPUT ist ein temporäres GeoPackage) wird von GDAL und SQLite direkt daraus geschrieben, mit räumlichem Index; eine memory:-Ausgabe kopiert QGIS aus einer solchen Datei. Andere Eingaben (Speicherlayer, gewählte Objekte, Datenbanken) nehmen den langsameren allgemeinen Weg über QGIS, mit demselben Ergebnis.</translation>
    </message>
    <message>
      <source>Gives every address point the id of the quartier it lies in.

OUTPUT: the addresses with all their fields plus quartier_id and assign_status: inside (in the interior of a quartier), boundary (exactly on a quartier border or vertex: it goes to the quartier with the smallest id among those touching it, always the same one), outside (in no quartier, quartier_id empty) or no_geometry (NULL or empty geometry). Where quartiers overlap, the smallest id wins. A multipoint address is placed by its first point; Z and M values are ignored.

Addresses in another CRS are reprojected to the quartiers' CRS: the test happens in the quartiers' CRS (the output keeps the addresses' CRS). Reprojection moves a point by up to millimetres, so a reprojected address within 1 mm of a quartier border counts as on it (boundary, smallest id), as it would in one CRS. A layer with an unknown CRS (missing, or GeoPackage's 'Undefined geographic SRS') beside one with a known CRS is an error. Invalid quartier polygons (e.g. self-intersecting) are repaired for the computation and listed in the log and the report. Quartier ids are compared as text; NULL or duplicate ids are an error.

SUMMARY: the quartier polygons with their fields plus n_addresses and sum_&lt;field&gt; for each field chosen in SUM_FIELDS (e.g. residents); quartiers without addresses are kept with 0.

REPORT: an HTML page with the counts per status (and per municipality when the quartiers have a field municipality or gemeinde), duplicate addresses (same coordinates), overlaps and gaps between quartiers with their area, repaired quartier geometries and the addresses outside every quartier.

Large address files (a million points) take a fast way: a whole file layer (GeoPackage, shapefile …) is read by GDAL directly when it is in the quartiers' CRS, and an OUTPUT file (TEMPORARY_OUTPUT is a temporary GeoPackage) is written by GDAL and SQLite directly from it, with a spatial index; a memory: OUTPUT is copied from such a file by QGIS. Other inputs (memory layers, selected features, databases) take the slower general way through QGIS, with the same result.</source>
      <translation type="obsolete">Gibt jedem Adresspunkt die Kennung des Quartiers, in dem er liegt.

OUTPUT: die Adressen mit allen Feldern sowie quartier_id und assign_status: inside (im Inneren eines Quartiers), boundary (genau auf einer Quartiersgrenze oder einem Stützpunkt: er kommt zum Quartier mit der kleinsten Kennung unter den berührten, immer zum selben), outside (in keinem Quartier, quartier_id leer) oder no_geometry (Geometrie NULL oder leer). Wo sich Quartiere überlappen, gewinnt die kleinste Kennung. Eine Multipunkt-Adresse wird nach ihrem ersten Punkt zugeordnet; Z- und M-Werte werden ignoriert.

Adressen in einem anderen KBS werden in das KBS der Quartiere umprojiziert: Die Prüfung geschieht im KBS der Quartiere (die Ausgabe behält das KBS der Adressen). Die Umprojektion verschiebt einen Punkt um bis zu Millimeter, daher gilt eine umprojizierte Adresse, die weniger als 1 mm von einer Quartiersgrenze entfernt liegt, als auf ihr (boundary, kleinste Kennung), wie sie es in einem einzigen KBS täte. Ein Layer mit unbekanntem KBS (fehlend oder „Undefined geographic SRS“ eines GeoPackages) neben einem mit bekanntem KBS ist ein Fehler. Ungültige Quartierspolygone (z. B. selbstüberschneidend) werden für die Berechnung repariert und im Protokoll und im Bericht aufgeführt. Quartierskennungen werden als Text verglichen; NULL oder doppelte Kennungen sind ein Fehler.

SUMMARY: die Quartierspolygone mit ihren Feldern sowie n_addresses und sum_&lt;Feld&gt; für jedes in SUM_FIELDS gewählte Feld (z. B. Einwohner); Quartiere ohne Adressen bleiben mit 0 erhalten.

REPORT: eine HTML-Seite mit den Anzahlen je Status (und je Gemeinde, wenn die Quartiere ein Feld municipality oder gemeinde haben), doppelten Adressen (gleiche Koordinaten), Überlappungen und Lücken zwischen Quartieren mit ihrer Fläche, reparierten Quartiersgeometrien und den Adressen außerhalb aller Quartiere.

Große Adressdateien (eine Million Punkte) nehmen einen schnellen Weg: ein ganzer Dateilayer (GeoPackage, Shapefile …) wird direkt von GDAL gelesen, wenn er im KBS der Quartiere vorliegt, und eine OUTPUT-Datei (TEMPORARY_OUTPUT ist ein temporäres GeoPackage) wird von GDAL und SQLite direkt daraus geschrieben, mit räumlichem Index; eine memory:-Ausgabe kopiert QGIS aus einer solchen Datei. Andere Eingaben (Speicherlayer, gewählte Objekte, Datenbanken) nehmen den langsameren allgemeinen Weg über QGIS, mit demselben Ergebnis.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="64" />
      <source>Gives every address point the id of the quartier it lies in.

OUTPUT: the addresses with all their fields plus quartier_id and assign_status: inside (in the interior of a quartier), boundary (exactly on a quartier border or vertex: it goes to the quartier with the smallest id among those touching it, always the same one), outside (in no quartier, quartier_id empty) or no_geometry (NULL or empty geometry). Where quartiers overlap, the smallest id wins. A multipoint address is placed by its first point; Z and M values are ignored. Addresses that already have a field quartier_id or assign_status (any case, or quartier_i / assign_sta from a shapefile), e.g. from an earlier assignment, get it replaced in its place by the new one; the log says so.

Addresses in another CRS are reprojected to the quartiers' CRS: the test happens in the quartiers' CRS (the output keeps the addresses' CRS). Reprojection moves a point by up to millimetres, so a reprojected address within 1 mm of a quartier border counts as on it (boundary, smallest id), as it would in one CRS. A layer with an unknown CRS (missing, or GeoPackage's 'Undefined geographic SRS') beside one with a known CRS is an error. Invalid quartier polygons (e.g. self-intersecting) are repaired for the computation and listed in the log and the report. Quartier ids are compared as text; NULL or duplicate ids are an error.

SUMMARY: the quartier polygons with their fields plus n_addresses and sum_&lt;field&gt; for each field chosen in SUM_FIELDS (e.g. residents); quartiers without addresses are kept with 0.

REPORT: an HTML page with the counts per status (and per municipality or district: the quartiers' field MUNICIPALITY_FIELD, e.g. BEZ; left empty, a field named municipality, gemeinde or ags), duplicate addresses (same coordinates), overlaps and gaps between quartiers with their area, repaired quartier geometries and the addresses outside every quartier.

Large address files (a million points) take a fast way: a whole file layer (GeoPackage, shapefile …) is read by GDAL directly when it is in the quartiers' CRS, and an OUTPUT file (TEMPORARY_OUTPUT is a temporary GeoPackage) is written by GDAL and SQLite directly from it, with a spatial index; a memory: OUTPUT is copied from such a file by QGIS. Other inputs (memory layers, selected features, databases) take the slower general way through QGIS, with the same result.</source>
      <translation>Gibt jedem Adresspunkt die Kennung des Quartiers, in dem er liegt.

OUTPUT: die Adressen mit allen Feldern sowie quartier_id und assign_status: inside (im Inneren eines Quartiers), boundary (genau auf einer Quartiersgrenze oder einem Stützpunkt: er kommt zum Quartier mit der kleinsten Kennung unter den berührten, immer zum selben), outside (in keinem Quartier, quartier_id leer) oder no_geometry (Geometrie NULL oder leer). Wo sich Quartiere überlappen, gewinnt die kleinste Kennung. Eine Multipunkt-Adresse wird nach ihrem ersten Punkt zugeordnet; Z- und M-Werte werden ignoriert. Haben die Adressen schon ein Feld quartier_id oder assign_status (in beliebiger Schreibweise, oder quartier_i / assign_sta aus einem Shapefile), z. B. aus einer früheren Zuordnung, wird es an seiner Stelle durch das neue ersetzt; das Protokoll nennt es.

Adressen in einem anderen KBS werden in das KBS der Quartiere umprojiziert: Die Prüfung geschieht im KBS der Quartiere (die Ausgabe behält das KBS der Adressen). Die Umprojektion verschiebt einen Punkt um bis zu Millimeter, daher gilt eine umprojizierte Adresse, die weniger als 1 mm von einer Quartiersgrenze entfernt liegt, als auf ihr (boundary, kleinste Kennung), wie sie es in einem einzigen KBS täte. Ein Layer mit unbekanntem KBS (fehlend oder „Undefined geographic SRS“ eines GeoPackages) neben einem mit bekanntem KBS ist ein Fehler. Ungültige Quartierspolygone (z. B. selbstüberschneidend) werden für die Berechnung repariert und im Protokoll und im Bericht aufgeführt. Quartierskennungen werden als Text verglichen; NULL oder doppelte Kennungen sind ein Fehler.

SUMMARY: die Quartierspolygone mit ihren Feldern sowie n_addresses und sum_&lt;Feld&gt; für jedes in SUM_FIELDS gewählte Feld (z. B. Einwohner); Quartiere ohne Adressen bleiben mit 0 erhalten.

REPORT: eine HTML-Seite mit den Anzahlen je Status (und je Gemeinde oder Bezirk: das Feld MUNICIPALITY_FIELD der Quartiere, z. B. BEZ; leer gelassen ein Feld namens municipality, gemeinde oder ags), doppelten Adressen (gleiche Koordinaten), Überlappungen und Lücken zwischen Quartieren mit ihrer Fläche, reparierten Quartiersgeometrien und den Adressen außerhalb aller Quartiere.

Große Adressdateien (eine Million Punkte) nehmen einen schnellen Weg: ein ganzer Dateilayer (GeoPackage, Shapefile …) wird direkt von GDAL gelesen, wenn er im KBS der Quartiere vorliegt, und eine OUTPUT-Datei (TEMPORARY_OUTPUT ist ein temporäres GeoPackage) wird von GDAL und SQLite direkt daraus geschrieben, mit räumlichem Index; eine memory:-Ausgabe kopiert QGIS aus einer solchen Datei. Andere Eingaben (Speicherlayer, gewählte Objekte, Datenbanken) nehmen den langsameren allgemeinen Weg über QGIS, mit demselben Ergebnis.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="61" />
      <source>Gives every address the id of the quartier it lies in, or a status saying why not.</source>
      <translation>Gibt jeder Adresse die Kennung ihres Quartiers oder einen Status, der sagt, warum nicht.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="529" />
      <source>Greedy alone</source>
      <translation>Greedy allein</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="348" />
      <source>Greedy alone: {:.1f}. Best solution: {:.1f} newly covered; upper bound {:.1f}; gap {:.1f} ({:.2f} %).</source>
      <translation>Greedy allein: {:.1f}. Beste Lösung: {:.1f} neu abgedeckt; obere Schranke {:.1f}; Lücke {:.1f} ({:.2f} %).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="147" />
      <source>Group field</source>
      <translation>Gruppenfeld</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="122" />
      <source>HTML files (*.html)</source>
      <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="464" />
      <source>Hidden counts audited</source>
      <translation>Geprüfte gesperrte Fallzahlen</translation>
    </message>
    <message>
      <location filename="cartography/access_style.py" line="30" />
      <source>High need, high supply</source>
      <translation>Hoher Bedarf, hohe Versorgung</translation>
    </message>
    <message>
      <location filename="cartography/access_style.py" line="29" />
      <source>High need, low supply</source>
      <translation>Hoher Bedarf, geringe Versorgung</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="116" />
      <source>Holes enclosed by quartiers, and strips up to {} m wide between two quartiers.</source>
      <translation>Von Quartieren umschlossene Löcher sowie Streifen bis {} m Breite zwischen zwei Quartieren.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="155" />
      <source>Hot spots</source>
      <translation>Hot Spots</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="130" />
      <source>Hot spots (Getis–Ord Gi*)</source>
      <translation>Hot Spots (Getis–Ord Gi*)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="84" />
      <source>Hot spots and clusters</source>
      <translation>Hot Spots und Cluster</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="94" />
      <source>House number field</source>
      <translation>Feld Hausnummer</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="103" />
      <source>How many places of the offerings (e.g. Kita places) the demand of each quartier (e.g. children under 6) can reach, counting the competition of everyone else who reaches the same offerings: the enhanced two-step floating catchment area method (E2SFCA, Luo &amp; Qi 2009).

Step 1: each offering's capacity (CAPACITY_FIELD; empty: 1 per offering) is divided by the demand (DEMAND_FIELD of the addresses; empty: 1 per address) within its catchment DISTANCE, each weighted by the distance decay. Step 2: each address sums these ratios over the offerings it reaches, weighted the same way. Decay: none (weight 1 within DISTANCE), linear (1 − d/DISTANCE) or gaussian ((exp(−½(d/DISTANCE)²) − exp(−½)) / (1 − exp(−½)), Dai 2010); 0 beyond DISTANCE. Distances are straight lines in the quartier layer's CRS, or along the NETWORK when given (paths and roads; points are joined to the nearest segment and the straight connection counts, as in 'Offerings per quartier and coverage').

Output per quartier: access_index (places per 1,000 of demand: the demand-weighted mean of its addresses' accessibility; an address that reaches nothing counts with 0; NULL without demand), demand (of its addresses) and supply_reached (the places allotted to its demand; the quartiers' sum is the capacity of the offerings that reach any demand). With NEED_FIELD (a number field of the quartiers, e.g. A2 of the indicator layer) need_supply classes every quartier with both values: need is high above the median need, supply is high above the median access_index (both medians over these quartiers; a value equal to the median counts as low): 'high need–low supply', 'high need–high supply', 'low need–low supply', 'low need–high supply'. The loaded output is styled by need_supply, else by access_index.

With a category field the offerings of each category compete among themselves as well: access_index_&lt;category&gt; and supply_reached_&lt;category&gt; (category names as n_&lt;category&gt; of the coverage algorithm) are computed from that category's offerings alone, while the overall figures take all offerings as one supply. The optional address output holds each address with quartier_id, access (places per 1,000 of demand), access_&lt;category&gt;, nearest_distance_m (to the nearest offering, without limit; NULL when none is reached) and, with a network, access_m (the connection to the network). Capacities and demands that are no number, negative or empty count as 0 and are reported in the log. Addresses outside every quartier compete for the places as well but are left out of the quartier figures.</source>
      <translation>Wie viele Plätze der Angebote (z. B. Kita-Plätze) die Nachfrage jedes Quartiers (z. B. Kinder unter 6) erreichen kann, unter Berücksichtigung der Konkurrenz aller anderen, die dieselben Angebote erreichen: die erweiterte Zwei-Schritt-Methode des gleitenden Einzugsgebiets (E2SFCA, Luo &amp; Qi 2009).

Schritt 1: Die Kapazität jedes Angebots (CAPACITY_FIELD; leer: 1 je Angebot) wird durch die Nachfrage (DEMAND_FIELD der Adressen; leer: 1 je Adresse) in seinem Einzugsgebiet DISTANCE geteilt, jeweils gewichtet mit dem Distanzabfall. Schritt 2: Jede Adresse summiert diese Verhältnisse über die Angebote, die sie erreicht, gleich gewichtet. Distanzabfall: keiner (Gewicht 1 innerhalb von DISTANCE), linear (1 − d/DISTANCE) oder gaußförmig ((exp(−½(d/DISTANCE)²) − exp(−½)) / (1 − exp(−½)), Dai 2010); 0 jenseits von DISTANCE. Entfernungen sind Luftlinien im KBS der Quartiersebene oder Wege entlang des NETWORK, wenn angegeben (Wege und Straßen; Punkte werden an den nächsten Abschnitt angebunden und die gerade Verbindung zählt mit, wie in „Angebote je Quartier und Versorgung“).

Ausgabe je Quartier: access_index (Plätze je 1.000 der Nachfrage: der nach Nachfrage gewichtete Mittelwert der Erreichbarkeit seiner Adressen; eine Adresse, die nichts erreicht, zählt mit 0; NULL ohne Nachfrage), demand (seiner Adressen) und supply_reached (die seiner Nachfrage zugeteilten Plätze; die Summe über die Quartiere ist die Kapazität der Angebote, die irgendeine Nachfrage erreichen). Mit NEED_FIELD (ein Zahlenfeld der Quartiere, z. B. A2 der Indikatorebene) ordnet need_supply jedes Quartier mit beiden Werten ein: Bedarf ist hoch über dem Median des Bedarfs, Versorgung ist hoch über dem Median von access_index (beide Mediane über diese Quartiere; ein Wert gleich dem Median zählt als niedrig): 'high need–low supply', 'high need–high supply', 'low need–low supply', 'low need–high supply'. Die geladene Ausgabe wird nach need_supply dargestellt, sonst nach access_index.

Mit einem Kategorienfeld konkurrieren zusätzlich die Angebote jeder Kategorie untereinander: access_index_&lt;Kategorie&gt; und supply_reached_&lt;Kategorie&gt; (Kategorienamen wie n_&lt;Kategorie&gt; des Versorgungsalgorithmus) werden nur aus den Angeboten dieser Kategorie berechnet, die Gesamtwerte nehmen alle Angebote als ein Angebot. Die optionale Adressausgabe enthält jede Adresse mit quartier_id, access (Plätze je 1.000 der Nachfrage), access_&lt;Kategorie&gt;, nearest_distance_m (zum nächsten Angebot, ohne Grenze; NULL, wenn keines erreicht wird) und mit Netz access_m (die Anbindung an das Netz). Kapazitäten und Nachfragen, die keine Zahl, negativ oder leer sind, zählen als 0 und werden im Protokoll gemeldet. Adressen außerhalb aller Quartiere konkurrieren ebenfalls um die Plätze, fehlen aber in den Quartierswerten.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="349" />
      <source>Id</source>
      <translation>Nr.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="459" />
      <source>Ids of indicators added by the catalog file, calculated after the selected ones.</source>
      <translation>IDs von Indikatoren aus der Katalogdatei, berechnet nach den ausgewählten.</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="344" />
      <source>Indicator</source>
      <translation>Indikator</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="68" />
      <source>Indicator '{id}' is not in the catalog (known: {known}).</source>
      <translation>Indikator „{id}“ ist nicht im Katalog (vorhanden: {known}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="230" />
      <source>Indicator catalog '{path}' cannot be read: {message}</source>
      <translation>Indikatorenkatalog „{path}“ kann nicht gelesen werden: {message}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="226" />
      <source>Indicator catalog '{path}': {message}</source>
      <translation>Indikatorenkatalog „{path}“: {message}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="448" />
      <source>Indicator catalog (JSON, extends the built-in one)</source>
      <translation>Indikatorenkatalog (JSON, ergänzt den eingebauten)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="169" />
      <source>Indicator definitions</source>
      <translation>Indikatordefinitionen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="145" />
      <source>Indicator fields</source>
      <translation>Indikatorfelder</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="381" />
      <source>Indicator fields (the catalog's need indicators in layer '{layer}'): {fields}.</source>
      <translation>Indikatorfelder (die Bedarfsindikatoren des Katalogs im Layer „{layer}“): {fields}.</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="68" />
      <source>Indicator fields of the attention index (separated by ';')</source>
      <translation>Indikatorfelder des Aufmerksamkeitsindex (getrennt durch ';')</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="86" />
      <source>Indicator fields of the attention index, separated by ';'.</source>
      <translation>Indikatorfelder des Aufmerksamkeitsindex, getrennt durch ';'.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="142" />
      <source>Indicator layer</source>
      <translation>Indikatorenlayer</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="90" />
      <source>Indicator layer (styled)</source>
      <translation>Indikatorlayer (gestaltet)</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="75" />
      <source>Indicator of the catalog</source>
      <translation>Indikator des Katalogs</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="144" />
      <source>Indicator or attention layer</source>
      <translation>Indikator- oder Aufmerksamkeitslayer</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="92" />
      <source>Indicator trends</source>
      <translation>Indikatortrends</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="433" />
      <source>Indicator {field} is not in the catalog of the layer.</source>
      <translation>Der Indikator {field} steht nicht im Katalog des Layers.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="88" />
      <source>Indicator {indicator} is confidential, but its numerator '{column}' is published exactly by the public indicator(s) {public}: give them the same "confidential" value in the catalog.</source>
      <translation>Indikator {indicator} ist vertraulich, aber sein Zähler „{column}“ wird vom öffentlichen Indikator {public} genau veröffentlicht: Geben Sie ihnen im Katalog denselben Wert für "confidential".</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="91" />
      <source>Indicator {indicator} is confidential, but its numerator '{column}' is the population, which is published for every quartier: set "confidential": false for it in the catalog.</source>
      <translation>Indikator {indicator} ist vertraulich, aber sein Zähler „{column}“ ist die Einwohnerzahl, die für jedes Quartier veröffentlicht wird: Setzen Sie im Katalog "confidential": false für ihn.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="103" />
      <source>Indicator {indicator}: numerator '{numerator}' greater than denominator '{denominator}' for quartier(s) {ex}: flagged invalid.</source>
      <translation>Indikator {indicator}: Zähler „{numerator}“ größer als Nenner „{denominator}“ für Quartier(e) {ex}: als ungültig markiert.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="86" />
      <source>Indicator {indicator}: the denominator column '{column}' is not in the counts table (map one of your columns to it); columns are: {columns}.</source>
      <translation>Indikator {indicator}: Die Nennerspalte „{column}“ ist nicht in der Zähltabelle (ordnen Sie ihr eine Ihrer Spalten zu); vorhandene Spalten: {columns}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="84" />
      <source>Indicator {indicator}: the numerator column '{column}' is not in the counts table (map one of your columns to it); columns are: {columns}.</source>
      <translation>Indikator {indicator}: Die Zählerspalte „{column}“ ist nicht in der Zähltabelle (ordnen Sie ihr eine Ihrer Spalten zu); vorhandene Spalten: {columns}.</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="67" />
      <source>Indicators</source>
      <translation>Indikatoren</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="364" />
      <source>Indicators to calculate; the first one is shown on the map.</source>
      <translation>Zu berechnende Indikatoren; der erste wird in der Karte dargestellt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="136" />
      <source>Indicators whose trends are calculated; the first one is shown on the map.</source>
      <translation>Indikatoren, deren Trends berechnet werden; der erste wird in der Karte gezeigt.</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="103" />
      <source>Invalid quartier geometries (repaired for the assignment)</source>
      <translation>Ungültige Quartiersgeometrien (für die Zuordnung repariert)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="188" />
      <source>Invalid quartier geometries repaired for the computation: {}.</source>
      <translation>Ungültige Quartiersgeometrien für die Berechnung repariert: {}.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="399" />
      <source>Item</source>
      <translation>Merkmal</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="137" />
      <source>K (nearest neighbours)</source>
      <translation>K (nächste Nachbarn)</translation>
    </message>
    <message>
      <source>K = {k} nearest neighbours needs more quartiers with a value than that ({n}).</source>
      <translation type="obsolete">K = {k} nächste Nachbarn braucht mehr Quartiere mit Wert als das ({n}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="133" />
      <source>K nearest neighbours</source>
      <translation>K nächste Nachbarn</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="357" />
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="523" />
      <source>Lagrangian relaxation with subgradient optimisation (an upper bound no solution can exceed)</source>
      <translation>Lagrange-Relaxation mit Subgradientenverfahren (eine obere Schranke, die keine Lösung überschreiten kann)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="579" />
      <source>Layer '{layer}' has no features: there are no quartiers to calculate indicators for.</source>
      <translation>Layer „{layer}“ hat keine Objekte: Es gibt keine Quartiere, für die Indikatoren berechnet werden könnten.</translation>
    </message>
    <message>
      <source>Layer '{layer}' has no field '{field}' (parameter {parameter}).</source>
      <translation type="obsolete">Layer „{layer}“ hat kein Feld „{field}“ (Parameter {parameter}).</translation>
    </message>
    <message>
      <source>Layer '{layer}' has no field '{field}' (quartier id).</source>
      <translation type="obsolete">Layer „{layer}“ hat kein Feld „{field}“ (Quartiers-ID).</translation>
    </message>
    <message>
      <source>Layer '{layer}' has no field '{field}'.</source>
      <translation type="obsolete">Layer „{layer}“ hat kein Feld „{field}“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="393" />
      <source>Layer '{layer}' has no population field (default pop_total, written by 'Calculate indicators'): the minimum population of {n} is not applied. Choose the field with the residents to apply it.</source>
      <translation>Layer „{layer}“ hat kein Einwohnerfeld (Vorgabe pop_total, von „Indikatoren berechnen“ geschrieben): Die Mindesteinwohnerzahl von {n} wird nicht angewandt. Wählen Sie das Feld mit den Einwohnern, um sie anzuwenden.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="221" />
      <source>Layer '{layer}' has no quartier id field named like quartier_id: choose it (parameter QUARTIER_ID).</source>
      <translation>Layer „{layer}“ hat kein Quartiers-ID-Feld mit einem Namen wie quartier_id: Wählen Sie es aus (Parameter QUARTIER_ID).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="377" />
      <source>Layer '{layer}' has none of the preselected indicator fields ({fields}): choose the indicator fields.</source>
      <translation>Layer „{layer}“ hat keines der vorausgewählten Indikatorfelder ({fields}): Wählen Sie die Indikatorfelder.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="247" />
      <source>Layer '{layer}' is in a geographic CRS ({crs}): a distance band needs a projected CRS. Reproject the layer first (e.g. to EPSG:25832) or choose other neighbours.</source>
      <translation>Layer „{layer}“ liegt in einem geographischen KBS ({crs}): Ein Distanzband braucht ein projiziertes KBS. Projizieren Sie den Layer zuerst um (z. B. nach EPSG:25832) oder wählen Sie andere Nachbarn.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="215" />
      <source>Layer '{layer}' is neither an indicator layer ('Calculate indicators') nor an attention layer ('Quartiers needing attention'): it has no indicator fields (such as A1 with A1_flag) and no fields {attention}.</source>
      <translation>Layer „{layer}“ ist weder ein Indikatorlayer („Indikatoren berechnen“) noch ein Aufmerksamkeitslayer („Quartiere mit Aufmerksamkeitsbedarf“): Er hat keine Indikatorfelder (wie A1 mit A1_flag) und nicht die Felder {attention}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="47" />
      <source>Layer '{layer}', field '{field}': all {n} values analysed are equal; there is nothing to find.</source>
      <translation>Layer „{layer}“, Feld „{field}“: Alle {n} untersuchten Werte sind gleich; es gibt nichts zu finden.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="45" />
      <source>Layer '{layer}', field '{field}': only {n} quartiers have a value; hot spots need at least 3.</source>
      <translation>Layer „{layer}“, Feld „{field}“: Nur {n} Quartiere haben einen Wert; Hot Spots brauchen mindestens 3.</translation>
    </message>
    <message>
      <source>Layer '{layer}', field '{field}': quartier ids occur more than once: {ex}.</source>
      <translation type="obsolete">Layer „{layer}“, Feld „{field}“: Quartiers-IDs kommen mehrfach vor: {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="70" />
      <source>Layer '{layer}', field '{field}': quartiers without a municipality: {ex}.</source>
      <translation>Layer „{layer}“, Feld „{field}“: Quartiere ohne Gemeinde: {ex}.</translation>
    </message>
    <message>
      <source>Layer '{layer}', field '{field}': {n} features have no quartier id (NULL or empty), e.g. features {ex}.</source>
      <translation type="obsolete">Layer „{layer}“, Feld „{field}“: {n} Objekte haben keine Quartiers-ID (NULL oder leer), z. B. Objekte {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="56" />
      <source>Layer '{layer}': K = {k} nearest neighbours needs more quartiers with a value than that ({n}).</source>
      <translation>Layer „{layer}“: K = {k} nächste Nachbarn braucht mehr Quartiere mit Wert als das ({n}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="59" />
      <source>Layer '{layer}': a quartier has no centroid.</source>
      <translation>Layer „{layer}“: Ein Quartier hat keinen Schwerpunkt.</translation>
    </message>
    <message>
      <source>Layer '{layer}': all {n} values analysed are equal; there is nothing to find.</source>
      <translation type="obsolete">Layer „{layer}“: Alle {n} untersuchten Werte sind gleich; es gibt nichts zu finden.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="51" />
      <source>Layer '{layer}': each of the {n} quartiers analysed neighbours every other one ({weights}), so none can be compared with its surroundings. Choose other neighbours (e.g. rook contiguity, fewer nearest neighbours or a smaller distance band).</source>
      <translation>Layer „{layer}“: Jedes der {n} untersuchten Quartiere ist Nachbar aller anderen ({weights}), daher lässt sich keines mit seiner Umgebung vergleichen. Wählen Sie andere Nachbarn (z. B. Rook-Nachbarschaft, weniger nächste Nachbarn oder ein kleineres Distanzband).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="408" />
      <source>Layer '{layer}': field '{field}' is not numeric (type {type}); the index needs numeric fields.</source>
      <translation>Layer „{layer}“: Das Feld „{field}“ ist nicht numerisch (Typ {type}); der Index braucht numerische Felder.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="235" />
      <source>Layer '{layer}': field '{field}' is not numeric.</source>
      <translation>Layer „{layer}“: Das Feld „{field}“ ist nicht numerisch.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="279" />
      <source>Layer '{layer}': in {n} quartiers the numerator '{numerator}' is greater than the denominator '{denominator}': analysed as a rate (right for a ratio such as the ageing index; for a share it is a data error): {ex}.</source>
      <translation>Layer „{layer}“: In {n} Quartieren ist der Zähler „{numerator}“ größer als der Nenner „{denominator}“: als Rate untersucht (richtig für ein Verhältnis wie den Aging-Index; bei einem Anteil ist es ein Datenfehler): {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="54" />
      <source>Layer '{layer}': none of the {n} quartiers analysed can be tested ({weights}): each has either no neighbour or every other quartier as a neighbour.</source>
      <translation>Layer „{layer}“: Keines der {n} untersuchten Quartiere lässt sich testen ({weights}): Jedes hat entweder keinen Nachbarn oder alle anderen Quartiere als Nachbarn.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="49" />
      <source>Layer '{layer}': none of the {n} quartiers analysed has a neighbour ({weights}), so none can be tested.</source>
      <translation>Layer „{layer}“: Keines der {n} untersuchten Quartiere hat einen Nachbarn ({weights}), daher lässt sich keines testen.</translation>
    </message>
    <message>
      <source>Layer '{layer}': only {n} quartiers have a value; hot spots need at least 3.</source>
      <translation type="obsolete">Layer „{layer}“: Nur {n} Quartiere haben einen Wert; Hot Spots brauchen mindestens 3.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="102" />
      <source>Layer '{layer}': reversed field(s) {fields} are not among the indicator fields.</source>
      <translation>Layer „{layer}“: umgekehrte(s) Feld(er) {fields} sind keine Indikatorfelder.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="60" />
      <source>Layer '{layer}': the denominator must be greater than 0.</source>
      <translation>Layer „{layer}“: Der Nenner muss größer als 0 sein.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="235" />
      <source>Layer '{layer}': {message}</source>
      <translation>Layer „{layer}“: {message}</translation>
    </message>
    <message>
      <source>Layer '{layer}': {n} quartiers where the numerator '{numerator}' is greater than the denominator '{denominator}' (more cases than population at risk: a data error?) are left out: {ex}.</source>
      <translation type="obsolete">Layer „{layer}“: {n} Quartiere, in denen der Zähler „{numerator}“ größer ist als der Nenner „{denominator}“ (mehr Fälle als Bevölkerung unter Risiko: ein Datenfehler?), werden ausgelassen: {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="162" />
      <source>Layer '{}' (parameter OFFERINGS) holds no offering with a location: the sites are chosen as if there were no offering yet.</source>
      <translation>Layer '{}' (Parameter OFFERINGS) enthält kein Angebot mit Lage: Die Standorte werden gewählt, als gäbe es noch kein Angebot.</translation>
    </message>
    <message>
      <source>Layer '{}' (parameter {}) holds {} geometries; {} geometries are expected.</source>
      <translation type="obsolete">Layer '{}' (Parameter {}) enthält {}-Geometrien; erwartet werden {}-Geometrien.</translation>
    </message>
    <message>
      <source>Layer '{}' has no field '{}' (parameter {}). Available fields: {}.</source>
      <translation type="obsolete">Layer '{}' hat kein Feld '{}' (Parameter {}). Vorhandene Felder: {}.</translation>
    </message>
    <message>
      <source>Layer '{}' has no valid CRS.</source>
      <translation type="obsolete">Layer '{}' hat kein gültiges KBS.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="342" />
      <source>Layer '{}' holds no offering with a location.</source>
      <translation>Layer '{}' enthält kein Angebot mit Lage.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="311" />
      <source>Layer '{}', field '{}' is text: {} value(s) were read with a decimal comma (e.g. row {}: '{}' as {}).</source>
      <translation>Layer „{}“, Feld „{}“ ist Text: {} Wert(e) wurden mit Dezimalkomma gelesen (z. B. Zeile {}: „{}“ als {}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="176" />
      <source>Layer '{}', field '{}', row {}: the text '{}' holds characters that are not valid in the layer's encoding. Load the file with its real encoding (for a CSV: as a delimited text layer with encoding windows-1252 or ISO-8859-1) and run again.</source>
      <translation>Layer '{}', Feld '{}', Zeile {}: der Text '{}' enthält Zeichen, die in der Kodierung des Layers ungültig sind. Laden Sie die Datei mit ihrer tatsächlichen Kodierung (bei einer CSV-Datei: als Delimited-Text-Layer mit Kodierung windows-1252 oder ISO-8859-1) und starten Sie erneut.</translation>
    </message>
    <message>
      <source>Layer '{}', field '{}': NULL or empty quartier id in feature(s) {}.</source>
      <translation type="obsolete">Layer '{}', Feld '{}': NULL oder leere Quartiers-ID in Objekt(en) {}.</translation>
    </message>
    <message>
      <source>Layer '{}', field '{}': duplicate quartier ids: {}.</source>
      <translation type="obsolete">Layer '{}', Feld '{}': doppelte Quartiers-IDs: {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="373" />
      <source>Layer '{}', field '{}': {} address(es) with no usable number of residents (e.g. row {}: '{}'), counted as 0 residents.</source>
      <translation>Layer '{}', Feld '{}': {} Adresse(n) ohne verwendbare Einwohnerzahl (z. B. Zeile {}: '{}'), gezählt mit 0 Einwohnern.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="187" />
      <source>Layer '{}': {} address(es) without geometry are left out.</source>
      <translation>Layer '{}': {} Adresse(n) ohne Geometrie werden ausgelassen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="154" />
      <source>Layer '{}': {} candidate(s) without geometry are left out.</source>
      <translation>Layer „{}“: {} Standort(e) ohne Geometrie werden ausgelassen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="196" />
      <source>Layer '{}': {} offering(s) without geometry are left out.</source>
      <translation>Layer '{}': {} Angebot(e) ohne Geometrie werden ausgelassen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="188" />
      <source>Layer or table of an earlier year with the same indicator fields and quartier id field: gives the dynamics.</source>
      <translation>Layer oder Tabelle eines früheren Jahres mit denselben Indikatorfeldern und demselben ID-Feld: ergibt die Dynamik.</translation>
    </message>
    <message>
      <source>Layer {layer} has no field {field}.</source>
      <translation type="obsolete">Der Layer {layer} hat kein Feld {field}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="176" />
      <source>Layer {layer} shows no indicator of the catalog: the sheets show its current style.</source>
      <translation>Der Layer {layer} zeigt keinen Indikator des Katalogs: Die Blätter zeigen seinen aktuellen Stil.</translation>
    </message>
    <message>
      <source>Layer “{}” (addresses) must hold points, not {}.</source>
      <translation type="obsolete">Layer „{}“ (Adressen) muss Punkte enthalten, nicht {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="35" />
      <source>Layer “{}” (parameter {}) holds {} geometries; {} geometries are expected.</source>
      <translation>Layer „{}“ (Parameter {}) enthält {}-Geometrien; erwartet werden {}-Geometrien.</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="59" />
      <source>Layer “{}” (parameter {}) is empty: it has no features to compute with.</source>
      <translation>Layer „{}“ (Parameter {}) ist leer: Er hat keine Objekte, mit denen gerechnet werden kann.</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="76" />
      <source>Layer “{}” (parameter {}) is not valid: QGIS could not open it ({}). Is the database server running and does it accept the connection?</source>
      <translation>Layer „{}“ (Parameter {}) ist ungültig: QGIS konnte ihn nicht öffnen ({}). Läuft der Datenbankserver, und nimmt er die Verbindung an?</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="79" />
      <source>Layer “{}” (parameter {}) is not valid: QGIS could not open its data source (a file that is gone, or a database server that refuses the connection).</source>
      <translation>Layer „{}“ (Parameter {}) ist ungültig: QGIS konnte seine Datenquelle nicht öffnen (eine Datei, die es nicht mehr gibt, oder ein Datenbankserver, der die Verbindung ablehnt).</translation>
    </message>
    <message>
      <source>Layer “{}” (quartiers) has no features.</source>
      <translation type="obsolete">Layer „{}“ (Quartiere) enthält keine Objekte.</translation>
    </message>
    <message>
      <source>Layer “{}” (quartiers) must hold polygons, not {}.</source>
      <translation type="obsolete">Layer „{}“ (Quartiere) muss Polygone enthalten, nicht {}.</translation>
    </message>
    <message>
      <source>Layer “{}” (quartiers) must hold polygons.</source>
      <translation type="obsolete">Layer „{}“ (Quartiere) muss Polygone enthalten.</translation>
    </message>
    <message>
      <location filename="processing_provider/inputs.py" line="84" />
      <source>Layer “{}” has an unknown CRS ({}), but {} need a known one. Set the layer's CRS (Layer Properties &gt; Source) or reproject it, and run again.</source>
      <translation>Layer „{}“ hat ein unbekanntes KBS ({}), aber {} brauchen ein bekanntes. Legen Sie das KBS des Layers fest (Layereigenschaften &gt; Quelle) oder projizieren Sie ihn um, und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="50" />
      <source>Layer “{}” has an unknown CRS ({}), so its coordinates cannot be related to layer “{}” ({}). Set the layer's CRS (Layer Properties &gt; Source) and run again.</source>
      <translation>Layer „{}“ hat ein unbekanntes KBS ({}), daher lassen sich seine Koordinaten nicht auf Layer „{}“ ({}) beziehen. Legen Sie das KBS des Layers fest (Layereigenschaften &gt; Quelle) und starten Sie erneut.</translation>
    </message>
    <message>
      <source>Layer “{}” has no field “{}” (parameter QUARTIER_ID). Available fields: {}.</source>
      <translation type="obsolete">Layer „{}“ hat kein Feld „{}“ (Parameter QUARTIER_ID). Vorhandene Felder: {}.</translation>
    </message>
    <message>
      <source>Layer “{}” has no field “{}” (parameter SUM_FIELDS).</source>
      <translation type="obsolete">Layer „{}“ hat kein Feld „{}“ (Parameter SUM_FIELDS).</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="24" />
      <source>Layer “{}” has no field “{}” (parameter {}).</source>
      <translation>Layer „{}“ hat kein Feld „{}“ (Parameter {}).</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="26" />
      <source>Layer “{}” has no field “{}”.</source>
      <translation>Layer „{}“ hat kein Feld „{}“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="66" />
      <source>Layer “{}” has no field “{}”; its field “{}” is used as quartier id.</source>
      <translation>Layer „{}“ hat kein Feld „{}“; sein Feld „{}“ wird als Quartierskennung verwendet.</translation>
    </message>
    <message>
      <source>Layer “{}” has no valid CRS, so its coordinates cannot be related to layer “{}” ({}). Set the layer's CRS (Layer Properties &gt; Source) and run again.</source>
      <translation type="obsolete">Layer „{}“ hat kein gültiges KBS, seine Koordinaten lassen sich daher nicht auf Layer „{}“ ({}) beziehen. Bitte das KBS des Layers setzen (Layereigenschaften &gt; Quelle) und erneut ausführen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="190" />
      <source>Layer “{}” holds no address with a location: there is no demand, and the index is NULL in every quartier.</source>
      <translation>Layer „{}“ enthält keine Adresse mit Lage: Es gibt keine Nachfrage, und der Index ist in jedem Quartier NULL.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="199" />
      <source>Layer “{}” holds no offering with a location: every accessibility is 0.</source>
      <translation>Layer „{}“ enthält kein Angebot mit Lage: jede Erreichbarkeit ist 0.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="62" />
      <source>Layer “{}” holds points but no QUARTIERS layer was given, and it has no quartier id field “{}”.</source>
      <translation>Layer „{}“ enthält Punkte, aber es wurde kein QUARTIERS-Layer angegeben, und er hat kein Kennungsfeld „{}“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="218" />
      <source>Layer “{}” is in a geographic CRS ({}): distances in metres need a projected CRS. Reproject it first (e.g. to EPSG:25832).</source>
      <translation>Layer „{}“ hat ein geografisches KBS ({}): Entfernungen in Metern brauchen ein projiziertes KBS. Projizieren Sie ihn zuerst um (z. B. nach EPSG:25832).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="290" />
      <source>Layer “{}”, field “{}” (parameter DEMAND_FIELD): {} negative demand value(s) (e.g. row {}: {}). Demand must be 0 or more.</source>
      <translation>Layer „{}“, Feld „{}“ (Parameter DEMAND_FIELD): {} negative Nachfragewert(e) (z. B. Zeile {}: {}). Die Nachfrage muss 0 oder mehr sein.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="330" />
      <source>Layer “{}”, field “{}” (parameter NEED_FIELD): quartier “{}” has the negative need {}. Need must be 0 or more.</source>
      <translation>Layer „{}“, Feld „{}“ (Parameter NEED_FIELD): Quartier „{}“ hat den negativen Bedarf {}. Der Bedarf muss 0 oder mehr sein.</translation>
    </message>
    <message>
      <location filename="processing_provider/inputs.py" line="230" />
      <source>Layer “{}”, field “{}”: quartier ids must be unique; duplicated: {}.</source>
      <translation>Layer „{}“, Feld „{}“: Quartierskennungen müssen eindeutig sein; doppelt: {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/inputs.py" line="220" />
      <source>Layer “{}”, field “{}”: {} feature(s) have no quartier id (NULL or empty), e.g. feature id(s) {}.</source>
      <translation>Layer „{}“, Feld „{}“: {} Objekt(e) ohne Quartierskennung (NULL oder leer), z. B. Objekt-ID(s) {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="299" />
      <source>Layer “{}”, field “{}”: {} value(s) are NULL or no number (e.g. row {}: “{}”) and count as 0.</source>
      <translation>Layer „{}“, Feld „{}“: {} Wert(e) sind NULL oder keine Zahl (z. B. Zeile {}: „{}“) und zählen als 0.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="315" />
      <source>Layer “{}”, field “{}”: {} value(s) are no usable number (e.g. row {}: “{}”) and count as 0.</source>
      <translation>Layer „{}“, Feld „{}“: {} Wert(e) sind keine brauchbare Zahl (z. B. Zeile {}: „{}“) und zählen als 0.</translation>
    </message>
    <message>
      <location filename="processing_provider/errors.py" line="67" />
      <source>Layer “{}”, parameter {}: the expression “{}” is not valid: {}</source>
      <translation>Layer „{}“, Parameter {}: Der Ausdruck „{}“ ist ungültig: {}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="98" />
      <source>Layout template (.qpt; empty: bundled A4 sheet)</source>
      <translation>Layoutvorlage (.qpt; leer: mitgeliefertes A4-Blatt)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="100" />
      <source>Layout templates (*.qpt)</source>
      <translation>Layoutvorlagen (*.qpt)</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="184" />
      <source>Level</source>
      <translation>Ebene</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="59" />
      <source>Limits from the rounded county value (the layer records no funnel comparison).</source>
      <translation>Grenzen aus dem gerundeten Kreiswert (der Layer speichert keinen Trichtervergleich).</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="61" />
      <source>Limits widened for overdispersion (φ = {phi}).</source>
      <translation>Grenzen wegen Überdispersion erweitert (φ = {phi}).</translation>
    </message>
    <message>
      <location filename="cartography/access_style.py" line="32" />
      <source>Low need, high supply</source>
      <translation>Geringer Bedarf, hohe Versorgung</translation>
    </message>
    <message>
      <location filename="cartography/access_style.py" line="31" />
      <source>Low need, low supply</source>
      <translation>Geringer Bedarf, geringe Versorgung</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="66" />
      <source>Map sheets of the selected quartiers</source>
      <translation>Kartenblätter der ausgewählten Quartiere</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="137" />
      <source>Match misspelt street names (fuzzy)</source>
      <translation>Falsch geschriebene Straßennamen zuordnen (unscharf)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="303" />
      <source>Matched: exact {}, normalized {}, fuzzy {}, street {}; unmatched {} of {}.</source>
      <translation>Gefunden: exakt {}, normalisiert {}, unscharf {}, Straße {}; nicht gefunden {} von {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="267" />
      <source>Matching {} addresses against {} directory addresses…</source>
      <translation>{} Adressen werden mit {} Verzeichnisadressen abgeglichen…</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="528" />
      <source>Measure</source>
      <translation>Maß</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="223" />
      <source>Medians: need {:.2f}, access index {:.2f} places per 1,000.</source>
      <translation>Mediane: Bedarf {:.2f}, Erreichbarkeitsindex {:.2f} Plätze je 1.000.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="129" />
      <source>Method</source>
      <translation>Methode</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="361" />
      <source>Minimum count (MIN_COUNT)</source>
      <translation>Mindestfallzahl (MIN_COUNT)</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="69" />
      <source>Minimum count (smaller numerators are suppressed)</source>
      <translation>Mindestfallzahl (kleinere Zähler werden gesperrt)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="174" />
      <source>Minimum population</source>
      <translation>Mindesteinwohnerzahl</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="362" />
      <source>Minimum population (MIN_POPULATION)</source>
      <translation>Mindesteinwohnerzahl (MIN_POPULATION)</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="70" />
      <source>Minimum population of a quartier (pop_total)</source>
      <translation>Mindesteinwohnerzahl eines Quartiers (pop_total)</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="77" />
      <source>Munic.</source>
      <translation>Gem.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="184" />
      <source>Municipality</source>
      <translation>Gemeinde</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="108" />
      <source>Municipality and county totals leave out the quartiers without valid data: {items}.</source>
      <translation>Gemeinde- und Kreiswerte lassen die Quartiere ohne gültige Daten aus: {items}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="165" />
      <source>Municipality field</source>
      <translation>Feld der Gemeinde</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="61" />
      <source>Municipality field of the quartiers</source>
      <translation>Gemeindefeld der Quartiere</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="108" />
      <source>Municipality or district field of the quartiers (report)</source>
      <translation>Gemeinde- oder Bezirksfeld der Quartiere (Bericht)</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="184" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="183" />
      <source>Narrowest interval a reader can reach for a hidden small count: {values} possible values (at least {required} required).</source>
      <translation>Engstes Intervall, auf das ein Leser eine gesperrte kleine Fallzahl eingrenzen kann: {values} mögliche Werte (mindestens {required} verlangt).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="466" />
      <source>Narrowest interval of a hidden small count (possible values)</source>
      <translation>Engstes Intervall einer gesperrten kleinen Fallzahl (mögliche Werte)</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="93" />
      <source>Natural breaks (Jenks)</source>
      <translation>Natürliche Brüche (Jenks)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="152" />
      <source>Need field of the quartiers (optional, e.g. A2)</source>
      <translation>Bedarfsfeld der Quartiere (optional, z. B. A2)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="131" />
      <source>Need field of the quartiers (optional, e.g. A2): weights the demand</source>
      <translation>Bedarfsfeld der Quartiere (optional, z. B. A2): gewichtet die Nachfrage</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="126" />
      <source>Needed for the need field; gives the output's quartier_id.</source>
      <translation>Nötig für das Bedarfsfeld; liefert die quartier_id der Ausgabe.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="132" />
      <source>Neighbours</source>
      <translation>Nachbarn</translation>
    </message>
    <message>
      <location filename="processing_provider/network_input.py" line="18" />
      <source>Network of paths and roads (lines; empty: straight-line distances)</source>
      <translation>Netz aus Wegen und Straßen (Linien; leer: Luftlinie)</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="507" />
      <source>Newly covered</source>
      <translation>Neu abgedeckt</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="538" />
      <source>No choice of sites covers more than the upper bound; the solution is at most the gap below the optimum.</source>
      <translation>Keine Wahl von Standorten deckt mehr ab als die obere Schranke; die Lösung liegt höchstens um die Lücke unter dem Optimum.</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="57" />
      <source>No county value: no control limits.</source>
      <translation>Kein Kreiswert: keine Kontrollgrenzen.</translation>
    </message>
    <message>
      <location filename="cartography/access_style.py" line="78" />
      <source>No demand</source>
      <translation>Keine Nachfrage</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="281" />
      <source>No indicator field has _num and _den fields: the values are taken as fixed and status_certainty is 1 wherever a quartier is classed.</source>
      <translation>Kein Indikatorfeld hat Felder _num und _den: die Werte gelten als fest, und status_certainty ist 1, wo immer ein Quartier eingestuft ist.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="160" />
      <source>No output folder given.</source>
      <translation>Kein Ausgabeordner angegeben.</translation>
    </message>
    <message>
      <location filename="ui/funnel_view.py" line="141" />
      <source>No published values of this indicator to plot.</source>
      <translation>Keine veröffentlichten Werte dieses Indikators zum Darstellen.</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="120" />
      <source>No quartier selected</source>
      <translation>Kein Quartier ausgewählt</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="184" />
      <source>No quartier to export: the layer is empty or the filter matches no quartier.</source>
      <translation>Kein Quartier zu exportieren: Der Layer ist leer oder der Filter trifft auf kein Quartier zu.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="378" />
      <source>No residents field: every address counts as one resident.</source>
      <translation>Kein Einwohnerfeld: jede Adresse zählt als ein Einwohner.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="182" />
      <source>No small count is hidden.</source>
      <translation>Keine kleine Fallzahl ist gesperrt.</translation>
    </message>
    <message>
      <location filename="cartography/access_style.py" line="50" />
      <source>No value (no demand or no need value)</source>
      <translation>Kein Wert (keine Nachfrage oder kein Bedarfswert)</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="315" />
      <source>Not confidential (counts of public things): published exactly, small counts and small quartiers included; never suppressed.</source>
      <translation>Nicht vertraulich (Zählungen öffentlicher Dinge): genau veröffentlicht, auch kleine Fallzahlen und kleine Quartiere; wird nie gesperrt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="105" />
      <source>Not confidential, published without suppression: {ids}.</source>
      <translation>Nicht vertraulich, ohne Unterdrückung veröffentlicht: {ids}.</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="123" />
      <source>Not enough memory to export {path}.</source>
      <translation>Nicht genügend Arbeitsspeicher für den Export von {path}.</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="137" />
      <source>Not shown: statistical confidentiality or no valid data ({flag})</source>
      <translation>Nicht angezeigt: statistische Geheimhaltung oder keine gültigen Daten ({flag})</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="72" />
      <source>Number of classes</source>
      <translation>Anzahl der Klassen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="118" />
      <source>Number of files written</source>
      <translation>Anzahl geschriebener Dateien</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="416" />
      <source>Number of map classes (pretty breaks and few distinct values may give fewer).</source>
      <translation>Anzahl der Kartenklassen (runde Klassengrenzen und wenige verschiedene Werte können weniger ergeben).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="138" />
      <source>Number of nearest neighbours (with K nearest neighbours).</source>
      <translation>Anzahl der nächsten Nachbarn (bei K nächsten Nachbarn).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="161" />
      <source>Number of rows matched</source>
      <translation>Anzahl gefundener Zeilen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="162" />
      <source>Number of rows not matched</source>
      <translation>Anzahl nicht gefundener Zeilen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="119" />
      <source>Number of sheets (pages)</source>
      <translation>Anzahl der Blätter (Seiten)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="136" />
      <source>Number of sites to add</source>
      <translation>Anzahl hinzuzufügender Standorte</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="352" />
      <source>Numerator (column of the counts table)</source>
      <translation>Zähler (Spalte der Fallzahlentabelle)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="123" />
      <source>Numerator field (EB rates)</source>
      <translation>Zählerfeld (EB-Raten)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="371" />
      <source>Numerators from 1 to this value minus one are not shown (statistical confidentiality).</source>
      <translation>Zähler von 1 bis zu diesem Wert minus eins werden nicht ausgewiesen (statistische Geheimhaltung).</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="317" />
      <source>Numerators from 1 to {upper} are not published (minimum count {min_count}).</source>
      <translation>Zähler von 1 bis {upper} werden nicht veröffentlicht (Mindestfallzahl {min_count}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="106" />
      <source>Numeric address fields (e.g. residents) summed per quartier into the SUMMARY layer.</source>
      <translation>Numerische Adressfelder (z. B. Einwohner), die je Quartier in den SUMMARY-Layer summiert werden.</translation>
    </message>
    <message>
      <source>Numeric fields that make up the index (higher value = more need unless reversed).</source>
      <translation type="obsolete">Numerische Felder, aus denen der Index gebildet wird (höherer Wert = mehr Bedarf, sofern nicht umgekehrt).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="150" />
      <source>Numeric fields that make up the index (higher value = more need unless reversed); preselected: the indicator values of the catalog's need indicators the layer has.</source>
      <translation>Numerische Felder, aus denen der Index gebildet wird (höherer Wert = mehr Bedarf, außer umgekehrt); vorausgewählt: die Indikatorwerte der Bedarfsindikatoren des Katalogs, die der Layer hat.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="136" />
      <source>Offerings (points)</source>
      <translation>Angebote (Punkte)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="76" />
      <source>Offerings per quartier and coverage</source>
      <translation>Angebote je Quartier und Erreichbarkeit</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="119" />
      <source>Offerings that stay: the demand they cover is covered already.</source>
      <translation>Angebote, die bleiben: die Nachfrage, die sie abdecken, ist bereits abgedeckt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="110" />
      <source>One PDF per quartier</source>
      <translation>Ein PDF je Quartier</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="110" />
      <source>One PNG per quartier</source>
      <translation>Ein PNG je Quartier</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="110" />
      <source>One multi-page PDF</source>
      <translation>Ein mehrseitiges PDF</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="102" />
      <source>One row per quartier, one column per group, zero-filled.</source>
      <translation>Eine Zeile je Quartier, eine Spalte je Gruppe, mit Nullen aufgefüllt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="96" />
      <source>Only quartiers matching (expression)</source>
      <translation>Nur Quartiere, die zutreffen (Ausdruck)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="443" />
      <source>Only rows of these years are used (needs the year field).</source>
      <translation>Nur Zeilen dieser Jahre werden verwendet (erfordert das Jahresfeld).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="358" />
      <source>Only {} site(s) add coverage: the output holds fewer than {} sites.</source>
      <translation>Nur {} Standort(e) erhöhen die Abdeckung: die Ausgabe enthält weniger als {} Standorte.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="515" />
      <source>Only {} site(s) add coverage: with them every demand that a candidate can reach is covered.</source>
      <translation>Nur {} Standort(e) erhöhen die Abdeckung: mit ihnen ist jede Nachfrage abgedeckt, die ein Standortkandidat erreichen kann.</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="91" />
      <source>Open folder</source>
      <translation>Ordner öffnen</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="92" />
      <source>Open the folder of the map sheets just written</source>
      <translation>Den Ordner der eben geschriebenen Kartenblätter öffnen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="150" />
      <source>OpenDocument spreadsheet (ODS)</source>
      <translation>OpenDocument-Tabelle (ODS)</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="518" />
      <source>Optimality</source>
      <translation>Optimalität</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="195" />
      <source>Optional table with the columns field, mean and sd: per indicator field the mean and standard deviation of a base year; the z-scores use them instead of this year's (optional row status_index: mean and sd of the weighted sum).</source>
      <translation>Optionale Tabelle mit den Spalten field, mean und sd: je Indikatorfeld Mittelwert und Standardabweichung eines Basisjahres; die z-Werte verwenden diese statt der des aktuellen Jahres (optionale Zeile status_index: Mittelwert und Standardabweichung der gewichteten Summe).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="160" />
      <source>Optional weights: numbers in the order of the indicator fields ('1,1,2') or 'A1=2; A2=1' (others 1).</source>
      <translation>Optionale Gewichte: Zahlen in der Reihenfolge der Indikatorfelder („1,1,2“) oder „A1=2; A2=1“ (übrige 1).</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="508" />
      <source>Out of reach of every candidate</source>
      <translation>Von keinem Standortkandidaten erreichbar</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="112" />
      <source>Output folder</source>
      <translation>Ausgabeordner</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="97" />
      <source>Overlap area</source>
      <translation>Überlappungsfläche</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="96" />
      <source>Overlapping quartiers</source>
      <translation>Überlappende Quartiere</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="61" />
      <source>Parameter AGE_BANDS “{}” cannot be read: {}.</source>
      <translation>Der Parameter AGE_BANDS „{}“ kann nicht gelesen werden: {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="58" />
      <source>Parameter QUARTIER_ID (the quartier id field) is missing.</source>
      <translation>Der Parameter QUARTIER_ID (das Feld der Quartierskennung) fehlt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="59" />
      <source>Parameter QUARTIER_ID or INPUT_ID_FIELD (the quartier id field of the table INPUT) is missing.</source>
      <translation>Der Parameter QUARTIER_ID oder INPUT_ID_FIELD (das Feld der Quartierskennung der Tabelle in INPUT) fehlt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="144" />
      <source>Periods (the last years tested)</source>
      <translation>Perioden (die zuletzt geprüften Jahre)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="143" />
      <source>Permutations</source>
      <translation>Permutationen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="145" />
      <source>Place addresses with unknown house number at their street's centroid</source>
      <translation>Adressen mit unbekannter Hausnummer auf den Schwerpunkt ihrer Straße setzen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="131" />
      <source>Points to place in quartiers, or a table holding a quartier id per record.</source>
      <translation>Punkte, die Quartieren zugeordnet werden, oder eine Tabelle mit einer Quartierskennung je Datensatz.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="358" />
      <source>Polarity</source>
      <translation>Polarität</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="351" />
      <source>Polygon layer of the quartiers.</source>
      <translation>Polygonlayer der Quartiere.</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="96" />
      <source>Polygon layers with Quartiersmonitor indicator fields</source>
      <translation>Polygonlayer mit Indikatorfeldern des Quartiersmonitors</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="97" />
      <source>Population '{column}' missing or invalid for quartier(s) {ex}: all their confidential values are suppressed.</source>
      <translation>Einwohnerzahl „{column}“ fehlt oder ist ungültig für Quartier(e) {ex}: Alle ihre vertraulichen Werte werden unterdrückt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="128" />
      <source>Population at risk (e.g. A1_den).</source>
      <translation>Bezugsbevölkerung (z. B. A1_den).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="164" />
      <source>Population field</source>
      <translation>Einwohnerfeld</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="100" />
      <source>Postcode field</source>
      <translation>Feld Postleitzahl</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="94" />
      <source>Pretty breaks</source>
      <translation>Runde Klassengrenzen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="419" />
      <source>Previous layer '{layer}' has no field(s) '{fields}' (it needs the same fields as '{input}').</source>
      <translation>Vorjahreslayer „{layer}“ hat kein(e) Feld(er) „{fields}“ (er braucht dieselben Felder wie „{input}“).</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="104" />
      <source>Previous layer '{layer}', field '{field}': no quartier id matches the input ids (previous: {prev}; input: {current}).</source>
      <translation>Vorjahreslayer „{layer}“, Feld „{field}“: keine Quartiers-ID passt zu den IDs der Eingabe (Vorjahr: {prev}; Eingabe: {current}).</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="107" />
      <source>Previous layer '{layer}': {n} quartiers have no previous values (no dynamics): {ex}.</source>
      <translation>Vorjahreslayer „{layer}“: {n} Quartiere haben keine Vorjahreswerte (keine Dynamik): {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="186" />
      <source>Previous year (same fields)</source>
      <translation>Vorjahr (dieselben Felder)</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="104" />
      <source>Problem</source>
      <translation>Problem</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="132" />
      <source>Profile</source>
      <translation>Profil</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="116" />
      <source>Profile of {quartier}</source>
      <translation>Profil von {quartier}</translation>
    </message>
    <message>
      <location filename="processing_provider/vector_output.py" line="214" />
      <source>QGIS could not copy the staged layer into memory.</source>
      <translation>QGIS konnte den zwischengespeicherten Layer nicht in den Speicher kopieren.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="386" />
      <source>QGIS could not create a temporary table.</source>
      <translation>QGIS konnte keine temporäre Tabelle anlegen.</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="118" />
      <source>QGIS could not load the layout template {path}.</source>
      <translation>QGIS konnte die Layoutvorlage {path} nicht laden.</translation>
    </message>
    <message>
      <location filename="processing_provider/vector_output.py" line="263" />
      <source>QGIS could not open the table written.</source>
      <translation>QGIS konnte die geschriebene Tabelle nicht öffnen.</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="120" />
      <source>QGIS could not write the file {path} (is the folder writable, the disk full, or the file open in another program?). {detail}</source>
      <translation>QGIS konnte die Datei {path} nicht schreiben (ist der Ordner beschreibbar, die Festplatte voll oder die Datei in einem anderen Programm geöffnet?). {detail}</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="93" />
      <source>Quantiles</source>
      <translation>Quantile</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="196" />
      <source>Quartier</source>
      <translation>Quartier</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="184" />
      <source>Quartier id</source>
      <translation>Quartiers-ID</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="60" />
      <source>Quartier id field</source>
      <translation>Feld Quartiers-ID</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="142" />
      <source>Quartier id field of a table input</source>
      <translation>Feld der Quartierskennung einer Tabelleneingabe</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="66" />
      <source>Quartier id field of the counts table</source>
      <translation>Feld Quartiers-ID der Fallzahlentabelle</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="119" />
      <source>Quartier id; names the quartiers left out in the log.</source>
      <translation>Quartiers-ID; nennt im Protokoll die ausgelassenen Quartiere.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="144" />
      <source>Quartier id; the previous layer is joined on a field of the same name.</source>
      <translation>Quartiers-ID; der Vorjahreslayer wird über ein gleichnamiges Feld verknüpft.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="94" />
      <source>Quartier name field</source>
      <translation>Feld des Quartiersnamens</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="82" />
      <source>Quartier polygons with a text quartier id.</source>
      <translation>Quartierspolygone mit einer Quartiers-ID als Text.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="143" />
      <source>Quartier polygons with indicator fields, e.g. the output of 'Calculate indicators'.</source>
      <translation>Quartierspolygone mit Indikatorfeldern, z. B. die Ausgabe von „Indikatoren berechnen“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="117" />
      <source>Quartier polygons with the values to analyse, e.g. the output of 'Calculate indicators'.</source>
      <translation>Quartierspolygone mit den zu untersuchenden Werten, z. B. die Ausgabe von „Indikatoren berechnen“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="134" />
      <source>Quartier polygons: needed for point input; for table input they list every quartier so that quartiers without records get a row of zeros.</source>
      <translation>Quartierspolygone: nötig für Punkte; bei einer Tabelle liefern sie alle Quartiere, damit Quartiere ohne Datensätze eine Zeile mit Nullen erhalten.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="222" />
      <source>Quartier “{}” has an invalid geometry ({}); repaired for the assignment.</source>
      <translation>Quartier „{}“ hat eine ungültige Geometrie ({}); für die Zuordnung repariert.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="172" />
      <source>Quartier “{}” has an invalid geometry ({}); repaired.</source>
      <translation>Quartier „{}“ hat eine ungültige Geometrie ({}); repariert.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="174" />
      <source>Quartier “{}” has no geometry; no address can fall into it.</source>
      <translation>Quartier „{}“ hat keine Geometrie; keine Adresse kann darin liegen.</translation>
    </message>
    <message>
      <location filename="processing_provider/quartier_checks.py" line="22" />
      <source>Quartier “{}”: its geometry cannot be indexed.</source>
      <translation>Quartier „{}“: seine Geometrie kann nicht indiziert werden.</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="59" />
      <source>Quartiers</source>
      <translation>Quartiere</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="147" />
      <source>Quartiers (polygons)</source>
      <translation>Quartiere (Polygone)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="124" />
      <source>Quartiers (polygons, optional)</source>
      <translation>Quartiere (Polygone, optional)</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="75" />
      <source>Quartiers needing attention</source>
      <translation>Quartiere mit Aufmerksamkeitsbedarf</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="396" />
      <source>Quartiers under the minimum population or without a value in a chosen indicator are not classed (shown as .).</source>
      <translation>Quartiere unter der Mindesteinwohnerzahl oder ohne Wert in einem gewählten Indikator werden nicht eingestuft (dargestellt als .).</translation>
    </message>
    <message>
      <location filename="ui/dock_funnel.py" line="35" />
      <source>Quartiers whose value is hidden (statistical confidentiality) or missing are not drawn, not even their denominator.</source>
      <translation>Quartiere, deren Wert gesperrt (statistische Geheimhaltung) oder nicht vorhanden ist, werden nicht gezeichnet, auch nicht ihr Nenner.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="118" />
      <source>Quartiers with address counts</source>
      <translation>Quartiere mit Adressanzahlen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="94" />
      <source>Quartiers with different municipalities in different rows (first one used): {ex}.</source>
      <translation>Quartiere mit verschiedenen Gemeinden in verschiedenen Zeilen (die erste wird verwendet): {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="378" />
      <source>Quartiers with fewer residents (column pop_total) are not shown; 0 switches the rule off.</source>
      <translation>Quartiere mit weniger Einwohnern (Spalte pop_total) werden nicht ausgewiesen; 0 schaltet die Regel ab.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="320" />
      <source>Quartiers with fewer than {n} residents publish no value.</source>
      <translation>Quartiere mit weniger als {n} Einwohnern veröffentlichen keinen Wert.</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="92" />
      <source>Quartiers without any address: {}</source>
      <translation>Quartiere ohne Adresse: {}</translation>
    </message>
    <message>
      <location filename="plugin.py" line="38" />
      <source>Quartiersmonitor</source>
      <translation>Quartiersmonitor</translation>
    </message>
    <message>
      <location filename="processing_provider/provider.py" line="31" />
      <source>Quartiersmonitor could not load the algorithm module {}: {}</source>
      <translation>Quartiersmonitor konnte das Algorithmus-Modul {} nicht laden: {}</translation>
    </message>
    <message>
      <location filename="mapsheets/sheet_text.py" line="49" />
      <source>Quartiersmonitor map sheet of {date}</source>
      <translation>Kartenblatt des Quartiersmonitors vom {date}</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="30" />
      <source>Quartiersmonitor pipeline</source>
      <translation>Quartiersmonitor-Gesamtablauf</translation>
    </message>
    <message>
      <location filename="processing_provider/provider.py" line="61" />
      <source>Quartiersmonitor: social and health planning for quartiers</source>
      <translation>Quartiersmonitor: Sozial- und Gesundheitsplanung für Quartiere</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="133" />
      <source>Queen contiguity</source>
      <translation>Queen-Nachbarschaft</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="135" />
      <source>Queen: quartiers with a common border point; rook: a common border segment; K nearest or within the distance: by the quartiers' centroids.</source>
      <translation>Queen: Quartiere mit einem gemeinsamen Grenzpunkt; Rook: mit einem gemeinsamen Grenzabschnitt; K nächste oder innerhalb der Distanz: nach den Schwerpunkten der Quartiere.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="145" />
      <source>Random permutations for the pseudo p-values (the smallest possible p is 1 / (permutations + 1)).</source>
      <translation>Zufällige Permutationen für die Pseudo-p-Werte (der kleinstmögliche p-Wert ist 1 / (Permutationen + 1)).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="147" />
      <source>Random seed</source>
      <translation>Zufallsstartwert</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="344" />
      <source>Rank</source>
      <translation>Rang</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="79" />
      <source>Rank among the quartiers with a published value; 1 = most need</source>
      <translation>Rang unter den Quartieren mit veröffentlichtem Wert; 1 = größter Bedarf</translation>
    </message>
    <message>
      <location filename="mapsheets/sheet_text.py" line="76" />
      <source>Rank {rank} of {n}</source>
      <translation>Rang {rank} von {n}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="385" />
      <source>Rates, confidence intervals and municipality and county values are published rounded to this number of decimals.</source>
      <translation>Quoten, Konfidenzintervalle sowie Gemeinde- und Kreiswerte werden auf diese Zahl von Nachkommastellen gerundet veröffentlicht.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="150" />
      <source>Reading address points of “{}”…</source>
      <translation>Adresspunkte aus „{}“ werden gelesen…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="358" />
      <source>Reading addresses…</source>
      <translation>Adressen werden gelesen…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="215" />
      <source>Reading offerings…</source>
      <translation>Angebote werden gelesen…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="140" />
      <source>Reading quartiers of “{}”…</source>
      <translation>Quartiere aus „{}“ werden gelesen…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="210" />
      <source>Reading quartiers…</source>
      <translation>Quartiere werden gelesen…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="189" />
      <source>Reading the address directory '{}'…</source>
      <translation>Adressverzeichnis '{}' wird gelesen…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="196" />
      <source>Reading the addresses to geocode from '{}'…</source>
      <translation>Zu geokodierende Adressen werden aus '{}' gelesen…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="416" />
      <source>Reading the network…</source>
      <translation>Netz wird gelesen…</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="130" />
      <source>Records (points or table)</source>
      <translation>Datensätze (Punkte oder Tabelle)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="149" />
      <source>Records are counted per value of this field (e.g. sex, nationality, age band).</source>
      <translation>Datensätze werden je Wert dieses Feldes gezählt (z. B. Geschlecht, Staatsangehörigkeit, Altersgruppe).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="163" />
      <source>Records counted</source>
      <translation>Gezählte Datensätze</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="164" />
      <source>Records without a quartier</source>
      <translation>Datensätze ohne Quartier</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="122" />
      <source>Report (HTML)</source>
      <translation>Bericht (HTML)</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="187" />
      <source>Residents</source>
      <translation>Einwohner</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="150" />
      <source>Residents field (empty: one resident per address)</source>
      <translation>Feld Einwohner (leer: ein Einwohner je Adresse)</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="63" />
      <source>Residents field of the address directory</source>
      <translation>Einwohnerfeld des Adressverzeichnisses</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="169" />
      <source>Residents per quartier (default pop_total, published by 'Calculate indicators'); quartiers under the minimum population are not classed. Empty: the minimum population is not applied.</source>
      <translation>Einwohner je Quartier (Vorgabe pop_total, von „Indikatoren berechnen“ veröffentlicht); Quartiere unter der Mindesteinwohnerzahl werden nicht klassifiziert. Leer: Die Mindesteinwohnerzahl wird nicht angewandt.</translation>
    </message>
    <message>
      <source>Residents per quartier; quartiers under the minimum population are not classed.</source>
      <translation type="obsolete">Einwohner je Quartier; Quartiere unter der Mindesteinwohnerzahl werden nicht klassifiziert.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="154" />
      <source>Reversed fields (higher value = less need)</source>
      <translation>Umgekehrte Felder (höherer Wert = weniger Bedarf)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="133" />
      <source>Rook contiguity</source>
      <translation>Rook-Nachbarschaft</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="246" />
      <source>Row {row} of table '{layer}' holds the expected column names {names}: the table probably has a title row above its header. Delete the rows above the header so that the first row holds the column names.</source>
      <translation>Zeile {row} der Tabelle „{layer}“ enthält die erwarteten Spaltennamen {names}: Die Tabelle hat wahrscheinlich eine Titelzeile über der Kopfzeile. Löschen Sie die Zeilen über der Kopfzeile, sodass die erste Zeile die Spaltennamen enthält.</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="109" />
      <source>Search quartiers by id, name or municipality</source>
      <translation>Quartiere nach Nummer, Name oder Gemeinde suchen</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="323" />
      <source>Secondary suppression hides further cells and municipality or county values until an audit proves that no hidden small count can be narrowed to fewer than {k} possible values from everything the run publishes. Every hidden cell is shown as •.</source>
      <translation>Die sekundäre Sperrung sperrt weitere Zellen sowie Gemeinde- oder Kreiswerte, bis eine Prüfung belegt, dass keine gesperrte kleine Fallzahl aus allem, was der Lauf veröffentlicht, auf weniger als {k} mögliche Werte eingegrenzt werden kann. Jede gesperrte Zelle wird als • dargestellt.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="535" />
      <source>Seconds</source>
      <translation>Sekunden</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="201" />
      <source>Seed</source>
      <translation>Startwert</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="202" />
      <source>Seed of the 1,000 simulated draws of status_certainty: the same seed gives the same values.</source>
      <translation>Startwert der 1.000 simulierten Ziehungen für status_certainty: derselbe Startwert ergibt dieselben Werte.</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="127" />
      <source>Select a quartier to see its profile.</source>
      <translation>Wählen Sie ein Quartier, um sein Profil zu sehen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="372" />
      <source>Select at least one indicator field.</source>
      <translation>Wählen Sie mindestens ein Indikatorfeld.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="69" />
      <source>Select at least one indicator.</source>
      <translation>Wählen Sie mindestens einen Indikator.</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="162" />
      <source>Select the quartiers whose map sheets you want, in the list or on the map.</source>
      <translation>Wählen Sie die Quartiere, deren Kartenblätter Sie möchten, in der Liste oder in der Karte.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="110" />
      <source>Several years are pooled: the same counts published for single years (or for other pooled years) can be subtracted from this publication; publish only one of them.</source>
      <translation>Mehrere Jahre sind zusammengefasst: Dieselben Fallzahlen, für Einzeljahre (oder andere zusammengefasste Jahre) veröffentlicht, lassen sich von dieser Veröffentlichung abziehen; veröffentlichen Sie nur eine davon.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="502" />
      <source>Share of all demand</source>
      <translation>Anteil an der gesamten Nachfrage</translation>
    </message>
    <message>
      <location filename="plugin.py" line="40" />
      <source>Show the Quartiersmonitor panel: quartiers, profiles and map sheets</source>
      <translation>Quartiersmonitor-Bedienfeld anzeigen: Quartiere, Profile und Kartenblätter</translation>
    </message>
    <message>
      <source>Shows the layer's saved style of this indicator</source>
      <translation type="obsolete">Zeigt den gespeicherten Stil des Layers für diesen Indikator</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="99" />
      <source>Shows this indicator on the map: the layer's saved style of it, or a style made as the indicator layer was calculated</source>
      <translation>Zeigt diesen Indikator in der Karte: mit dem gespeicherten Stil des Layers oder mit einem Stil, der so gebildet wird, wie der Indikatorlayer berechnet wurde</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="344" />
      <source>Sig.</source>
      <translation>Sig.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="150" />
      <source>Significance level (alpha)</source>
      <translation>Signifikanzniveau (Alpha)</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="511" />
      <source>Site</source>
      <translation>Standort</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="86" />
      <source>Some ids differ only by leading zeros ({ex}): the id column was probably read as a number. Ids are compared as text; store the ids as text in both layers (e.g. switch off 'Detect field types' when adding a CSV, or add a .csvt file).</source>
      <translation>Einige IDs unterscheiden sich nur durch führende Nullen ({ex}): Die ID-Spalte wurde wahrscheinlich als Zahl gelesen. IDs werden als Text verglichen; speichern Sie die IDs in beiden Layern als Text (z. B. beim Hinzufügen einer CSV-Datei „Feldtypen erkennen“ ausschalten oder eine .csvt-Datei anlegen).</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="90" />
      <source>Some ids differ only by leading zeros ({ex}): the spreadsheet stored the ids as numbers, which drops leading zeros, and they could not be padded unambiguously. In the spreadsheet, format the id column as Text and enter the ids with their leading zeros (e.g. '0101'), save it and run again.</source>
      <translation>Einige Kennungen unterscheiden sich nur durch führende Nullen ({ex}): Die Tabellenkalkulation hat die Kennungen als Zahlen gespeichert, wodurch führende Nullen verloren gehen, und sie ließen sich nicht eindeutig auffüllen. Formatieren Sie in der Tabellenkalkulation die Kennungsspalte als Text, geben Sie die Kennungen mit ihren führenden Nullen ein (z. B. „0101“), speichern Sie und starten Sie erneut.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="367" />
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="75" />
      <source>Source line of the map sheets (prefilled from the indicator layer)</source>
      <translation>Quellenangabe der Kartenblätter (vorbelegt aus dem Indikatorlayer)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="104" />
      <source>Source of the data (empty: the source recorded on the layer)</source>
      <translation>Quelle der Daten (leer: die am Layer vermerkte Quelle)</translation>
    </message>
    <message>
      <location filename="mapsheets/sheet_text.py" line="46" />
      <source>Source: {source}</source>
      <translation>Quelle: {source}</translation>
    </message>
    <message>
      <source>Source: {source} · Quartiersmonitor map sheet of {date} · ▲/▼ significantly above/below the county</source>
      <translation type="obsolete">Quelle: {source} · Kartenblatt des Quartiersmonitors vom {date} · ▲/▼ signifikant über/unter dem Kreiswert</translation>
    </message>
    <message>
      <location filename="processing_provider/gpkg_join.py" line="254" />
      <source>Spatial index built by GDAL ({}).</source>
      <translation>Räumlicher Index von GDAL erstellt ({}).</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="487" />
      <source>Spine</source>
      <translation>Spine</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="256" />
      <source>Spine chart: grey bar = range of the quartiers (worse end on the left), dark band = 25th–75th percentile, black line = county value; circle = this quartier: red significantly worse, blue significantly better, grey not significantly different or context indicator, hollow significance unknown; no circle: value not published</source>
      <translation>Spine-Diagramm: grauer Balken = Spannweite der Quartiere (ungünstiges Ende links), dunkles Band = 25.–75. Perzentil, schwarze Linie = Kreiswert; Kreis = dieses Quartier: rot signifikant ungünstiger, blau signifikant günstiger, grau nicht signifikant verschieden oder Kontextindikator, hohl Signifikanz unbekannt; kein Kreis: Wert nicht veröffentlicht</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="81" />
      <source>Spine chart: range of the quartiers (worse on the left), 25th–75th percentile darker, county value as centre line; the quartier as a circle: red worse, blue better, grey not significantly different or context indicator</source>
      <translation>Spine-Diagramm: Spannweite der Quartiere (ungünstiger links), 25.–75. Perzentil dunkler, Kreiswert als Mittellinie; das Quartier als Kreis: rot ungünstiger, blau günstiger, grau nicht signifikant verschieden oder Kontextindikator</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="188" />
      <source>Spreadsheet '{file}' has no sheet '{sheet}'; its sheets: {sheets}.</source>
      <translation>Die Tabellenkalkulationsdatei „{file}“ hat kein Blatt „{sheet}“; ihre Blätter: {sheets}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="158" />
      <source>Spreadsheets (*.xlsx *.ods *.csv);;Excel workbook (*.xlsx);;OpenDocument spreadsheet (*.ods);;CSV (*.csv)</source>
      <translation>Tabellen (*.xlsx *.ods *.csv);;Excel-Arbeitsmappe (*.xlsx);;OpenDocument-Tabelle (*.ods);;CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="93" />
      <source>Standard deviation</source>
      <translation>Standardabweichung</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="84" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="193" />
      <source>Status class</source>
      <translation>Statusklasse</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="257" />
      <source>Status classes: {counts}; attention: {n} quartiers.</source>
      <translation>Statusklassen: {counts}; Aufmerksamkeitsbedarf: {n} Quartiere.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="193" />
      <source>Status index</source>
      <translation>Statusindex</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="179" />
      <source>Status thresholds</source>
      <translation>Statusschwellenwerte</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="88" />
      <source>Street field</source>
      <translation>Feld Straße</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="159" />
      <source>Summed instead of counting 1 per record (e.g. residents per address).</source>
      <translation>Wird summiert, statt je Datensatz 1 zu zählen (z. B. Einwohner je Adresse).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="106" />
      <source>Suppressed for confidentiality: {items}.</source>
      <translation>Aus Gründen der Geheimhaltung unterdrückt: {items}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="157" />
      <source>Table</source>
      <translation>Tabelle</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="71" />
      <source>Table '{layer}' has no rows.</source>
      <translation>Tabelle „{layer}“ hat keine Zeilen.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="74" />
      <source>Table '{layer}', column '{field}': '{value}' holds characters that could not be decoded: the text encoding of the table is probably wrong (e.g. a Windows-1252 / Latin-1 file read as UTF-8). Set the encoding when adding the layer (Data Source Manager → Delimited Text → Encoding) or in Layer Properties → Source.</source>
      <translation>Tabelle „{layer}“, Spalte „{field}“: „{value}“ enthält Zeichen, die nicht dekodiert werden konnten: Die Textkodierung der Tabelle ist wahrscheinlich falsch (z. B. eine Windows-1252-/Latin-1-Datei als UTF-8 gelesen). Stellen Sie die Kodierung beim Hinzufügen des Layers ein (Datenquellenverwaltung → Getrennte Texte → Kodierung) oder unter Layereigenschaften → Quelle.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="79" />
      <source>Table '{layer}', field '{field}': no rows for the year(s) {years}; the table has {found}.</source>
      <translation>Tabelle „{layer}“, Feld „{field}“: keine Zeilen für das Jahr / die Jahre {years}; die Tabelle enthält {found}.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="81" />
      <source>Table '{layer}', field '{field}': none of its ids matches a quartier id of layer '{quartiers}' (field '{qid}'). Table ids: {table_ids}; quartier ids: {quartier_ids}.</source>
      <translation>Tabelle „{layer}“, Feld „{field}“: keine ihrer IDs passt zu einer Quartiers-ID des Layers „{quartiers}“ (Feld „{qid}“). IDs der Tabelle: {table_ids}; Quartiers-IDs: {quartier_ids}.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="94" />
      <source>Table '{layer}', field '{field}': {n} ids had lost their leading zeros in the spreadsheet (stored as numbers) and were padded with zeros to the quartier ids: {ex}.</source>
      <translation>Tabelle „{layer}“, Feld „{field}“: {n} Kennungen hatten in der Tabellenkalkulation ihre führenden Nullen verloren (als Zahlen gespeichert) und wurden mit Nullen zu den Quartierskennungen aufgefüllt: {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="84" />
      <source>Table '{layer}', field '{field}': {n} ids match no quartier and are left out: {ex}.</source>
      <translation>Tabelle „{layer}“, Feld „{field}“: {n} IDs passen zu keinem Quartier und werden ausgelassen: {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="72" />
      <source>Table '{layer}', field '{field}': {n} rows have no quartier id (NULL or empty), e.g. rows {ex}.</source>
      <translation>Tabelle „{layer}“, Feld „{field}“: {n} Zeilen haben keine Quartiers-ID (NULL oder leer), z. B. Zeilen {ex}.</translation>
    </message>
    <message>
      <source>Table '{layer}', field '{field}': {n} rows without an id are left out.</source>
      <translation type="obsolete">Tabelle „{layer}“, Feld „{field}“: {n} Zeilen ohne ID werden ausgelassen.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="319" />
      <source>Table '{layer}': the column names are in row {row} of the sheet; the {n} row(s) above them (a title) were skipped.</source>
      <translation>Tabelle „{layer}“: Die Spaltennamen stehen in Zeile {row} des Blatts; die {n} Zeile(n) darüber (ein Titel) wurden übersprungen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="237" />
      <source>Table '{layer}': the year field '{field}' holds {n} year(s) ({years}) for the quartiers; a trend needs at least 3.</source>
      <translation>Tabelle '{layer}': Das Jahresfeld '{field}' enthält für die Quartiere {n} Jahr(e) ({years}); ein Trend braucht mindestens 3.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="612" />
      <source>Table '{layer}': {message}</source>
      <translation>Tabelle „{layer}“: {message}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="194" />
      <source>Table '{layer}': {n} quartier(s) have no row for some years of the window and get no trend: {ex}.</source>
      <translation>Tabelle „{layer}“: {n} Quartier(e) haben für einige Jahre des Zeitraums keine Zeile und erhalten keinen Trend: {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="186" />
      <source>Table '{layer}': {n} row(s) without a year in field '{field}' are left out (e.g. quartier {qid}).</source>
      <translation>Tabelle „{layer}“: {n} Zeile(n) ohne Jahr im Feld „{field}“ werden ausgelassen (z. B. Quartier {qid}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="355" />
      <source>Table of counts per quartier (CSV, XLSX, GeoPackage table, any layer); columns named as in the indicator catalog or mapped in 'Column mapping'.</source>
      <translation>Tabelle der Fallzahlen je Quartier (CSV, XLSX, GeoPackage-Tabelle, beliebiger Layer); Spalten benannt wie im Indikatorenkatalog oder unter „Spaltenzuordnung“ zugeordnet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="129" />
      <source>Table of counts per quartier and year; columns named as in the indicator catalog or mapped in 'Column mapping'.</source>
      <translation>Zähltabelle je Quartier und Jahr; Spalten benannt wie im Indikatorkatalog oder unter 'Spaltenzuordnung' zugeordnet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="291" />
      <source>Table “{}” has no column “{}”; its columns: {}.</source>
      <translation>Tabelle „{}“ hat keine Spalte „{}“; ihre Spalten: {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="64" />
      <source>Table “{}” has no quartier id field “{}” (parameter QUARTIER_ID). Available fields: {}.</source>
      <translation>Tabelle „{}“ hat kein Feld der Quartierskennung „{}“ (Parameter QUARTIER_ID). Vorhandene Felder: {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="298" />
      <source>Table “{}”, column “{}”: {} cell(s) are not numbers, e.g. {}.</source>
      <translation>Tabelle „{}“, Spalte „{}“: {} Zelle(n) sind keine Zahlen, z. B. {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="303" />
      <source>Table “{}”, column “{}”: {} cell(s) read with the German thousands separator (“1.234” = 1234), e.g. {}.</source>
      <translation>Tabelle „{}“, Spalte „{}“: {} Zelle(n) mit deutschem Tausendertrennzeichen gelesen („1.234“ = 1234), z. B. {}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="335" />
      <source>Table “{}”, column “{}”: {} record(s) have no weight (empty or suppressed, e.g. “k.A.”): the values of their quartiers are unknown and written as NULL: {}.</source>
      <translation>Tabelle „{}“, Spalte „{}“: {} Datensätze haben kein Gewicht (leer oder gesperrt, z. B. „k.A.“): Die Werte ihrer Quartiere sind unbekannt und werden als NULL geschrieben: {}.</translation>
    </message>
    <message>
      <location filename="ui/dock_export.py" line="169" />
      <source>The Processing algorithm {alg} is not available.</source>
      <translation>Der Processing-Algorithmus {alg} ist nicht verfügbar.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="256" />
      <source>The address directory '{}' is empty: there is nothing to match against.</source>
      <translation>Das Adressverzeichnis '{}' ist leer: es gibt nichts zum Abgleichen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="116" />
      <source>The addresses with quartier_id and assign_status. Leave empty to skip.</source>
      <translation>Die Adressen mit quartier_id und assign_status. Leer lassen, um sie nicht zu erzeugen.</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="214" />
      <source>The atlas could not move to sheet {n}.</source>
      <translation>Der Atlas konnte nicht zu Blatt {n} wechseln.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="354" />
      <source>The bound is the Lagrangian bound (subgradient optimisation).</source>
      <translation>Die Schranke ist die Lagrange-Schranke (Subgradientenverfahren).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="645" />
      <source>The confidentiality audit could not protect every hidden count; nothing was written.</source>
      <translation>Die Geheimhaltungsprüfung konnte nicht jede gesperrte Fallzahl schützen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="499" />
      <source>The demand of every address is weighted by the need of its quartier.</source>
      <translation>Die Nachfrage jeder Adresse ist mit dem Bedarf ihres Quartiers gewichtet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="285" />
      <source>The directory has no city field: the input cities are not used.</source>
      <translation>Das Verzeichnis hat kein Ortsfeld: die Orte der Eingabe werden nicht verwendet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="283" />
      <source>The directory has no postcode field: the input postcodes are not used.</source>
      <translation>Das Verzeichnis hat kein Postleitzahlfeld: die Postleitzahlen der Eingabe werden nicht verwendet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="70" />
      <source>The distance (parameter {param}) is {distance:g} m: nothing lies within it, every figure would be 0. Give a distance greater than 0.</source>
      <translation>Die Entfernung (Parameter {param}) ist {distance:g} m: Nichts liegt innerhalb davon, jede Kennzahl wäre 0. Geben Sie eine Entfernung größer als 0 an.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="58" />
      <source>The distance band needs a distance greater than 0 (given: {distance}).</source>
      <translation>Das Distanzband braucht eine Distanz größer als 0 (angegeben: {distance}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="160" />
      <source>The file to write; its extension follows the format.</source>
      <translation>Die zu schreibende Datei; ihre Endung folgt dem Format.</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="193" />
      <source>The filter expression is not valid: {error}</source>
      <translation>Der Filterausdruck ist ungültig: {error}</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="158" />
      <source>The first {} of {}.</source>
      <translation>Die ersten {} von {}.</translation>
    </message>
    <message>
      <source>The input with status_index, status_class, dynamics_index, dynamics_class and attention.</source>
      <translation type="obsolete">Die Eingabe mit status_index, status_class, dynamics_index, dynamics_class und attention.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="206" />
      <source>The input with status_index, status_class, dynamics_index, dynamics_class, attention, status_certainty, status_certainty_class and drivers.</source>
      <translation>Die Eingabe mit status_index, status_class, dynamics_index, dynamics_class, attention, status_certainty, status_certainty_class und drivers.</translation>
    </message>
    <message>
      <source>The layer has no saved style for indicator {field}.</source>
      <translation type="obsolete">Der Layer hat keinen gespeicherten Stil für den Indikator {field}.</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="124" />
      <source>The layout export failed for {path} ({kind}). {detail}</source>
      <translation>Der Layoutexport ist für {path} fehlgeschlagen ({kind}). {detail}</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="199" />
      <source>The layout exporter reported success but wrote no file {path}.</source>
      <translation>Der Layoutexport meldete Erfolg, hat aber keine Datei {path} geschrieben.</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="120" />
      <source>The layout template {path} has no map item.</source>
      <translation>Die Layoutvorlage {path} enthält kein Kartenelement.</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="113" />
      <source>The layout template {path} is not a valid .qpt (XML) file.</source>
      <translation>Die Layoutvorlage {path} ist keine gültige .qpt-Datei (XML).</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="337" />
      <source>The map sheet export writes a sheet for every selected quartier, also for those the search hides.</source>
      <translation>Der Kartenblatt-Export schreibt ein Blatt für jedes ausgewählte Quartier, auch für die von der Suche ausgeblendeten.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="322" />
      <source>The minimum population rule is switched off (0).</source>
      <translation>Die Regel der Mindesteinwohnerzahl ist ausgeschaltet (0).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="352" />
      <source>The mixed-integer program stopped at its time limit: the bound is its dual bound.</source>
      <translation>Das gemischt-ganzzahlige Programm hielt an seiner Zeitgrenze an: die Schranke ist seine duale Schranke.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="79" />
      <source>The municipality column '{column}' is not in the counts table.</source>
      <translation>Die Gemeindespalte „{column}“ ist nicht in der Zähltabelle.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="158" />
      <source>The municipality field the per-year indicator layers use: municipality totals change which cells are hidden.</source>
      <translation>Das Gemeindefeld, das die Indikatorlayer der einzelnen Jahre verwenden: Gemeindesummen ändern, welche Zellen ausgeblendet werden.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="181" />
      <source>The nearest centroids are {nearest:.0f} apart: choose a distance band of at least that.</source>
      <translation>Die nächsten Schwerpunkte liegen {nearest:.0f} auseinander: Wählen Sie ein Distanzband von mindestens diesem Wert.</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="143" />
      <source>The output folder {folder} is not a folder.</source>
      <translation>Der Ausgabeordner {folder} ist kein Ordner.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="146" />
      <source>The output of 'Calculate indicators' or 'Quartiers needing attention'.</source>
      <translation>Das Ergebnis von „Indikatoren berechnen“ oder „Quartiere mit Aufmerksamkeitsbedarf“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="81" />
      <source>The population column '{column}' is not in the counts table: it is needed to suppress quartiers under {min_population} residents (map it, or set the minimum population to 0).</source>
      <translation>Die Einwohnerspalte „{column}“ ist nicht in der Zähltabelle: Sie wird gebraucht, um Quartiere unter {min_population} Einwohnern zu unterdrücken (ordnen Sie sie zu oder setzen Sie die Mindesteinwohnerzahl auf 0).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="116" />
      <source>The possible sites for new offerings.</source>
      <translation>Die möglichen Standorte für neue Angebote.</translation>
    </message>
    <message>
      <location filename="mapsheets/layout.py" line="511" />
      <source>The profile table of a sheet could not be filled: {error}</source>
      <translation>Die Profiltabelle eines Kartenblatts konnte nicht gefüllt werden: {error}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="73" />
      <source>The quartier id column '{column}' is not in the counts table; its columns are: {columns}.</source>
      <translation>Die Quartiers-ID-Spalte „{column}“ ist nicht in der Zähltabelle; ihre Spalten sind: {columns}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="139" />
      <source>The quartier id field of QUARTIERS; a table INPUT must have a field of the same name (or quartier_id).</source>
      <translation>Das Kennungsfeld von QUARTIERS; eine Tabelle in INPUT muss ein gleichnamiges Feld (oder quartier_id) haben.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="144" />
      <source>The quartier id field of a table INPUT; default: the field named like QUARTIER_ID (or quartier_id). Not used for points placed in QUARTIERS.</source>
      <translation>Das Feld der Quartierskennung einer Tabelle in INPUT; Vorgabe: das Feld, das wie QUARTIER_ID heißt (oder quartier_id). Wird für Punkte, die in QUARTIERS verortet werden, nicht verwendet.</translation>
    </message>
    <message>
      <source>The quartier layer '{}' has no valid CRS.</source>
      <translation type="obsolete">Der Quartierslayer '{}' hat kein gültiges KBS.</translation>
    </message>
    <message>
      <source>The quartier layer '{}' is empty.</source>
      <translation type="obsolete">Der Quartierslayer '{}' ist leer.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="268" />
      <source>The quartier layer '{}' is in a geographic CRS ({}): distances in metres need a projected CRS. Reproject the quartiers first (e.g. to EPSG:25832).</source>
      <translation>Der Quartierslayer '{}' liegt in einem geographischen KBS ({}): Entfernungen in Metern brauchen ein projiziertes KBS. Projizieren Sie die Quartiere zuerst um (z. B. nach EPSG:25832).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="98" />
      <source>The quartier polygons; their CRS is used for the assignment.</source>
      <translation>Die Quartierspolygone; ihr KBS wird für die Zuordnung verwendet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="155" />
      <source>The quartiers with hs_z, hs_p and hs_class.</source>
      <translation>Die Quartiere mit hs_z, hs_p und hs_class.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="120" />
      <source>The quartiers with n_addresses and sum_&lt;field&gt;. Leave empty to skip.</source>
      <translation>Die Quartiere mit n_addresses und sum_&lt;Feld&gt;. Leer lassen, um sie nicht zu erzeugen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="462" />
      <source>The quartiers with the indicator fields; loaded styled.</source>
      <translation>Die Quartiere mit den Indikatorfeldern; wird mit Darstellung geladen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="168" />
      <source>The quartiers with the trend fields; loaded styled.</source>
      <translation>Die Quartiere mit den Trendfeldern; gestaltet geladen.</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="134" />
      <source>The quartiers' values against their denominators, with the county value and the 95 % and 99.8 % control limits: a quartier outside the funnel differs from the county by more than chance</source>
      <translation>Die Werte der Quartiere über ihren Nennern, mit dem Kreiswert und den 95-%- und 99,8-%-Kontrollgrenzen: Ein Quartier außerhalb des Trichters weicht stärker vom Kreis ab, als der Zufall erklärt</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="392" />
      <source>The same index over the changes against a previous layer (empty without one).</source>
      <translation>Derselbe Index über die Veränderungen gegenüber einem früheren Layer (leer ohne ihn).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="148" />
      <source>The same seed gives the same p-values.</source>
      <translation>Derselbe Startwert ergibt dieselben p-Werte.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="537" />
      <source>The solution is optimal.</source>
      <translation>Die Lösung ist optimal.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="351" />
      <source>The solution is proven optimal (mixed-integer program solved exactly).</source>
      <translation>Die Lösung ist beweisbar optimal (gemischt-ganzzahliges Programm exakt gelöst).</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="428" />
      <source>The style could not be saved beside '{path}': {message}</source>
      <translation>Der Stil konnte nicht neben „{path}“ gespeichert werden: {message}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="146" />
      <source>The trend is tested over this many of the latest years of the table (all when it has fewer).</source>
      <translation>Der Trend wird über so viele der jüngsten Jahre der Tabelle geprüft (über alle, wenn sie weniger hat).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="95" />
      <source>The trend of the selected indicators per quartier over the last years of a counts table with one row per quartier and year (CSV, XLSX, GeoPackage table or any QGIS table; at least 3 years), as in England's Fingertips profiles.

Each year is calculated alone exactly as 'Calculate indicators' does for that year with the same indicators, minimum count, minimum population, municipality field, column mapping and catalog (values, suppression and the confidentiality audit). Over the last 'Periods' years (default 5) the trend is tested: a share by the chi-squared test for linear trend (Cochran–Armitage, no continuity correction), a rate by a Poisson log-linear regression of the counts with the denominator as offset (likelihood-ratio test of the slope). A trend is significant at p &lt; 0.05.

Output: the quartiers with, per indicator F (the id without the dot, A.1 → A1): F_trend ('increasing', 'decreasing', 'no significant change' or 'cannot be calculated'; these English values are kept in every language, for filters), F_trend_p (the p-value of the test), F_change (the last year's value minus the first year's, in the indicator's unit, rounded to the chosen decimals) and F_redred ('yes' when the quartier is significantly worse than the county in the last year and getting worse, by the indicator's polarity; 'no' otherwise; empty for a context indicator). The map shows the first indicator's trend.

Confidentiality: a trend, its p-value and a change are published only for a quartier whose cell is published in every year of the window; otherwise the trend is 'cannot be calculated' and the other fields are empty. A change or a p-value computed over a hidden year would give the hidden count away (the change and the published first value fix the last value). So everything this algorithm publishes can be worked out from the per-year layers of 'Calculate indicators' with the same settings, and their audit (written to the log for each year) covers it. A trend can also not be calculated when a share is 0 % or 100 % in every year or a rate has no event at all. Publish the per-year layers with the same settings as this run: other settings can hide other cells.</source>
      <translation>Der Trend der gewählten Indikatoren je Quartier über die letzten Jahre einer Zähltabelle mit einer Zeile je Quartier und Jahr (CSV, XLSX, GeoPackage-Tabelle oder jede QGIS-Tabelle; mindestens 3 Jahre), wie in den Fingertips-Profilen Englands.

Jedes Jahr wird für sich genau so berechnet, wie 'Indikatoren berechnen' es für dieses Jahr mit denselben Indikatoren, derselben Mindestfallzahl, Mindesteinwohnerzahl, demselben Gemeindefeld, derselben Spaltenzuordnung und demselben Katalog tut (Werte, Geheimhaltung und die Geheimhaltungsprüfung). Über die letzten 'Perioden' Jahre (Vorgabe 5) wird der Trend geprüft: ein Anteil mit dem Chi-Quadrat-Test auf linearen Trend (Cochran–Armitage, ohne Stetigkeitskorrektur), eine Rate mit einer log-linearen Poisson-Regression der Fallzahlen mit dem Nenner als Offset (Likelihood-Quotienten-Test der Steigung). Ein Trend ist bei p &lt; 0,05 signifikant.

Ausgabe: die Quartiere mit, je Indikator F (die ID ohne Punkt, A.1 → A1): F_trend ('increasing', 'decreasing', 'no significant change' oder 'cannot be calculated'; diese englischen Werte bleiben in jeder Sprache gleich, für Filter), F_trend_p (der p-Wert des Tests), F_change (der Wert des letzten Jahres minus der des ersten, in der Einheit des Indikators, auf die gewählten Nachkommastellen gerundet) und F_redred ('yes', wenn das Quartier im letzten Jahr signifikant schlechter als der Kreis ist und sich verschlechtert, gemäß der Polarität des Indikators; sonst 'no'; leer für einen Kontextindikator). Die Karte zeigt den Trend des ersten Indikators.

Geheimhaltung: Trend, p-Wert und Veränderung werden nur für ein Quartier veröffentlicht, dessen Zelle in jedem Jahr des Zeitfensters veröffentlicht ist; sonst ist der Trend 'cannot be calculated' und die übrigen Felder sind leer. Eine Veränderung oder ein p-Wert über ein ausgeblendetes Jahr würde die verborgene Zahl verraten (die Veränderung und der veröffentlichte erste Wert legen den letzten Wert fest). Alles, was dieser Algorithmus veröffentlicht, lässt sich daher aus den Jahreslayern von 'Indikatoren berechnen' mit denselben Einstellungen ableiten, und deren Prüfung (für jedes Jahr im Protokoll) deckt es ab. Ein Trend ist auch nicht berechenbar, wenn ein Anteil in jedem Jahr 0 % oder 100 % beträgt oder eine Rate gar kein Ereignis hat. Veröffentlichen Sie die Jahreslayer mit denselben Einstellungen wie diesen Lauf: Andere Einstellungen können andere Zellen ausblenden.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="121" />
      <source>The values to analyse (e.g. an indicator A1). Leave empty to use numerator and denominator.</source>
      <translation>Die zu untersuchenden Werte (z. B. ein Indikator A1). Leer lassen, um Zähler und Nenner zu verwenden.</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="39" />
      <source>The whole Quartiersmonitor chain in one run: assign the address directory to the quartiers, sum its residents per quartier, join them to the counts table of the current year, calculate the indicators of the current and the previous year, and classify the quartiers needing attention (status and dynamics).

Quartiers: the quartier polygons with their quartier id field (compared as text) and, optionally, their municipality field.
Address directory: points with the number of residents; their sum per quartier is the population (pop_total) of the current year.
Counts tables: one row per quartier with the counts of the indicator catalog, for the current and the previous year (same columns); both are joined on their quartier id field.
Indicator fields of the attention index: the indicator fields combined into the status index, separated by ';' (e.g. A1;A2;A4;E2;G3).

Outputs: the indicators of the current year (styled), the quartiers needing attention (styled) and the address assignment report (HTML).</source>
      <translation>Die ganze Kette des Quartiersmonitors in einem Lauf: das Adressverzeichnis den Quartieren zuordnen, seine Einwohner je Quartier summieren, sie mit der Fallzahlentabelle des aktuellen Jahres verknüpfen, die Indikatoren des aktuellen und des Vorjahres berechnen und die Quartiere mit Aufmerksamkeitsbedarf klassifizieren (Status und Dynamik).

Quartiere: die Quartierspolygone mit ihrem Feld Quartiers-ID (als Text verglichen) und, optional, ihrem Gemeindefeld.
Adressverzeichnis: Punkte mit der Zahl der Einwohner; ihre Summe je Quartier ist die Einwohnerzahl (pop_total) des aktuellen Jahres.
Fallzahlentabellen: eine Zeile je Quartier mit den Fallzahlen des Indikatorenkatalogs, für das aktuelle und das Vorjahr (dieselben Spalten); beide werden über ihr Feld Quartiers-ID verknüpft.
Indikatorfelder des Aufmerksamkeitsindex: die Indikatorfelder, die zum Statusindex zusammengefasst werden, getrennt durch ';' (z. B. A1;A2;A4;E2;G3).

Ausgaben: die Indikatoren des aktuellen Jahres (mit Darstellung), die Quartiere mit Aufmerksamkeitsbedarf (mit Darstellung) und der Bericht zur Adresszuordnung (HTML).</translation>
    </message>
    <message>
      <location filename="processing_provider/bundled_model.py" line="34" />
      <source>The whole chain from the address directory and the counts tables to the quartiers needing attention.</source>
      <translation>Die ganze Kette vom Adressverzeichnis und den Fallzahlentabellen bis zu den Quartieren mit Aufmerksamkeitsbedarf.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="76" />
      <source>The year column '{column}' is not in the counts table.</source>
      <translation>Die Jahresspalte „{column}“ ist nicht in der Zähltabelle.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="151" />
      <source>The yearly values and the change are rounded to this number of decimals.</source>
      <translation>Die Jahreswerte und die Veränderung werden auf diese Zahl von Nachkommastellen gerundet.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="388" />
      <source>The z-standardised (weighted) sum of the z-standardised indicator values, higher = more need; two decimals.</source>
      <translation>Die z-standardisierte (gewichtete) Summe der z-standardisierten Indikatorwerte, höher = mehr Bedarf; zwei Nachkommastellen.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="181" />
      <source>Three increasing thresholds on the status index between classes 1|2, 2|3 and 3|4.</source>
      <translation>Drei aufsteigende Schwellenwerte des Statusindex zwischen den Klassen 1|2, 2|3 und 3|4.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="97" />
      <source>Thresholds '{text}': three increasing numbers are needed, e.g. '-1,1,1.5'.</source>
      <translation>Schwellenwerte „{text}“: drei aufsteigende Zahlen sind nötig, z. B. „-1,1,1.5“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="102" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="86" />
      <source>Trend {indicator} {years}</source>
      <translation>Trend {indicator} {years}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="168" />
      <source>Trends</source>
      <translation>Trends</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="396" />
      <source>Unclassed</source>
      <translation>Nicht eingestuft</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="355" />
      <source>Unit</source>
      <translation>Einheit</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="135" />
      <source>Unknown format {fmt}: use one of {formats}.</source>
      <translation>Unbekanntes Format {fmt}: Verwenden Sie eines von {formats}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="70" />
      <source>Unknown indicator id(s): {ids} (catalog: {catalog}).</source>
      <translation>Unbekannte Indikator-Kennung(en): {ids} (Katalog: {catalog}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="62" />
      <source>Unknown method '{method}'.</source>
      <translation>Unbekannte Methode „{method}“.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="157" />
      <source>Unmatched addresses</source>
      <translation>Nicht gefundene Adressen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/geocode_addresses.py" line="310" />
      <source>Unmatched by reason: {}</source>
      <translation>Nicht gefunden nach Grund: {}</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="531" />
      <source>Upper bound</source>
      <translation>Obere Schranke</translation>
    </message>
    <message>
      <source>Used with the population field.</source>
      <translation type="obsolete">Wird mit dem Einwohnerfeld verwendet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="176" />
      <source>Used with the population field; 0 switches the rule off.</source>
      <translation>Gilt mit dem Einwohnerfeld; 0 schaltet die Regel ab.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="502" />
      <source>Value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="120" />
      <source>Value field</source>
      <translation>Wertefeld</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="78" />
      <source>Value of the county</source>
      <translation>Wert des Kreises</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="76" />
      <source>Value of the quartier</source>
      <translation>Wert des Quartiers</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="77" />
      <source>Value of the quartier's municipality</source>
      <translation>Wert der Gemeinde des Quartiers</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="221" />
      <source>Values</source>
      <translation>Werte</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="283" />
      <source>Values rounded to {decimals} decimal(s) as published; municipality and county values are computed from the summed counts, never averaged.</source>
      <translation>Werte wie veröffentlicht auf {decimals} Nachkommastelle(n) gerundet; Gemeinde- und Kreiswerte sind aus den summierten Fallzahlen berechnet, nie gemittelt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="157" />
      <source>Weight field</source>
      <translation>Gewichtsfeld</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="159" />
      <source>Weights</source>
      <translation>Gewichte</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="100" />
      <source>Weights '{text}': numbers are needed.</source>
      <translation>Gewichte „{text}“: Zahlen sind nötig.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="101" />
      <source>Weights '{text}': {n} numbers given for {m} indicator fields ({fields}).</source>
      <translation>Gewichte „{text}“: {n} Zahlen für {m} Indikatorfelder ({fields}) angegeben.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="98" />
      <source>Weights: '{name}' is not one of the indicator fields ({fields}).</source>
      <translation>Gewichte: „{name}“ ist keines der Indikatorfelder ({fields}).</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="99" />
      <source>Weights: '{part}' is not of the form field=number.</source>
      <translation>Gewichte: „{part}“ hat nicht die Form Feld=Zahl.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="429" />
      <source>When given, the municipality values (_mun fields) are computed from the summed counts.</source>
      <translation>Wenn angegeben, werden die Gemeindewerte (_mun-Felder) aus den summierten Fallzahlen berechnet.</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="544" />
      <source>Where to add offerings</source>
      <translation>Wo neue Angebote helfen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="79" />
      <source>Where to add offerings (maximal covering)</source>
      <translation>Wo neue Angebote helfen (maximale Abdeckung)</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="492" />
      <source>Where to add offerings: maximal covering location</source>
      <translation>Wo neue Angebote helfen: maximale Abdeckung (Maximal Covering Location)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="163" />
      <source>White spot: share of residents within the distance below (percent)</source>
      <translation>Weißer Fleck: Anteil der Einwohner innerhalb der Entfernung unter (Prozent)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="393" />
      <source>Widens the funnel control limits (_funnel) by Spiegelhalter's multiplicative overdispersion factor when the quartiers vary more than chance explains.</source>
      <translation>Erweitert die Kontrollgrenzen des Trichters (_funnel) um Spiegelhalters multiplikativen Überdispersionsfaktor, wenn die Quartiere stärker streuen, als der Zufall erklärt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="107" />
      <source>With a network (optional: a line layer of paths and roads, e.g. an OpenStreetMap extract, reprojected like the other inputs) every distance is measured along it instead of in a straight line: each address and each offering is joined to its nearest network segment by a straight connection, which counts as part of the distance; the log reports points more than {:.0f} m from the network. Lines are joined where they share a vertex (vertices within 1 cm are one); lines that cross without a shared vertex (bridges, tunnels) are not. nearest_distance_m is then the shortest distance along the network to the nearest offering (one shortest-path search from all offerings at once, per category), and the address output gets access_m, the length of the address's connection to the network. An address that reaches no offering over the network (a separate part of it) gets no distance (NULL), counts as farther than DISTANCE and is counted in the log.</source>
      <translation>Mit einem Netz (optional: eine Linienebene aus Wegen und Straßen, z. B. ein OpenStreetMap-Auszug, wie die anderen Eingaben umprojiziert) wird jede Entfernung entlang des Netzes statt in Luftlinie gemessen: Jede Adresse und jedes Angebot wird durch eine gerade Verbindung an den nächsten Netzabschnitt angebunden, die als Teil der Entfernung zählt; das Protokoll meldet Punkte, die mehr als {:.0f} m vom Netz entfernt liegen. Linien sind verbunden, wo sie einen Stützpunkt teilen (Stützpunkte innerhalb von 1 cm gelten als einer); Linien, die sich ohne gemeinsamen Stützpunkt kreuzen (Brücken, Tunnel), sind es nicht. nearest_distance_m ist dann die kürzeste Entfernung entlang des Netzes zum nächsten Angebot (eine Kürzeste-Wege-Suche von allen Angeboten zugleich, je Kategorie), und die Adressausgabe erhält access_m, die Länge der Anbindung der Adresse an das Netz. Eine Adresse, die über das Netz kein Angebot erreicht (ein getrennter Teil davon), erhält keine Entfernung (NULL), zählt als weiter entfernt als DISTANCE und wird im Protokoll gezählt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="120" />
      <source>Writes the county's tables of an indicator layer (the output of 'Calculate indicators') or an attention layer (the output of 'Quartiers needing attention') as a spreadsheet (XLSX or ODS) or as CSV.

Values sheet: one row per quartier (level, quartier id, name, municipality, residents, then the published value of every indicator, rounded to the decimals the layer recorded), then one row per municipality and one for the county (the _mun and _county values). A value that is not published is never a number: • hidden for statistical confidentiality, x denominator 0, . no valid data; footnotes under the table explain the symbols used. A column holding a symbol is a text column (numbers written with the published decimals), any other a number column. For an attention layer: status index and class, dynamics index and class and attention as further columns.

One sheet per indicator with its definition, as the layer recorded it (custom indicators of a catalog file included): id, name, description, numerator and denominator columns, factor, unit, kind, polarity, confidence interval method, the confidentiality rule (minimum count, minimum population, secondary suppression and audit; public indicators are not suppressed), decimals, source and year.

CSV: the values in the output file (UTF-8 with BOM, comma-separated), the definitions in a second file &lt;name&gt;_indicators.csv beside it, one row per indicator.

Format decides the file type: the output gets its extension. Quartier id, name and municipality fields are found by their usual names (quartier_id, name, municipality_id) unless given. The file is written whole or not at all: a failure or cancel leaves nothing behind.

Outputs: the file written and the file with the definitions (the same file for XLSX and ODS).</source>
      <translation>Schreibt die Tabellen des Kreises aus einem Indikatorlayer (dem Ergebnis von „Indikatoren berechnen“) oder einem Aufmerksamkeitslayer (dem Ergebnis von „Quartiere mit Aufmerksamkeitsbedarf“) als Tabellendokument (XLSX oder ODS) oder als CSV.

Werteblatt: eine Zeile je Quartier (Ebene, Quartiers-ID, Name, Gemeinde, Einwohner, dann der veröffentlichte Wert jedes Indikators, gerundet auf die Nachkommastellen, die der Layer festgehalten hat), dann eine Zeile je Gemeinde und eine für den Kreis (die Werte _mun und _county). Ein nicht veröffentlichter Wert ist nie eine Zahl: • aus Gründen der statistischen Geheimhaltung gesperrt, x Nenner 0, . keine gültigen Daten; Fußnoten unter der Tabelle erklären die verwendeten Zeichen. Eine Spalte mit einem Zeichen ist eine Textspalte (Zahlen mit den veröffentlichten Nachkommastellen geschrieben), jede andere eine Zahlenspalte. Bei einem Aufmerksamkeitslayer: Statusindex und -klasse, Dynamikindex und -klasse und Aufmerksamkeitsbedarf als weitere Spalten.

Ein Blatt je Indikator mit seiner Definition, wie der Layer sie festgehalten hat (eigene Indikatoren einer Katalogdatei eingeschlossen): Nr., Name, Beschreibung, Zähler- und Nennerspalte, Faktor, Einheit, Art, Polarität, Methode des Konfidenzintervalls, die Geheimhaltungsregel (Mindestfallzahl, Mindesteinwohnerzahl, sekundäre Sperrung und Prüfung; öffentliche Indikatoren werden nicht gesperrt), Nachkommastellen, Quelle und Jahr.

CSV: die Werte in der Ausgabedatei (UTF-8 mit BOM, durch Kommas getrennt), die Definitionen in einer zweiten Datei &lt;name&gt;_indicators.csv daneben, eine Zeile je Indikator.

Das Format bestimmt den Dateityp: Die Ausgabe erhält seine Endung. Die Felder für Quartiers-ID, Name und Gemeinde werden an ihren üblichen Namen erkannt (quartier_id, name, municipality_id), wenn sie nicht angegeben sind. Die Datei wird ganz oder gar nicht geschrieben: Ein Fehler oder Abbruch hinterlässt nichts.

Ausgaben: die geschriebene Datei und die Datei mit den Definitionen (bei XLSX und ODS dieselbe Datei).</translation>
    </message>
    <message>
      <location filename="processing_provider/vector_output.py" line="249" />
      <source>Writing the PostGIS table {} inside the database…</source>
      <translation>Schreibe die PostGIS-Tabelle {} innerhalb der Datenbank…</translation>
    </message>
    <message>
      <location filename="processing_provider/vector_output.py" line="324" />
      <source>Writing “{}” with GDAL…</source>
      <translation>„{}“ wird mit GDAL geschrieben…</translation>
    </message>
    <message>
      <location filename="processing_provider/gpkg_join.py" line="201" />
      <source>Written by GDAL instead ({}).</source>
      <translation>Stattdessen von GDAL geschrieben ({}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="152" />
      <source>XLSX and ODS: one file with the values sheet and one sheet per indicator; CSV: the values and a second file &lt;name&gt;_indicators.csv with the definitions.</source>
      <translation>XLSX und ODS: eine Datei mit dem Werteblatt und einem Blatt je Indikator; CSV: die Werte und eine zweite Datei &lt;name&gt;_indicators.csv mit den Definitionen.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="368" />
      <source>Year</source>
      <translation>Jahr</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="133" />
      <source>Year field of the counts table</source>
      <translation>Jahresfeld der Zähltabelle</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="433" />
      <source>Year field of the counts table (several years are summed)</source>
      <translation>Jahresfeld der Fallzahlentabelle (mehrere Jahre werden summiert)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="206" />
      <source>Year {year}:</source>
      <translation>Jahr {year}:</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="169" />
      <source>Years tested</source>
      <translation>Geprüfte Jahre</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="441" />
      <source>Years to use (e.g. 2024 or 2022,2023,2024; empty = all)</source>
      <translation>Zu verwendende Jahre (z. B. 2024 oder 2022,2023,2024; leer = alle)</translation>
    </message>
    <message>
      <location filename="ui/dock.py" line="111" />
      <source>Zoom to selection</source>
      <translation>Auf Auswahl zoomen</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="156" />
      <source>a yes/no value, not a count</source>
      <translation>ein Ja/Nein-Wert, keine Anzahl</translation>
    </message>
    <message>
      <location filename="ui/funnel_view.py" line="30" />
      <source>above the 95 % limit</source>
      <translation>über der 95-%-Grenze</translation>
    </message>
    <message>
      <location filename="ui/funnel_view.py" line="31" />
      <source>above the 99.8 % limit</source>
      <translation>über der 99,8-%-Grenze</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="330" />
      <source>address(es)</source>
      <translation>Adresse(n)</translation>
    </message>
    <message>
      <location filename="ui/funnel_view.py" line="28" />
      <source>below the 95 % limit</source>
      <translation>unter der 95-%-Grenze</translation>
    </message>
    <message>
      <location filename="ui/funnel_view.py" line="27" />
      <source>below the 99.8 % limit</source>
      <translation>unter der 99,8-%-Grenze</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="238" />
      <source>boundary</source>
      <translation>auf der Grenze</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="52" />
      <source>cannot be calculated</source>
      <translation>nicht berechenbar</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="114" />
      <source>cannot be read ({reason})</source>
      <translation>kann nicht gelesen werden ({reason})</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="137" />
      <source>confidential must be true or false, got {value}</source>
      <translation>confidential muss true oder false sein, gefunden: {value}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="157" />
      <source>decimal comma: a count must be a whole number</source>
      <translation>Dezimalkomma: eine Anzahl muss eine ganze Zahl sein</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="51" />
      <source>decreasing</source>
      <translation>fallend</translation>
    </message>
    <message>
      <location filename="ui/funnel_view.py" line="262" />
      <source>denominator</source>
      <translation>Nenner</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="291" />
      <source>distance band {distance:g}</source>
      <translation>Distanzband {distance:g}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="264" />
      <source>distances in metres</source>
      <translation>Entfernungen in Metern</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="130" />
      <source>domain {value} is not one of {domains}</source>
      <translation>Bereich (domain) {value} ist keiner von {domains}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="214" />
      <source>entry {entry}</source>
      <translation>Eintrag {entry}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="216" />
      <source>entry {entry} ("{id}")</source>
      <translation>Eintrag {entry} ("{id}")</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="118" />
      <source>expected a list of indicators or an object with key "indicators"</source>
      <translation>erwartet wird eine Liste von Indikatoren oder ein Objekt mit dem Schlüssel "indicators"</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="119" />
      <source>expected a list of indicators, got {type}</source>
      <translation>erwartet wird eine Liste von Indikatoren, gefunden: {type}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="123" />
      <source>expected an object with keys such as "id", "numerator", "denominator", got {type}</source>
      <translation>erwartet wird ein Objekt mit Schlüsseln wie "id", "numerator", "denominator", gefunden: {type}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="132" />
      <source>factor must be a positive number such as 100, 1000 or 100000, got {value}</source>
      <translation>factor muss eine positive Zahl wie 100, 1000 oder 100000 sein, gefunden: {value}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="191" />
      <source>feature {}</source>
      <translation>Objekt {}</translation>
    </message>
    <message>
      <location filename="processing_provider/inputs.py" line="177" />
      <source>feature {}: {}</source>
      <translation>Objekt {}: {}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="140" />
      <source>field name {field} clashes with indicator {other}</source>
      <translation>Feldname {field} kollidiert mit Indikator {other}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="157" />
      <source>gaussian</source>
      <translation>gaußförmig</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="121" />
      <source>id given twice in the file</source>
      <translation>Kennung zweimal in der Datei angegeben</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="120" />
      <source>id {value} is not valid (letters, digits, one dot, e.g. "X.1")</source>
      <translation>Kennung {value} ist ungültig (Buchstaben, Ziffern, ein Punkt, z. B. "X.1")</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="51" />
      <source>increasing</source>
      <translation>steigend</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="156" />
      <source>infinite</source>
      <translation>unendlich</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="238" />
      <source>inside</source>
      <translation>innerhalb</translation>
    </message>
    <message>
      <location filename="processing_provider/readers.py" line="316" />
      <source>invalid geometry</source>
      <translation>ungültige Geometrie</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="136" />
      <source>kind must be "share" or "rate", got {value}</source>
      <translation>kind muss "share" oder "rate" sein, gefunden: {value}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="157" />
      <source>linear</source>
      <translation>linear</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="131" />
      <source>missing "domain" (one of {domains})</source>
      <translation>"domain" fehlt (einer von {domains})</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="122" />
      <source>missing "id"</source>
      <translation>"id" fehlt</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="138" />
      <source>missing "name_de" or "name_en"</source>
      <translation>"name_de" oder "name_en" fehlt</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="129" />
      <source>missing "{name}" (the column name of the counts table)</source>
      <translation>"{name}" fehlt (der Spaltenname der Zähltabelle)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="156" />
      <source>negative</source>
      <translation>negativ</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="197" />
      <source>no</source>
      <translation>nein</translation>
    </message>
    <message>
      <location filename="processing_provider/inputs.py" line="44" />
      <source>no CRS</source>
      <translation>kein KBS</translation>
    </message>
    <message>
      <location filename="ui/funnel_view.py" line="33" />
      <source>no funnel class recorded</source>
      <translation>keine Trichterklasse gespeichert</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="239" />
      <source>no geometry</source>
      <translation>ohne Geometrie</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="52" />
      <source>no significant change</source>
      <translation>keine signifikante Änderung</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="157" />
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="115" />
      <source>not UTF-8 encoded text</source>
      <translation>kein UTF-8-kodierter Text</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="156" />
      <source>not a number</source>
      <translation>keine Zahl</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="157" />
      <source>not a whole number</source>
      <translation>keine ganze Zahl</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="346" />
      <source>not stated</source>
      <translation>nicht angegeben</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="117" />
      <source>not valid JSON ({reason})</source>
      <translation>kein gültiges JSON ({reason})</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="116" />
      <source>not valid JSON at line {line}, column {column}: {reason}</source>
      <translation>kein gültiges JSON in Zeile {line}, Spalte {column}: {reason}</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="356" />
      <source>numerator / denominator × {factor}</source>
      <translation>Zähler / Nenner × {factor}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="139" />
      <source>numerator and denominator are the same column {value}</source>
      <translation>Zähler und Nenner sind dieselbe Spalte {value}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="331" />
      <source>offering(s)</source>
      <translation>Angebot(e)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="239" />
      <source>outside</source>
      <translation>außerhalb</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="134" />
      <source>polarity must be 1 (higher = more need), -1 (higher = less need) or 0 (context), got {value}</source>
      <translation>polarity muss 1 (höher = mehr Bedarf), -1 (höher = weniger Bedarf) oder 0 (Kontext) sein, gefunden: {value}</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="525" />
      <source>proven optimal: every demand a candidate can reach is covered</source>
      <translation>beweisbar optimal: jede Nachfrage, die ein Standortkandidat erreichen kann, ist abgedeckt</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="520" />
      <source>proven optimal: the mixed-integer program (scipy's HiGHS) was solved exactly</source>
      <translation>beweisbar optimal: das gemischt-ganzzahlige Programm (HiGHS aus scipy) wurde exakt gelöst</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="289" />
      <source>queen contiguity</source>
      <translation>Queen-Nachbarschaft</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="357" />
      <source>rate</source>
      <translation>Rate</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="289" />
      <source>rook contiguity</source>
      <translation>Rook-Nachbarschaft</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="357" />
      <source>share</source>
      <translation>Anteil</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="259" />
      <source>site(s)</source>
      <translation>Standort(e)</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="119" />
      <source>status_certainty: the share of 1,000 simulated draws in which the quartier lands in the same status class. Each draw redraws every indicator's numerator from the layer's &lt;field&gt;_num and &lt;field&gt;_den (binomial for a share, Poisson for a rate, as the catalog says; Poisson for a field not in it), recomputes the z-scores over all quartiers, the index and the class as above. Fields without _num and _den (not from 'Calculate indicators') are taken as fixed: no sampling noise. Hidden (suppressed) values are never drawn nor estimated: such a quartier is not classed and has no certainty. status_certainty_class: sure (0.9 or more), likely (0.6 or more), uncertain (below 0.6). The draws are seeded (Seed, default 20260101): the same seed gives the same values.

drivers: the one or two indicators that push the quartier's index most in its direction (largest weight × z-score; towards need for an index of 0 or more, towards high status below 0), as catalog ids (A.1, E.2) or field names.

Base year: an optional table with one row per indicator field and the columns field, mean and sd (the base year's mean and standard deviation of that field over the quartiers); the z-scores then use them instead of this year's, so that they stay comparable across years. A row 'status_index' may give the base year's mean and sd of the weighted sum of z-scores; without it the sum is standardised over this year's quartiers. The dynamics always use this year's changes.</source>
      <translation>status_certainty: der Anteil von 1.000 simulierten Ziehungen, in denen das Quartier in derselben Statusklasse landet. Jede Ziehung zieht den Zähler jedes Indikators neu aus &lt;Feld&gt;_num und &lt;Feld&gt;_den der Ebene (binomial für einen Anteil, Poisson für eine Rate, wie der Katalog es angibt; Poisson für ein Feld, das nicht im Katalog steht) und berechnet die z-Werte über alle Quartiere, den Index und die Klasse wie oben neu. Felder ohne _num und _den (nicht aus „Indikatoren berechnen“) gelten als fest: ohne Zufallsschwankung. Verborgene (gesperrte) Werte werden weder gezogen noch geschätzt: ein solches Quartier wird nicht eingestuft und hat keine Sicherheit. status_certainty_class: sure (0,9 oder mehr), likely (0,6 oder mehr), uncertain (unter 0,6). Die Ziehungen haben einen Startwert (Startwert, Vorgabe 20260101): derselbe Startwert ergibt dieselben Werte.

drivers: die ein oder zwei Indikatoren, die den Index des Quartiers am stärksten in seine Richtung treiben (größtes Gewicht × z-Wert; in Richtung Bedarf bei einem Index von 0 oder mehr, in Richtung hoher Status unter 0), als Katalog-IDs (A.1, E.2) oder Feldnamen.

Basisjahr: eine optionale Tabelle mit einer Zeile je Indikatorfeld und den Spalten field, mean und sd (Mittelwert und Standardabweichung des Feldes über die Quartiere im Basisjahr); die z-Werte verwenden dann diese statt der des aktuellen Jahres, damit sie über die Jahre vergleichbar bleiben. Eine Zeile „status_index“ kann Mittelwert und Standardabweichung der gewichteten Summe der z-Werte im Basisjahr angeben; ohne sie wird die Summe über die Quartiere des aktuellen Jahres standardisiert. Die Dynamik verwendet immer die Veränderungen des aktuellen Jahres.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="157" />
      <source>text, not a number</source>
      <translation>Text, keine Zahl</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="165" />
      <source>the bundled A4 template</source>
      <translation>der mitgelieferten A4-Vorlage</translation>
    </message>
    <message>
      <location filename="spatial/siting.py" line="521" />
      <source>the mixed-integer program (scipy's HiGHS) stopped at its time limit; the bound is its dual bound</source>
      <translation>das gemischt-ganzzahlige Programm (HiGHS aus scipy) hielt an seiner Zeitgrenze an; die Schranke ist seine duale Schranke</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="137" />
      <source>total</source>
      <translation>gesamt</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="133" />
      <source>unit must be non-empty text, got {value}</source>
      <translation>unit muss nicht leerer Text sein, gefunden: {value}</translation>
    </message>
    <message>
      <location filename="processing_provider/inputs.py" line="45" />
      <source>unknown CRS</source>
      <translation>unbekanntes KBS</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="125" />
      <source>unknown key(s) {keys} (allowed: {allowed})</source>
      <translation>unbekannte(r) Schlüssel {keys} (erlaubt: {allowed})</translation>
    </message>
    <message>
      <location filename="ui/funnel_view.py" line="29" />
      <source>within the 95 % limits</source>
      <translation>innerhalb der 95-%-Grenzen</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="277" />
      <source>x No value: the denominator (reference population) is 0.</source>
      <translation>x Kein Wert: Der Nenner (die Bezugsbevölkerung) ist 0.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="197" />
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="395" />
      <source>yes for status class 3 or 4, or class 2 with negative dynamics.</source>
      <translation>ja bei Statusklasse 3 oder 4 oder bei Klasse 2 mit negativer Dynamik.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="240" />
      <source>{:.0f} of the demand in the quartiers reaches {:.1f} places ({:.1f} per 1,000).</source>
      <translation>Die Nachfrage von {:.0f} in den Quartieren erreicht {:.1f} Plätze ({:.1f} je 1.000).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="149" />
      <source>{indicator} in {ex}</source>
      <translation>{indicator} in {ex}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="148" />
      <source>{indicator} in {n} quartiers</source>
      <translation>{indicator} in {n} Quartieren</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="150" />
      <source>{indicator}: {n} quartiers</source>
      <translation>{indicator}: {n} Quartiere</translation>
    </message>
    <message>
      <location filename="mapsheets/sheet_text.py" line="74" />
      <source>{indicator}: {value}</source>
      <translation>{indicator}: {value}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="290" />
      <source>{k} nearest neighbours</source>
      <translation>{k} nächste Nachbarn</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="127" />
      <source>{name} must be a column name (non-empty text without surrounding spaces), got {value}</source>
      <translation>{name} muss ein Spaltenname sein (nicht leerer Text ohne umgebende Leerzeichen), gefunden: {value}</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="126" />
      <source>{name} must be text, got {value}</source>
      <translation>{name} muss Text sein, gefunden: {value}</translation>
    </message>
    <message>
      <source>{n} file(s) written to {folder}</source>
      <translation type="obsolete">{n} Datei(en) in {folder} geschrieben</translation>
    </message>
    <message>
      <source>{n} map sheet file(s) written to {folder}</source>
      <translation type="obsolete">{n} Kartenblatt-Datei(en) in {folder} geschrieben</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/attention_index.py" line="239" />
      <source>{n} quartiers are not classed (too few residents or a missing value): {ex}.</source>
      <translation>{n} Quartiere sind nicht klassifiziert (zu wenige Einwohner oder fehlender Wert): {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="187" />
      <source>{n} quartiers have no neighbour among the quartiers analysed and get no result: {ex}.</source>
      <translation>{n} Quartiere haben unter den untersuchten Quartieren keinen Nachbarn und erhalten kein Ergebnis: {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/indicator_inputs.py" line="85" />
      <source>{n} quartiers have no row in table '{layer}' (flag no_data): {ex}.</source>
      <translation>{n} Quartiere haben keine Zeile in Tabelle „{layer}“ (Kennzeichen no_data): {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="190" />
      <source>{n} quartiers neighbour every other quartier analysed, so they cannot be compared with their surroundings and get no result: {ex}.</source>
      <translation>{n} Quartiere sind Nachbarn aller anderen untersuchten Quartiere, lassen sich daher nicht mit ihrer Umgebung vergleichen und erhalten kein Ergebnis: {ex}.</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="39" />
      <source>{n} quartiers selected</source>
      <translation>{n} Quartiere ausgewählt</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="42" />
      <source>{n} quartiers selected, {hidden} of them hidden by the search</source>
      <translation>{n} Quartiere ausgewählt, davon {hidden} von der Suche ausgeblendet</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="51" />
      <source>{n} quartiers shown, {hidden} without a published value.</source>
      <translation>{n} Quartiere dargestellt, {hidden} ohne veröffentlichten Wert.</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="55" />
      <source>{n} quartiers shown.</source>
      <translation>{n} Quartiere dargestellt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="275" />
      <source>{n} quartiers with a denominator of 0 or less (or a negative numerator) are left out: {ex}.</source>
      <translation>{n} Quartiere mit einem Nenner von 0 oder weniger (oder einem negativen Zähler) werden ausgelassen: {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/hotspots.py" line="271" />
      <source>{n} quartiers without a value (NULL, suppressed or no geometry) are left out: {ex}.</source>
      <translation>{n} Quartiere ohne Wert (NULL, gesperrt oder ohne Geometrie) werden ausgelassen: {ex}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/indicator_trends.py" line="221" />
      <source>{n} quartiers, indicators {ids}, years {years}.</source>
      <translation>{n} Quartiere, Indikatoren {ids}, Jahre {years}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/calculate_indicators.py" line="508" />
      <source>{n} quartiers, indicators {ids}.</source>
      <translation>{n} Quartiere, Indikatoren {ids}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_table.py" line="192" />
      <source>{n} quartiers, {k} indicators written to {path}.</source>
      <translation>{n} Quartiere, {k} Indikatoren geschrieben nach {path}.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/export_map_sheets.py" line="185" />
      <source>{pages} sheet(s) in {n} file(s) written to {folder}</source>
      <translation>{pages} Blatt/Blätter in {n} Datei(en) in {folder} geschrieben</translation>
    </message>
    <message>
      <location filename="mapsheets/export.py" line="159" />
      <source>{path} exists and is a folder.</source>
      <translation>{path} existiert bereits und ist ein Ordner.</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="30" />
      <source>{sheets} map sheets as {files} PDF files written to {folder}</source>
      <translation>{sheets} Kartenblätter als {files} PDF-Dateien nach {folder} geschrieben</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="26" />
      <source>{sheets} map sheets as {files} PNG files written to {folder}</source>
      <translation>{sheets} Kartenblätter als {files} PNG-Dateien nach {folder} geschrieben</translation>
    </message>
    <message>
      <location filename="ui/dock_text.py" line="22" />
      <source>{sheets} map sheets in 1 PDF file written to {folder}</source>
      <translation>{sheets} Kartenblätter in 1 PDF-Datei nach {folder} geschrieben</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="387" />
      <source>{} address(es) lie outside every quartier and are left out of the figures.</source>
      <translation>{} Adresse(n) liegen außerhalb aller Quartiere und fließen nicht in die Werte ein.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="338" />
      <source>{} address(es) lie outside every quartier or in a quartier without a need value: their demand counts 0.</source>
      <translation>{} Adresse(n) liegen außerhalb aller Quartiere oder in einem Quartier ohne Bedarfswert: ihre Nachfrage zählt 0.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/accessibility.py" line="355" />
      <source>{} address(es) reach no offering over the network “{}” (a separate part of it): accessibility 0, no distance (NULL).</source>
      <translation>{} Adresse(n) erreichen über das Netz „{}“ kein Angebot (ein getrennter Teil davon): Erreichbarkeit 0, keine Entfernung (NULL).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="431" />
      <source>{} address(es) reach no offering over the network “{}” (a separate part of it): no distance (NULL), counted as farther than the distance.</source>
      <translation>{} Adresse(n) erreichen über das Netz „{}“ kein Angebot (ein getrennter Teil davon): keine Entfernung (NULL), zählen als weiter entfernt als die Distanz.</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="101" />
      <source>{} addresses lie in overlaps; each went to the smallest id.</source>
      <translation>{} Adressen liegen in Überlappungen; jede ging an die kleinste Kennung.</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="122" />
      <source>{} addresses lie outside every quartier (listed below): in a gap between quartiers or beyond the quartier layer's outer edge.</source>
      <translation>{} Adressen liegen außerhalb aller Quartiere (unten aufgeführt): in einer Lücke zwischen Quartieren oder jenseits des äußeren Rands des Quartierslayers.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="243" />
      <source>{} addresses lie where quartiers overlap; each went to the smallest id.</source>
      <translation>{} Adressen liegen in Überlappungen von Quartieren; jede ging an die kleinste Kennung.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="345" />
      <source>{} addresses merged into {} demand units; {:.1f} of {:.1f} demand covered before, {:.1f} out of reach of every candidate.</source>
      <translation>{} Adressen zu {} Nachfrage-Einheiten zusammengefasst; {:.1f} von {:.1f} Nachfrage vorher abgedeckt, {:.1f} von keinem Standortkandidaten erreichbar.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="153" />
      <source>{} addresses read.</source>
      <translation>{} Adressen gelesen.</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="146" />
      <source>{} addresses share their location with another address.</source>
      <translation>{} Adressen teilen ihren Ort mit einer anderen Adresse.</translation>
    </message>
    <message>
      <location filename="spatial/assignment_report.py" line="90" />
      <source>{} multipoint addresses were placed by their first point.</source>
      <translation>{} Multipunkt-Adressen wurden nach ihrem ersten Punkt zugeordnet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="156" />
      <source>{} multipoint addresses with several points were placed by their first point.</source>
      <translation>{} Multipunkt-Adressen mit mehreren Punkten wurden nach ihrem ersten Punkt zugeordnet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="266" />
      <source>{} of {} residents ({:.1f} %) live within {} m of an offering.</source>
      <translation>{} von {} Einwohnern ({:.1f} %) wohnen im Umkreis von {} m um ein Angebot.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/offering_coverage.py" line="350" />
      <source>{} offering(s) lie outside every quartier: not counted, but used for the distances.</source>
      <translation>{} Angebot(e) liegen außerhalb aller Quartiere: nicht gezählt, aber für die Entfernungen verwendet.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="246" />
      <source>{} records counted in {} quartiers.</source>
      <translation>{} Datensätze in {} Quartieren gezählt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="70" />
      <source>{} records have a quartier id that is not in layer “{}” and are not counted, e.g. {} (quartier ids look like {}).</source>
      <translation>{} Datensätze haben eine Quartierskennung, die es in Layer „{}“ nicht gibt, und werden nicht gezählt, z. B. {} (Quartierskennungen sehen so aus: {}).</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="73" />
      <source>{} records have no age in a band of “{}”: counted in total only.</source>
      <translation>{} Datensätze haben kein Alter in einer Gruppe von „{}“: nur in total gezählt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="68" />
      <source>{} records have no geometry and are not counted.</source>
      <translation>{} Datensätze haben keine Geometrie und werden nicht gezählt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="69" />
      <source>{} records have no quartier id and are not counted.</source>
      <translation>{} Datensätze haben keine Quartierskennung und werden nicht gezählt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="72" />
      <source>{} records have no value in “{}”: counted in total only.</source>
      <translation>{} Datensätze haben keinen Wert in „{}“: nur in total gezählt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="74" />
      <source>{} records have no weight in “{}” and count as 0.</source>
      <translation>{} Datensätze haben kein Gewicht in „{}“ und zählen als 0.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/aggregate_counts.py" line="67" />
      <source>{} records lie outside every quartier and are not counted.</source>
      <translation>{} Datensätze liegen außerhalb aller Quartiere und werden nicht gezählt.</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/site_offerings.py" line="151" />
      <source>{} sites to add, but layer “{}” (parameter CANDIDATES) holds only {} candidate(s).</source>
      <translation>{} Standorte sollen hinzukommen, aber Layer „{}“ (Parameter CANDIDATES) enthält nur {} Standortkandidat(en).</translation>
    </message>
    <message>
      <location filename="processing_provider/network_input.py" line="75" />
      <source>{} {} lie farther than {:.0f} m from the network “{}” (up to {:.0f} m): the straight connection to the nearest path is counted in their distances. Is the network complete?</source>
      <translation>{} {} liegen weiter als {:.0f} m vom Netz „{}“ entfernt (bis zu {:.0f} m): die gerade Verbindung zum nächsten Weg zählt in ihren Entfernungen mit. Ist das Netz vollständig?</translation>
    </message>
    <message>
      <location filename="processing_provider/algorithms/assign_addresses.py" line="240" />
      <source>{}: {} addresses</source>
      <translation>{}: {} Adressen</translation>
    </message>
    <message>
      <location filename="processing_provider/vector_output.py" line="368" />
      <source>“{}” was copied into a temporary GeoPackage first.</source>
      <translation>„{}“ wurde zuerst in ein temporäres GeoPackage kopiert.</translation>
    </message>
    <message>
      <location filename="indicators/table_export.py" line="274" />
      <source>• Not published: hidden for statistical confidentiality (small counts, quartiers with few residents, and further cells and totals that would reveal them); in municipality and county rows also a total without valid data.</source>
      <translation>• Nicht veröffentlicht: aus Gründen der statistischen Geheimhaltung gesperrt (kleine Fallzahlen, Quartiere mit wenigen Einwohnern und weitere Zellen und Summen, die sie offenlegen würden); in den Zeilen der Gemeinden und des Kreises auch eine Summe ohne gültige Daten.</translation>
    </message>
    <message>
      <location filename="mapsheets/sheet_text.py" line="50" />
      <source>▲/▼ significantly above/below the county</source>
      <translation>▲/▼ signifikant über/unter dem Kreiswert</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="80" />
      <source>▲/▼: significantly above/below the county value</source>
      <translation>▲/▼: signifikant über/unter dem Kreiswert</translation>
    </message>
    <message>
      <location filename="ui/profile_view.py" line="105" />
      <source>▲/▼: significantly above/below the county value; rank 1 = most need</source>
      <translation>▲/▼: signifikant über/unter dem Kreiswert; Rang 1 = höchster Bedarf</translation>
    </message>
  </context>
</TS>
