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
      <location filename="processing_provider/base.py" line="16" />
      <source>1 Addresses and offerings</source>
      <translation>1 Adressen und Angebote</translation>
    </message>
    <message>
      <location filename="processing_provider/base.py" line="17" />
      <source>2 Indicators</source>
      <translation>2 Indikatoren</translation>
    </message>
    <message>
      <location filename="processing_provider/base.py" line="18" />
      <source>3 Maps</source>
      <translation>3 Karten</translation>
    </message>
    <message>
      <location filename="processing_provider/base.py" line="62" />
      <source>Canceled by the user.</source>
      <translation>Vom Benutzer abgebrochen.</translation>
    </message>
    <message>
      <location filename="plugin.py" line="40" />
      <source>Quartiersmonitor</source>
      <translation>Quartiersmonitor</translation>
    </message>
    <message>
      <location filename="processing_provider/provider.py" line="51" />
      <source>Quartiersmonitor: social and health planning for quartiers</source>
      <translation>Quartiersmonitor: Sozial- und Gesundheitsplanung für Quartiere</translation>
    </message>
    <message>
      <location filename="plugin.py" line="42" />
      <source>Show the Quartiersmonitor panel: quartiers, profiles and map sheets</source>
      <translation>Quartiersmonitor-Bedienfeld anzeigen: Quartiere, Profile und Kartenblätter</translation>
    </message>
  </context>
</TS>
