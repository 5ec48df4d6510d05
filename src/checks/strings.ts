import type { Localized } from '../i18n/language';
import type { FindingCode } from './certificateCheck';
import type { CnameNote, CnameVerdict } from './cnameCheck';
import type { DnsFailureCode } from './dnsLookup';
import type { AddressKind, HostProblem } from './targetSafety';
import type { TlsFailureCode } from './tlsProbe';

interface Headline {
  title: string;
  text: string;
}

type Banner = Record<'ok' | 'warning' | 'error', Headline>;

/** Words on the check cards. Product terms (CNAME, CMG, SAN, TLS) stay in English in the Dutch text. */
export interface CheckStrings {
  busyTitle: string;
  busy: string;
  checkAgain: string;
  checkEndpoint: string;
  checkCname: string;
  remindExpiry: string;
  remindUnavailable: string;
  nameProblemTitle: string;
  notesTitle: string;
  hostProblems: Record<HostProblem, string>;
  addressKinds: Record<AddressKind, string>;

  cnameTitle: string;
  cnameVerdicts: Record<CnameVerdict, Headline>;
  cnameClassicNext: string;
  cnameClassicNoRegion: string;
  cnameNotes: Record<CnameNote['code'], string>;
  chainTitle: string;
  chainNoAddresses: string;
  chainNotFound: string;
  chainStopped: string;
  expectedTitle: string;
  classicName: string;
  scaleSetName: string;
  cnameUsage: string;

  certificateTitle: string;
  certificateTitleNoName: string;
  certificateBanner: Banner;
  certificateFactsTitle: string;
  commonName: string;
  subject: string;
  altNames: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  daysLeft: string;
  key: string;
  serverAuth: string;
  serverAuthValues: Record<'present' | 'missing' | 'unrestricted', string>;
  fingerprint: string;
  none: string;
  cmgTitle: string;
  cmgServiceName: string;
  cmgDeploymentName: string;
  cmgClassicName: string;
  cmgCname: string;
  cmgNoCnameMicrosoft: string;
  cmgNoRegion: string;
  findingsTitle: string;
  findings: Record<Exclude<FindingCode, 'naming'>, string>;
  pasteTitle: string;
  paste: string;
  unreadableTitle: string;
  unreadable: string;
  privateKeyTitle: string;
  privateKey: string;

  endpointTitle: string;
  endpointBanner: Banner;
  connectionTitle: string;
  address: string;
  port: string;
  tlsVersion: string;
  chain: string;
  chainValues: Record<'trusted' | 'untrusted', string>;
  nameMatch: string;
  yes: string;
  no: string;
  endpointRefusedTitle: string;
  endpointRefused: string;
  endpointDns: Record<DnsFailureCode, Headline>;
  endpointConnect: Record<TlsFailureCode, Headline>;
  endpointUsage: string;
}

