/** German phrase pools for the sample tickets. */
import type { LanguagePhrases } from './types.js';

export const DE: LanguagePhrases = {
  greetings: ['Hallo,', 'Guten Tag,', 'Sehr geehrte Damen und Herren,', 'Hallo Lumora-Team,', 'Moin,'],
  closings: ['Viele Grüße', 'Mit freundlichen Grüßen', 'Danke und Gruß', 'Beste Grüße', 'Vielen Dank im Voraus'],
  phoneLabels: ['Telefon:', 'Tel.:', 'Mobil:', 'Handy:'],
  agentReplies: [
    'Hallo {first}, vielen Dank für Ihre Nachricht. Wir haben Ihr Anliegen an das zuständige Team weitergeleitet.',
    'Guten Tag {first}, danke für die Details. Wir prüfen das und melden uns innerhalb eines Werktages.',
  ],
  internalNotes: [
    'Kunde seit 2022, keine früheren Eskalationen.',
    'Evtl. Duplikat eines älteren Tickets, bitte prüfen.',
  ],
  credentialLeadIns: {
    config: ['Hier ist unsere Konfiguration, falls das hilft:\n\n{secret}', 'So sieht die Einstellung bei uns aus:\n\n{secret}'],
    token: ['Die Integration verwendet den Token {secret}, trotzdem kommt immer 401.', 'Zur Info, der aktuelle Token ist {secret}.'],
    log: ['Hier der Request aus unserem Log:\n\n{secret}'],
    key: ['Der Upload klappt nicht, deshalb hier der Schlüssel als Text:\n\n{secret}'],
    password: ['Falls Sie sich einloggen müssen, Passwort: {secret}', 'Ich habe ein temporäres Passwort gesetzt. Passwort: {secret}'],
    leak: ['Dieser Wert wurde öffentlich:\n\n{secret}'],
  },
  piiSentences: {
    card: ['Abgebucht wurde von meiner Karte {card}.', 'Die hinterlegte Kreditkarte ist {card}.'],
    iban: ['Bitte überweisen Sie den Betrag auf mein Konto, IBAN {iban}.', 'Die Erstattung bitte an IBAN {iban}.'],
    email2: ['Sie erreichen mich auch unter {email2}.', 'Bitte auch meine Kollegin unter {email2} in Kopie nehmen.'],
    address: ['Die Lieferadresse ist {address}.', 'Meine Adresse: {address}'],
    phone2: ['Am besten erreichen Sie mich unter Telefon {phone2}.', 'Rückruf bitte unter Handy {phone2}.'],
  },
  terse: {
    account_access: ['komme nicht mehr in mein Konto. Passwort zurücksetzen geht nicht', 'Konto gesperrt, bitte entsperren'],
    shipping: ['wo bleibt meine Bestellung {order}?', 'Paket nicht angekommen'],
    cancellation: ['Bitte Abo kündigen.', 'Wie kann ich kündigen?'],
  },
  categories: {
    billing: {
      scenarios: [
        {
          subjects: ['Doppelte Abbuchung', 'Zweimal abgebucht für {plan}'],
          openings: ['Mir wurden am {date} für das {plan}-Abo zweimal {amount} abgebucht.'],
          details: ['Beide Buchungen haben dieselbe Rechnungsnummer.', 'Im Kundenkonto ist nur ein aktives Abo zu sehen.'],
          asks: ['Bitte erstatten Sie die doppelte Abbuchung.'],
        },
        {
          subjects: ['Frage zur Rechnung {invoice}', 'Falscher Betrag auf der Rechnung'],
          openings: ['Auf meiner letzten Rechnung ({invoice}) steht {amount}, das ist mehr als der vereinbarte Preis.'],
          details: ['Der Betrag ist {amount2} höher als im Vormonat.'],
        },
        {
          subjects: ['Rechnung mit USt-IdNr. benötigt', 'Rechnungen für die Buchhaltung'],
          openings: ['Unsere Buchhaltung benötigt die Rechnungen der letzten {n} Monate mit unserer Umsatzsteuer-ID.'],
          asks: ['Können Sie mir korrigierte Rechnungen schicken?'],
        },
        {
          subjects: ['Zahlung fehlgeschlagen', 'Abbuchung abgelehnt'],
          openings: ['Die Zahlung für mein Abonnement ist fehlgeschlagen, obwohl die Karte laut Bank in Ordnung ist.'],
        },
      ],
      details: ['Ich bin seit mehreren Jahren Kunde und das ist noch nie passiert.'],
      asks: ['Bitte prüfen Sie die Abrechnung und korrigieren Sie die Rechnung.'],
      followups: ['Gibt es schon Neuigkeiten? Die Abbuchung ist immer noch auf dem Kontoauszug.'],
    },
    refunds: {
      scenarios: [
        {
          subjects: ['Erstattung für Bestellung {order}', 'Rücksendung und Erstattung'],
          openings: ['Ich habe den {product} aus Bestellung {order} am {date} zurückgeschickt und bitte um Erstattung.'],
          details: ['Die Sendungsnummer der Rücksendung ist {tracking}.', 'Das Gerät war unbenutzt und originalverpackt.'],
        },
        {
          subjects: ['Rückerstattung noch nicht erhalten', 'Wo bleibt meine Erstattung?'],
          openings: ['Mir wurde vor {days} Tagen eine Rückerstattung zugesagt, bisher ist nichts angekommen.'],
          asks: ['Wann wird der Betrag zurückerstattet?'],
        },
        {
          subjects: ['Defektes Gerät – Geld zurück', 'Erstattung für defekten {product}'],
          openings: ['Das Gerät war defekt, ich habe es zurückgesendet und möchte mein Geld zurück.'],
        },
      ],
      details: ['Der Betrag war {amount}.'],
      asks: ['Bitte veranlassen Sie die Erstattung so schnell wie möglich.'],
      followups: ['Immer noch keine Erstattung eingegangen.'],
    },
    technical_issue: {
      scenarios: [
        {
          subjects: ['{product} ist ständig offline', 'Gerät verliert dauernd die Verbindung'],
          openings: ['Mein {product} geht mehrmals am Tag offline und ich muss ihn jedes Mal neu starten.'],
          details: ['Andere Geräte im selben Netz funktionieren problemlos.'],
        },
        {
          subjects: ['App hängt beim Laden', 'Live-Ansicht lädt nicht'],
          openings: ['Seit dem Update auf Version {version} lädt die Live-Ansicht unter {os} nicht mehr.'],
        },
        {
          subjects: ['Firmware-Update fehlgeschlagen', 'Update bleibt bei 80 % hängen'],
          openings: ['Das Firmware-Update ist bei 80 % hängen geblieben, jetzt blinkt die LED orange.'],
          details: ['Auch ein Werksreset hat nicht geholfen.'],
        },
        {
          subjects: ['Hub verbindet sich nicht mit dem WLAN', 'Einrichtung scheitert'],
          openings: ['Die Einrichtung scheitert jedes Mal beim WLAN-Schritt.'],
        },
        {
          subjects: ['API liefert {error}', 'Fehler bei der Cloud-API'],
          openings: ['Unsere Aufrufe der Lumora-Cloud-API schlagen seit heute Morgen mit {error} fehl.'],
          details: ['An unserer Integration haben wir nichts geändert.'],
        },
      ],
      details: ['Router und Gerät habe ich bereits neu gestartet.'],
      asks: ['Können Sie mir helfen, das Gerät wieder zum Laufen zu bringen?', 'Ist das ein bekanntes Problem?'],
      followups: ['Ihre Vorschläge habe ich ausprobiert, leider ohne Erfolg.'],
    },
    account_access: {
      scenarios: [
        {
          subjects: ['Kann mich nicht anmelden', 'Passwort wird nicht akzeptiert'],
          openings: ['Ich kann mich nicht mehr in mein Konto einloggen, das Passwort wird als falsch angezeigt.'],
        },
        {
          subjects: ['Keine E-Mail zum Zurücksetzen des Passworts'],
          openings: ['Die E-Mail zum Zurücksetzen des Passworts kommt nie an, auch nicht im Spam-Ordner.'],
        },
        {
          subjects: ['Konto gesperrt', 'Nach Fehlversuchen gesperrt'],
          openings: ['Mein Konto wurde nach zu vielen Anmeldeversuchen gesperrt.'],
          asks: ['Bitte entsperren Sie mein Konto.'],
        },
        {
          subjects: ['Zwei-Faktor-Code verloren', 'Handy mit Authenticator verloren'],
          openings: ['Ich habe mein Handy mit der Authenticator-App verloren und komme nicht mehr am Zwei-Faktor-Schritt vorbei.'],
        },
      ],
      details: ['Ich habe es im Browser und in der App versucht.', 'Die Seriennummer des Hubs kann ich zur Verifizierung nennen.'],
      asks: ['Wie kann ich wieder Zugriff bekommen?'],
      followups: ['Der neue Link ist leider auch abgelaufen.'],
    },
    shipping: {
      scenarios: [
        {
          subjects: ['Wo ist meine Bestellung {order}?', 'Lieferung verzögert'],
          openings: ['Ich habe am {date} einen {product} bestellt (Bestellung {order}), er ist immer noch nicht angekommen.'],
        },
        {
          subjects: ['Paket als zugestellt markiert, aber nicht erhalten'],
          openings: ['Laut Sendungsverfolgung wurde das Paket zugestellt, aber es ist weder bei mir noch bei den Nachbarn.'],
          details: ['Ich war den ganzen Tag zu Hause.'],
        },
        {
          subjects: ['Beschädigtes Paket', '{product} kaputt angekommen'],
          openings: ['Das Paket kam zerdrückt an und das Gehäuse des {product} ist gebrochen.'],
          details: ['Fotos vom beschädigten Karton habe ich.'],
          asks: ['Bitte schicken Sie Ersatz.'],
        },
        {
          subjects: ['Sendungsverfolgung wird nicht aktualisiert'],
          openings: ['Die Sendungsnummer {tracking} von {carrier} wird seit einer Woche nicht aktualisiert.'],
        },
      ],
      details: ['Der Versand erfolgt mit {carrier}.'],
      asks: ['Können Sie herausfinden, wo das Paket ist?'],
      followups: ['Der Paketdienst weiß auch nicht, wo das Paket ist.'],
    },
    cancellation: {
      scenarios: [
        {
          subjects: ['Kündigung meines Abos', 'Bitte {plan}-Tarif kündigen'],
          openings: ['Hiermit kündige ich mein {plan}-Abonnement zum Ende der Laufzeit.'],
          details: ['Der Hauptgrund ist die Preiserhöhung.'],
        },
        {
          subjects: ['Automatische Verlängerung beenden'],
          openings: ['Bitte beenden Sie die automatische Verlängerung, ich möchte am {date} nicht erneut belastet werden.'],
        },
        {
          subjects: ['Konto kündigen', 'Kündigung des Kontos'],
          openings: ['Wir nutzen die Geräte nicht mehr und möchten unser Konto kündigen.'],
          details: ['Den Hub habe ich bereits verkauft.'],
        },
      ],
      details: [],
      asks: ['Bitte bestätigen Sie die Kündigung schriftlich.', 'Bitte bestätigen Sie, dass keine weiteren Abbuchungen erfolgen.'],
      followups: ['Ich habe noch keine Kündigungsbestätigung erhalten.'],
    },
    data_privacy: {
      scenarios: [
        {
          subjects: ['Auskunftsersuchen nach Art. 15 DSGVO', 'Auskunft über meine Daten'],
          openings: ['Gemäß Art. 15 DSGVO bitte ich um Auskunft über alle zu meiner Person gespeicherten Daten.'],
          asks: ['Bitte bestätigen Sie den Eingang dieser Anfrage.'],
        },
        {
          subjects: ['Löschung meiner Daten', 'Antrag auf Löschung nach DSGVO'],
          openings: ['Bitte löschen Sie mein Konto und alle damit verbundenen personenbezogenen Daten gemäß Art. 17 DSGVO.'],
          details: ['Bitte berücksichtigen Sie auch Backups.'],
          asks: ['Bitte bestätigen Sie die vollständige Löschung.'],
        },
        {
          subjects: ['Datenschutz: Kameraaufnahmen', 'Speicherdauer der Aufnahmen'],
          openings: ['Wie lange speichern Sie die Kameraaufnahmen und wer hat Zugriff darauf?'],
        },
      ],
      details: ['Das Konto ist unter dieser E-Mail-Adresse registriert.'],
      asks: ['Bitte antworten Sie innerhalb der gesetzlichen Frist.'],
      followups: ['Die Monatsfrist ist fast abgelaufen, bitte um Rückmeldung.'],
    },
    security: {
      scenarios: [
        {
          subjects: ['Verdächtige Anmeldung in meinem Konto', 'Unbekannte Anmeldung'],
          openings: ['Ich habe eine Benachrichtigung über eine Anmeldung aus {city} erhalten, die nicht von mir war.'],
          details: ['Mein Passwort habe ich bereits geändert.'],
        },
        {
          subjects: ['Phishing-Mail im Namen von Lumora'],
          openings: ['Ich habe eine Phishing-Mail bekommen, die genau wie Ihre Passwort-Mail aussieht.'],
        },
        {
          subjects: ['Konto gehackt?', 'Einstellungen ohne mein Wissen geändert'],
          openings: ['Über Nacht wurden E-Mail-Adresse und Benachrichtigungen in meinem Konto geändert, ich glaube, ich wurde gehackt.'],
          details: ['Zwei-Faktor-Authentifizierung war aktiv.'],
        },
        {
          subjects: ['API-Schlüssel versehentlich veröffentlicht'],
          openings: ['Ein Entwickler hat versehentlich einen API-Zugang in ein öffentliches Repository hochgeladen.'],
          asks: ['Bitte sperren Sie den Schlüssel und prüfen Sie, ob er benutzt wurde.'],
        },
      ],
      details: [],
      asks: ['Bitte sichern Sie mein Konto und melden Sie alle Sitzungen ab.', 'Bitte prüfen Sie, auf welche Daten zugegriffen wurde.'],
      followups: ['Gerade gab es einen weiteren Anmeldeversuch.'],
    },
  },
};
