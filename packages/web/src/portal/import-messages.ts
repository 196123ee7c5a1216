import type { Messages } from '../lib/i18n.ts';

type Key =
  | 'title'
  | 'intro'
  | 'edition'
  | 'file'
  | 'fileHelp'
  | 'check'
  | 'checking'
  | 'save'
  | 'saving'
  | 'offline'
  | 'noFile'
  | 'tooLarge'
  | 'notUtf8'
  | 'problemsTitle'
  | 'problemsIntro'
  | 'line'
  | 'column'
  | 'problem'
  | 'wholeFile'
  | 'at'
  | 'formula'
  | 'clean'
  | 'saved'
  | 'changed';

export const IMPORT: Messages<Key> = {
  nl: {
    title: 'Locaties uit een spreadsheet',
    intro:
      'Kies een CSV-bestand met een kopregel en één locatie per regel, zoals examples/venues.csv. Het bestand wordt eerst alleen gecontroleerd: elk probleem staat hieronder met regel en kolom. Pas na een controle zonder problemen kun je opslaan. Regels met een external_id die al bestaat, werken die locatie bij.',
    edition: 'Editie',
    file: 'CSV-bestand',
    fileHelp:
      'Alleen CSV (geen .xlsx): in Excel via Opslaan als → CSV UTF-8. Hoogstens 5 MB. Formules worden geweigerd.',
    check: 'Controleren',
    checking: 'Controleren…',
    save: 'Opslaan',
    saving: 'Opslaan…',
    offline: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
    noFile: 'Kies eerst een CSV-bestand.',
    tooLarge:
      'Het bestand is {size} MB; hoogstens 5 MB. Splits het in kleinere bestanden en importeer ze een voor een. Er is niets verstuurd.',
    notUtf8:
      'Het bestand is geen UTF-8. Sla het in Excel op als "CSV UTF-8 (door komma\'s gescheiden)" en kies het opnieuw.',
    problemsTitle: '{n} problemen, niets opgeslagen',
    problemsIntro: 'Verbeter het bestand, kies het opnieuw en controleer nog eens.',
    line: 'Regel',
    column: 'Kolom',
    problem: 'Probleem',
    wholeFile: 'het hele bestand',
    at: 'regel {line}, kolom {column}',
    formula:
      'Deze cel begint met =, +, - of @, dus een spreadsheet zou hem als formule uitvoeren. Formules worden niet geïmporteerd: typ de waarde zelf, zonder dat teken ervoor.',
    clean:
      'Gecontroleerd, geen problemen: {created} nieuw, {updated} gewijzigd, {unchanged} ongewijzigd. Nog niets opgeslagen: druk op Opslaan.',
    saved: 'Opgeslagen: {created} nieuw, {updated} gewijzigd, {unchanged} ongewijzigd.',
    changed: 'Het bestand is veranderd: controleer het opnieuw voor je opslaat.',
  },
  en: {
    title: 'Venues from a spreadsheet',
    intro:
      'Choose a CSV file with a header row and one venue a line, like examples/venues.csv. The file is only checked first: every problem is listed below by line and column. You can save only after a check without problems. Lines with an external_id that already exists update that venue.',
    edition: 'Edition',
    file: 'CSV file',
    fileHelp:
      'CSV only (not .xlsx): in Excel, Save as → CSV UTF-8. At most 5 MB. Formulas are refused.',
    check: 'Check',
    checking: 'Checking…',
    save: 'Save',
    saving: 'Saving…',
    offline: 'The server cannot be reached. Try again in a moment.',
    noFile: 'Choose a CSV file first.',
    tooLarge:
      'The file is {size} MB; at most 5 MB. Split it into smaller files and import them one by one. Nothing was sent.',
    notUtf8:
      'The file is not UTF-8. In Excel, save it as "CSV UTF-8 (comma delimited)" and choose it again.',
    problemsTitle: '{n} problems, nothing saved',
    problemsIntro: 'Fix the file, choose it again and check it once more.',
    line: 'Line',
    column: 'Column',
    problem: 'Problem',
    wholeFile: 'the whole file',
    at: 'line {line}, column {column}',
    formula:
      'This cell begins with =, +, - or @, so a spreadsheet would run it as a formula. Formulas are not imported: type the value itself, without that leading sign.',
    clean:
      'Checked, no problems: {created} new, {updated} changed, {unchanged} unchanged. Nothing saved yet: press Save.',
    saved: 'Saved: {created} new, {updated} changed, {unchanged} unchanged.',
    changed: 'The file has changed: check it again before saving.',
  },
  de: {
    title: 'Orte aus einer Tabelle',
    intro:
      'Wählen Sie eine CSV-Datei mit einer Kopfzeile und einem Ort pro Zeile, wie examples/venues.csv. Die Datei wird zuerst nur geprüft: Jedes Problem steht unten mit Zeile und Spalte. Speichern können Sie erst nach einer Prüfung ohne Probleme. Zeilen mit einer bereits vorhandenen external_id ändern diesen Ort.',
    edition: 'Ausgabe',
    file: 'CSV-Datei',
    fileHelp:
      'Nur CSV (kein .xlsx): in Excel über Speichern unter → CSV UTF-8. Höchstens 5 MB. Formeln werden abgelehnt.',
    check: 'Prüfen',
    checking: 'Wird geprüft…',
    save: 'Speichern',
    saving: 'Wird gespeichert…',
    offline: 'Der Server ist nicht erreichbar. Versuchen Sie es gleich noch einmal.',
    noFile: 'Wählen Sie zuerst eine CSV-Datei.',
    tooLarge:
      'Die Datei hat {size} MB; höchstens 5 MB. Teilen Sie sie in kleinere Dateien und importieren Sie diese nacheinander. Es wurde nichts gesendet.',
    notUtf8:
      'Die Datei ist nicht UTF-8. Speichern Sie sie in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ und wählen Sie sie erneut.',
    problemsTitle: '{n} Probleme, nichts gespeichert',
    problemsIntro: 'Korrigieren Sie die Datei, wählen Sie sie erneut und prüfen Sie noch einmal.',
    line: 'Zeile',
    column: 'Spalte',
    problem: 'Problem',
    wholeFile: 'die ganze Datei',
    at: 'Zeile {line}, Spalte {column}',
    formula:
      'Diese Zelle beginnt mit =, +, - oder @, eine Tabellenkalkulation würde sie also als Formel ausführen. Formeln werden nicht importiert: Geben Sie den Wert selbst ein, ohne dieses Zeichen davor.',
    clean:
      'Geprüft, keine Probleme: {created} neu, {updated} geändert, {unchanged} unverändert. Noch nichts gespeichert: Drücken Sie auf Speichern.',
    saved: 'Gespeichert: {created} neu, {updated} geändert, {unchanged} unverändert.',
    changed: 'Die Datei hat sich geändert: Prüfen Sie sie vor dem Speichern erneut.',
  },
  da: {
    title: 'Steder fra et regneark',
    intro:
      'Vælg en CSV-fil med en overskriftslinje og ét sted pr. linje, som examples/venues.csv. Filen bliver først kun kontrolleret: hvert problem står nedenfor med linje og kolonne. Du kan først gemme efter en kontrol uden problemer. Linjer med en external_id, der allerede findes, opdaterer det sted.',
    edition: 'Udgave',
    file: 'CSV-fil',
    fileHelp: 'Kun CSV (ikke .xlsx): i Excel via Gem som → CSV UTF-8. Højst 5 MB. Formler afvises.',
    check: 'Kontrollér',
    checking: 'Kontrollerer…',
    save: 'Gem',
    saving: 'Gemmer…',
    offline: 'Serveren kan ikke nås. Prøv igen om lidt.',
    noFile: 'Vælg først en CSV-fil.',
    tooLarge:
      'Filen er {size} MB; højst 5 MB. Del den op i mindre filer, og importér dem én ad gangen. Intet blev sendt.',
    notUtf8:
      'Filen er ikke UTF-8. Gem den i Excel som "CSV UTF-8 (kommasepareret)", og vælg den igen.',
    problemsTitle: '{n} problemer, intet gemt',
    problemsIntro: 'Ret filen, vælg den igen, og kontrollér den endnu en gang.',
    line: 'Linje',
    column: 'Kolonne',
    problem: 'Problem',
    wholeFile: 'hele filen',
    at: 'linje {line}, kolonne {column}',
    formula:
      'Cellen begynder med =, +, - eller @, så et regneark ville udføre den som en formel. Formler importeres ikke: skriv selve værdien uden det tegn foran.',
    clean:
      'Kontrolleret, ingen problemer: {created} nye, {updated} ændrede, {unchanged} uændrede. Intet gemt endnu: tryk på Gem.',
    saved: 'Gemt: {created} nye, {updated} ændrede, {unchanged} uændrede.',
    changed: 'Filen er ændret: kontrollér den igen, før du gemmer.',
  },
};