export const checkStrings: Localized<CheckStrings> = {
  en: {
    busyTitle: 'A check is still running',
    busy: 'Another check is still running in this conversation. Wait for its answer, then try again.',
    checkAgain: 'Check again',
    checkEndpoint: 'Check the endpoint',
    checkCname: 'Check the CNAME',
    remindExpiry: 'Remind us before it expires',
    remindUnavailable: 'Reminders are not available on this bot.',
    nameProblemTitle: 'Which name should I check?',
    notesTitle: 'Good to know',
    hostProblems: {
      missing: 'Type the service name after the command, for example {example}.',
      ipLiteral: '"{input}" is an IP address. Give the DNS name (the service name): I only check names, and only connect to the public addresses they resolve to.',
      singleLabel: '"{input}" is not a full DNS name. Type the whole service name, for example GraniteFalls.contoso.com.',
      invalid: '"{input}" is not a DNS name I can check: use letters, digits and hyphens in labels separated by dots, for example GraniteFalls.contoso.com.',
    },
    addressKinds: {
      public: 'public',
      loopback: 'loopback',
      private: 'private network',
      linkLocal: 'link-local',
      sharedCgnat: 'shared (carrier-grade NAT)',
      metadata: 'cloud metadata service',
      uniqueLocal: 'unique local (private IPv6)',
      unspecified: 'unspecified',
      multicast: 'multicast',
      reserved: 'reserved',
    },

    cnameTitle: 'CNAME check for {name}',
    cnameVerdicts: {
      scaleSet: { title: 'Points at the scale-set name', text: '{name} points at {target}, the scale-set deployment name in {region}. The CNAME switch has taken effect on the DNS server I asked; clients may keep an earlier answer until its time to live runs out.' },
      classic: { title: 'Still points at the classic name', text: '{name} still points at {target}, the classic cloud service name.' },
      other: { title: 'Points at another name', text: '{name} points at {target}, which is neither the classic name nor the scale-set name of this CMG.' },
      noCname: { title: 'No CNAME record', text: '{name} has no CNAME: it resolves straight to addresses. A service name in your own domain needs a CNAME in public DNS that points at the deployment name.' },
      azureName: { title: 'This is an Azure name', text: '{name} is in a Microsoft domain, where you cannot create a CNAME. To check the CNAME, give the service name in your own domain (the common name of the certificate).' },
      nxdomain: { title: 'Name not found (NXDOMAIN)', text: '{name} does not exist in DNS. Check the spelling, and that the record is in your public DNS zone: internet clients and the CMG must be able to resolve it.' },
      noAnswer: { title: 'No answer', text: '{name} exists in DNS but has no CNAME and no address records.' },
      timeout: { title: 'DNS did not answer in time', text: 'The DNS server did not answer for {name} in time. Try again in a moment; if it keeps happening, the DNS servers the bot uses may be unreachable.' },
      failed: { title: 'DNS lookup failed', text: 'The DNS lookup of {name} failed ({detail}). Try again later.' },
    },
    cnameClassicNext: 'When the scale-set CMG is running, change the CNAME to {scaleSet}.',
    cnameClassicNoRegion: 'When the scale-set CMG is running, change the CNAME to its scale-set name (add the region to this command to see it).',
    cnameNotes: {
      caseOnly: 'DNS wrote {returned} where I expected {expected}: they differ only in upper and lower case. DNS ignores case, so this is not an error.',
      wrongRegion: 'The chain has the scale-set name for {found}, not for {given}: check the region, or the CNAME target.',
      otherCmg: '{target} belongs to another CMG (named "{otherPrefix}"); a CMG with this service name is named "{prefix}".',
      dangling: 'The last name in the chain, {target}, does not exist (yet): is that CMG deployed?',
      privateAddresses: 'The chain ends at {count} private or internal address(es), which I do not show. Internet clients need the answer of your public DNS.',
      regionMissing: 'Add the region to compare with the scale-set name, for example: check cname {name} West Europe.',
      regionFromChain: 'I took the region {region} from the chain.',
    },
    chainTitle: 'What DNS answered',
    chainNoAddresses: 'no address records',
    chainNotFound: 'does not exist',
    chainStopped: 'no answer',
    expectedTitle: 'Names of this CMG',
    classicName: 'Classic name',
    scaleSetName: 'Scale-set name in {region}',
    cnameUsage: 'check cname GraniteFalls.contoso.com West Europe',

    certificateTitle: 'Certificate check: {name}',
    certificateTitleNoName: 'Certificate check',
    certificateBanner: {
      ok: { title: 'Fits a CMG', text: 'I found nothing that keeps this certificate from serving as the CMG server certificate.' },
      warning: { title: 'Usable, but check the points below', text: 'The certificate can work for a CMG; the points marked below need your attention.' },
      error: { title: 'Not usable for a CMG as it is', text: 'At least one point below stops this certificate from serving as the CMG server certificate.' },
    },
    certificateFactsTitle: 'Certificate',
    commonName: 'Common name (CN)',
    subject: 'Subject',
    altNames: 'Alternative names (SAN)',
    issuer: 'Issuer',
    validFrom: 'Valid from',
    validTo: 'Valid until',
    daysLeft: 'Days left',
    key: 'Public key',
    serverAuth: 'Server authentication (EKU)',
    serverAuthValues: { present: 'yes', missing: 'no', unrestricted: 'no EKU extension (any purpose)' },
    fingerprint: 'SHA-256 fingerprint',
    none: 'none',
    cmgTitle: 'On the CMG',
    cmgServiceName: 'Service name (CN, exact case)',
    cmgDeploymentName: 'Deployment name in {region}',
    cmgClassicName: 'Classic name',
    cmgCname: 'CNAME record',
    cmgNoCnameMicrosoft: 'none possible (Microsoft domain)',
    cmgNoRegion: 'Add the region to see the deployment name, for example: check certificate West Europe, followed by the pasted certificate.',
    findingsTitle: 'CMG checks',
    findings: {
      isCa: 'This is a CA certificate, not a server certificate: paste the certificate issued to the service name.',
      noCommonName: 'The certificate has no common name (CN); Configuration Manager takes the service name from it.',
      keyOk: 'RSA key of {bits} bits: supported (the CMG takes 2048 or 4096 bits).',
      keySizeUnsupported: 'RSA key of {bits} bits: the CMG supports 2048 or 4096 bits only. Request a new certificate with one of those.',
      keyTypeUnsupported: '{type} key: the CMG supports RSA keys of 2048 or 4096 bits. Request a new certificate with one of those.',
      serverAuthPresent: 'Server authentication is among its enhanced key usages.',
      serverAuthMissing: 'Its enhanced key usages do not include server authentication ({oid}), so the CMG cannot use it as its server certificate.',
      serverAuthUnrestricted: 'It has no enhanced key usage extension, so it is not limited to one purpose; a web server certificate template normally sets server authentication.',
      expired: 'It expired on {date}.',
      notYetValid: 'It is not valid until {date}.',
      expiresSoon: 'It expires in {days} days ({date}): renew it now, with exactly the same common name.',
      validFor: 'Valid for {days} more days, until {date}.',
      commonNameNotInAltNames: 'The common name {cn} is not among its alternative names (SAN); clients that check those will reject the service name.',
      microsoftDomainNeedsPki: 'A public CA cannot issue a name in cloudapp.net or cloudapp.azure.com, because Microsoft owns those domains: this certificate must come from your enterprise PKI, and every client must trust its root.',
      moreCertificates: 'The paste holds {count} more certificate(s), probably the chain; I checked the server certificate, the one that issued none of the others.',
      chainTrusted: 'The chain leads to a trusted root.',
      chainSelfSigned: 'The server presents a self-signed certificate: clients will not trust it.',
      chainUntrusted: 'The chain does not lead to a root the bot trusts ({reason}). From an enterprise PKI that can be expected, but then every internet client must trust your root; also check that the server sends its intermediate certificates.',
      nameMatches: 'The certificate covers {name}.',
      nameMismatch: 'The certificate does not cover {name}: it names {names}. Clients that connect to {name} will refuse it.',
      oldTls: 'The server negotiated {protocol}; the CMG enforces TLS 1.2 or later by default.',
      serviceMetadata: 'To see the certificate as a client sees it, open {url} in a browser.',
    },
    pasteTitle: 'Paste the certificate',
    paste:
      'Send **check certificate** with the certificate text in the same message: open the .cer file (Base-64 encoded X.509) in a text editor and paste everything from the BEGIN CERTIFICATE line to the END CERTIFICATE line. Put a region before it to also get the deployment name, for example check certificate West Europe. Never paste the private key or the .pfx file.',
    unreadableTitle: 'I cannot read that certificate',
    unreadable: 'The text between the BEGIN CERTIFICATE and END CERTIFICATE lines is not a valid certificate. Export it again as Base-64 encoded X.509 (.cer) and paste it without changes.',
    privateKeyTitle: 'Private key refused',
    privateKey:
      'Your message contains a private key, so I did not check, keep or log it, and I will not show it. A private key must never leave the server or key vault that holds it: delete your message from this chat, and because others may have seen it, treat the key as exposed and have the certificate reissued with a new key. For this check the public certificate is enough (the .cer file, Base-64).',

    endpointTitle: 'Endpoint check: {name}',
    endpointBanner: {
      ok: { title: 'Presents a trusted certificate for this name', text: 'The TLS handshake worked and the certificate fits the CMG rules I can check from here.' },
      warning: { title: 'Presents a certificate, with points to check', text: 'The TLS handshake worked; the points marked below need your attention.' },
      error: { title: 'Presents a certificate that clients will refuse', text: 'The TLS handshake worked, but at least one point below makes clients or the CMG refuse this certificate.' },
    },
    connectionTitle: 'Connection',
    address: 'Address',
    port: 'Port',
    tlsVersion: 'TLS version',
    chain: 'Certificate chain',
    chainValues: { trusted: 'trusted', untrusted: 'not trusted' },
    nameMatch: 'Name matches',
    yes: 'yes',
    no: 'no',
    endpointRefusedTitle: 'Not checked: internal address',
    endpointRefused: '{name} resolves to a {kind} address. For safety I only connect to public internet addresses, so I did not contact it.',
    endpointDns: {
      nxdomain: { title: 'Name not found (NXDOMAIN)', text: '{name} does not exist in DNS, so there is nothing to connect to. Check the spelling and your public DNS zone.' },
      noData: { title: 'No address records', text: '{name} exists in DNS but has no address (A or AAAA) records.' },
      timeout: { title: 'DNS did not answer in time', text: 'The DNS server did not answer for {name} in time. Try again in a moment.' },
      failed: { title: 'DNS lookup failed', text: 'The DNS lookup of {name} failed ({detail}). Try again later.' },
    },
    endpointConnect: {
      timeout: { title: 'No answer in time', text: '{name} ({address}) did not finish a TLS handshake on port {port} in time. Is the CMG running, and is the port open from the internet?' },
      refused: { title: 'Connection refused', text: 'Nothing accepted a connection on {address} port {port} for {name}. Is the CMG running on this address?' },
      unreachable: { title: 'Address unreachable', text: 'The bot cannot reach {address} (for {name}) from its network.' },
      reset: { title: 'Connection closed', text: '{name} ({address}) closed the connection during the TLS handshake on port {port}.' },
      handshake: { title: 'TLS handshake failed', text: 'The TLS handshake with {name} ({address}, port {port}) failed ({detail}).' },
    },
    endpointUsage: 'check endpoint GraniteFalls.contoso.com',
  },
  nl: {
    busyTitle: 'Er loopt nog een controle',
    busy: 'In dit gesprek loopt nog een andere controle. Wacht op het antwoord en probeer het dan opnieuw.',
    checkAgain: 'Opnieuw controleren',
    checkEndpoint: 'Eindpunt controleren',
    checkCname: 'CNAME controleren',
    remindExpiry: 'Herinner ons voordat het verloopt',
    remindUnavailable: 'Herinneringen zijn op deze bot niet beschikbaar.',
    nameProblemTitle: 'Welke naam moet ik controleren?',
    notesTitle: 'Goed om te weten',
    hostProblems: {
      missing: 'Typ de servicenaam na de opdracht, bijvoorbeeld {example}.',
      ipLiteral: '"{input}" is een IP-adres. Geef de DNS-naam (de servicenaam): ik controleer alleen namen en maak alleen verbinding met de openbare adressen waarnaar ze verwijzen.',
      singleLabel: '"{input}" is geen volledige DNS-naam. Typ de hele servicenaam, bijvoorbeeld GraniteFalls.contoso.com.',
      invalid: '"{input}" is geen DNS-naam die ik kan controleren: gebruik letters, cijfers en koppeltekens in labels, gescheiden door punten, bijvoorbeeld GraniteFalls.contoso.com.',
    },
    addressKinds: {
      public: 'openbaar',
      loopback: 'loopback',
      private: 'privé-netwerk',
      linkLocal: 'link-local',
      sharedCgnat: 'gedeeld (carrier-grade NAT)',
      metadata: 'cloudmetadataservice',
      uniqueLocal: 'unique local (privé-IPv6)',
      unspecified: 'niet-gespecificeerd',
      multicast: 'multicast',
      reserved: 'gereserveerd',
    },

    cnameTitle: 'CNAME-controle voor {name}',
    cnameVerdicts: {
      scaleSet: { title: 'Verwijst naar de schaalsetnaam', text: '{name} verwijst naar {target}, de implementatienaam van de schaalset in {region}. De CNAME-wijziging is actief op de DNS-server die ik vroeg; clients kunnen een eerder antwoord bewaren tot de geldigheidsduur (TTL) verloopt.' },
      classic: { title: 'Verwijst nog naar de klassieke naam', text: '{name} verwijst nog naar {target}, de naam van de klassieke cloudservice.' },
      other: { title: 'Verwijst naar een andere naam', text: '{name} verwijst naar {target}; dat is niet de klassieke naam en niet de schaalsetnaam van deze CMG.' },
      noCname: { title: 'Geen CNAME-record', text: '{name} heeft geen CNAME: de naam verwijst direct naar adressen. Een servicenaam in je eigen domein heeft in de openbare DNS een CNAME nodig die naar de implementatienaam verwijst.' },
      azureName: { title: 'Dit is een Azure-naam', text: '{name} staat in een domein van Microsoft, waarin je geen CNAME kunt maken. Geef voor de CNAME-controle de servicenaam in je eigen domein (de algemene naam van het certificaat).' },
      nxdomain: { title: 'Naam niet gevonden (NXDOMAIN)', text: '{name} bestaat niet in DNS. Controleer de spelling en of het record in je openbare DNS-zone staat: internetclients en de CMG moeten het kunnen opzoeken.' },
      noAnswer: { title: 'Geen antwoord', text: '{name} bestaat in DNS, maar heeft geen CNAME en geen adresrecords.' },
      timeout: { title: 'DNS antwoordde niet op tijd', text: 'De DNS-server antwoordde niet op tijd voor {name}. Probeer het zo opnieuw; blijft het gebeuren, dan zijn de DNS-servers van de bot misschien onbereikbaar.' },
      failed: { title: 'DNS-opzoeking mislukt', text: 'Het opzoeken van {name} in DNS is mislukt ({detail}). Probeer het later opnieuw.' },
    },
    cnameClassicNext: 'Wijzig de CNAME naar {scaleSet} zodra de CMG op de schaalset draait.',
    cnameClassicNoRegion: 'Wijzig de CNAME naar de schaalsetnaam zodra de CMG op de schaalset draait (zet de regio achter deze opdracht om die naam te zien).',
    cnameNotes: {
      caseOnly: 'DNS schreef {returned} waar ik {expected} verwachtte: ze verschillen alleen in hoofdletters en kleine letters. DNS negeert hoofdlettergebruik, dus dit is geen fout.',
      wrongRegion: 'De keten bevat de schaalsetnaam voor {found}, niet voor {given}: controleer de regio of het doel van de CNAME.',
      otherCmg: '{target} hoort bij een andere CMG (met de naam "{otherPrefix}"); een CMG met deze servicenaam heet "{prefix}".',
      dangling: 'De laatste naam in de keten, {target}, bestaat (nog) niet: is die CMG geïmplementeerd?',
      privateAddresses: 'De keten eindigt bij {count} privé- of interne adres(sen), die ik niet toon. Internetclients hebben het antwoord van je openbare DNS nodig.',
      regionMissing: 'Zet de regio erachter om te vergelijken met de schaalsetnaam, bijvoorbeeld: controleer cname {name} West-Europa.',
      regionFromChain: 'Ik heb de regio {region} uit de keten gehaald.',
    },
    chainTitle: 'Wat DNS antwoordde',
    chainNoAddresses: 'geen adresrecords',
    chainNotFound: 'bestaat niet',
    chainStopped: 'geen antwoord',
    expectedTitle: 'Namen van deze CMG',
    classicName: 'Klassieke naam',
    scaleSetName: 'Schaalsetnaam in {region}',
    cnameUsage: 'controleer cname GraniteFalls.contoso.com West-Europa',

    certificateTitle: 'Certificaatcontrole: {name}',
    certificateTitleNoName: 'Certificaatcontrole',
    certificateBanner: {
      ok: { title: 'Geschikt voor een CMG', text: 'Ik vond niets waardoor dit certificaat niet als servercertificaat van de CMG kan dienen.' },
      warning: { title: 'Bruikbaar, maar controleer de punten hieronder', text: 'Het certificaat kan werken voor een CMG; de gemarkeerde punten hieronder vragen je aandacht.' },
      error: { title: 'Zo niet bruikbaar voor een CMG', text: 'Minstens één punt hieronder verhindert dat dit certificaat als servercertificaat van de CMG dient.' },
    },
    certificateFactsTitle: 'Certificaat',
    commonName: 'Algemene naam (CN)',
    subject: 'Onderwerp',
    altNames: 'Alternatieve namen (SAN)',
    issuer: 'Uitgever',
    validFrom: 'Geldig vanaf',
    validTo: 'Geldig tot',
    daysLeft: 'Dagen over',
    key: 'Openbare sleutel',
    serverAuth: 'Serververificatie (EKU)',
    serverAuthValues: { present: 'ja', missing: 'nee', unrestricted: 'geen EKU-extensie (elk doel)' },
    fingerprint: 'SHA-256-vingerafdruk',
    none: 'geen',
    cmgTitle: 'Op de CMG',
    cmgServiceName: 'Servicenaam (CN, exact hoofdlettergebruik)',
    cmgDeploymentName: 'Implementatienaam in {region}',
    cmgClassicName: 'Klassieke naam',
    cmgCname: 'CNAME-record',
    cmgNoCnameMicrosoft: 'niet mogelijk (domein van Microsoft)',
    cmgNoRegion: 'Zet de regio ervoor om de implementatienaam te zien, bijvoorbeeld: controleer certificaat West-Europa, gevolgd door het geplakte certificaat.',
    findingsTitle: 'CMG-controles',
    findings: {
      isCa: 'Dit is een CA-certificaat, geen servercertificaat: plak het certificaat dat voor de servicenaam is uitgegeven.',
      noCommonName: 'Het certificaat heeft geen algemene naam (CN); Configuration Manager haalt de servicenaam daaruit.',
      keyOk: 'RSA-sleutel van {bits} bits: ondersteund (de CMG accepteert 2048 of 4096 bits).',
      keySizeUnsupported: 'RSA-sleutel van {bits} bits: de CMG ondersteunt alleen 2048 of 4096 bits. Vraag een nieuw certificaat aan met een van die lengtes.',
      keyTypeUnsupported: '{type}-sleutel: de CMG ondersteunt RSA-sleutels van 2048 of 4096 bits. Vraag een nieuw certificaat aan met een van die lengtes.',
      serverAuthPresent: 'Serververificatie staat bij de uitgebreide sleutelgebruiken (EKU).',
      serverAuthMissing: 'De uitgebreide sleutelgebruiken bevatten geen serververificatie ({oid}), dus de CMG kan het niet als servercertificaat gebruiken.',
      serverAuthUnrestricted: 'Het heeft geen EKU-extensie en is dus niet tot één doel beperkt; een certificaatsjabloon voor webservers zet normaal serververificatie.',
      expired: 'Het is verlopen op {date}.',
      notYetValid: 'Het is pas geldig vanaf {date}.',
      expiresSoon: 'Het verloopt over {days} dagen ({date}): vernieuw het nu, met precies dezelfde algemene naam.',
      validFor: 'Nog {days} dagen geldig, tot {date}.',
      commonNameNotInAltNames: 'De algemene naam {cn} staat niet bij de alternatieve namen (SAN); clients die die controleren, weigeren de servicenaam.',
      microsoftDomainNeedsPki: 'Een openbare CA kan geen naam in cloudapp.net of cloudapp.azure.com uitgeven, omdat die domeinen van Microsoft zijn: dit certificaat moet van je eigen PKI komen, en elke client moet de root daarvan vertrouwen.',
      moreCertificates: 'Er staan nog {count} certificaat/certificaten in de geplakte tekst, waarschijnlijk de keten; ik heb het servercertificaat gecontroleerd, het certificaat dat geen van de andere heeft uitgegeven.',
      chainTrusted: 'De keten leidt naar een vertrouwde root.',
      chainSelfSigned: 'De server toont een zelfondertekend certificaat: clients vertrouwen het niet.',
      chainUntrusted: 'De keten leidt niet naar een root die de bot vertrouwt ({reason}). Bij een eigen PKI kan dat kloppen, maar dan moet elke internetclient je root vertrouwen; controleer ook of de server zijn tussenliggende certificaten meestuurt.',
      nameMatches: 'Het certificaat dekt {name}.',
      nameMismatch: 'Het certificaat dekt {name} niet: het noemt {names}. Clients die met {name} verbinden, weigeren het.',
      oldTls: 'De server koos {protocol}; de CMG dwingt standaard TLS 1.2 of nieuwer af.',
      serviceMetadata: 'Open {url} in een browser om het certificaat te zien zoals een client het ziet.',
    },
    pasteTitle: 'Plak het certificaat',
    paste:
      'Stuur **controleer certificaat** met de certificaattekst in hetzelfde bericht: open het .cer-bestand (Base-64 X.509) in een teksteditor en plak alles van de regel BEGIN CERTIFICATE tot de regel END CERTIFICATE. Zet er een regio voor om ook de implementatienaam te krijgen, bijvoorbeeld controleer certificaat West-Europa. Plak nooit de privésleutel of het .pfx-bestand.',
    unreadableTitle: 'Ik kan dat certificaat niet lezen',
    unreadable: 'De tekst tussen de regels BEGIN CERTIFICATE en END CERTIFICATE is geen geldig certificaat. Exporteer het opnieuw als Base-64 X.509 (.cer) en plak het zonder wijzigingen.',
    privateKeyTitle: 'Privésleutel geweigerd',
    privateKey:
      'Je bericht bevat een privésleutel. Daarom heb ik het niet gecontroleerd, bewaard of gelogd, en ik toon het niet. Een privésleutel mag de server of sleutelkluis waarop hij staat nooit verlaten: verwijder je bericht uit deze chat, en omdat anderen het gezien kunnen hebben, beschouw de sleutel als gelekt en laat het certificaat opnieuw uitgeven met een nieuwe sleutel. Voor deze controle is het openbare certificaat genoeg (het .cer-bestand, Base-64).',

    endpointTitle: 'Eindpuntcontrole: {name}',
    endpointBanner: {
      ok: { title: 'Toont een vertrouwd certificaat voor deze naam', text: 'De TLS-handshake is gelukt en het certificaat voldoet aan de CMG-regels die ik van hieruit kan controleren.' },
      warning: { title: 'Toont een certificaat, met punten om te controleren', text: 'De TLS-handshake is gelukt; de gemarkeerde punten hieronder vragen je aandacht.' },
      error: { title: 'Toont een certificaat dat clients weigeren', text: 'De TLS-handshake is gelukt, maar minstens één punt hieronder zorgt dat clients of de CMG dit certificaat weigeren.' },
    },
    connectionTitle: 'Verbinding',
    address: 'Adres',
    port: 'Poort',
    tlsVersion: 'TLS-versie',
    chain: 'Certificaatketen',
    chainValues: { trusted: 'vertrouwd', untrusted: 'niet vertrouwd' },
    nameMatch: 'Naam komt overeen',
    yes: 'ja',
    no: 'nee',
    endpointRefusedTitle: 'Niet gecontroleerd: intern adres',
    endpointRefused: '{name} verwijst naar een adres van het type {kind}. Voor de veiligheid maak ik alleen verbinding met openbare internetadressen, dus ik heb het niet benaderd.',
    endpointDns: {
      nxdomain: { title: 'Naam niet gevonden (NXDOMAIN)', text: '{name} bestaat niet in DNS, dus er is niets om mee te verbinden. Controleer de spelling en je openbare DNS-zone.' },
      noData: { title: 'Geen adresrecords', text: '{name} bestaat in DNS, maar heeft geen adresrecords (A of AAAA).' },
      timeout: { title: 'DNS antwoordde niet op tijd', text: 'De DNS-server antwoordde niet op tijd voor {name}. Probeer het zo opnieuw.' },
      failed: { title: 'DNS-opzoeking mislukt', text: 'Het opzoeken van {name} in DNS is mislukt ({detail}). Probeer het later opnieuw.' },
    },
    endpointConnect: {
      timeout: { title: 'Geen antwoord op tijd', text: '{name} ({address}) rondde op poort {port} niet op tijd een TLS-handshake af. Draait de CMG, en is de poort vanaf internet open?' },
      refused: { title: 'Verbinding geweigerd', text: 'Niets nam een verbinding aan op {address} poort {port} voor {name}. Draait de CMG op dit adres?' },
      unreachable: { title: 'Adres onbereikbaar', text: 'De bot kan {address} (voor {name}) vanuit zijn netwerk niet bereiken.' },
      reset: { title: 'Verbinding verbroken', text: '{name} ({address}) verbrak de verbinding tijdens de TLS-handshake op poort {port}.' },
      handshake: { title: 'TLS-handshake mislukt', text: 'De TLS-handshake met {name} ({address}, poort {port}) is mislukt ({detail}).' },
    },
    endpointUsage: 'controleer eindpunt GraniteFalls.contoso.com',
  },
};
