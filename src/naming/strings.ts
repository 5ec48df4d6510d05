import type { Localized } from '../i18n/language';

/** Words on the service-names cards and form. Product terms stay in English in the Dutch text. */
export interface NamingStrings {
  resultTitle: string;
  resultIntro: string;
  cmgName: string;
  commonName: string;
  region: string;
  classicName: string;
  scaleSetName: string;
  dnsForm: string;
  cnameTitle: string;
  cnameIntro: string;
  cnameNone: string;
  cnameCloudappNet: string;
  warningsTitle: string;
  typoNote: string;
  guidanceButton: string;
  providerCheckButton: string;
  namePreflightButton: string;
  cutoverButton: string;
  formTitle: string;
  formIntro: string;
  nameLabel: string;
  namePlaceholder: string;
  regionLabel: string;
  regionPlaceholder: string;
  certificateLabel: string;
  certificateAuto: string;
  certificateOwn: string;
  certificateCloudappNet: string;
  submit: string;
  regionMissing: string;
  regionAmbiguous: string;
  regionUnknown: string;
  regionUnknownNoSuggestion: string;
  ownNeedsDomain: string;
  certificateConflictOwn: string;
  certificateConflictCloudappNet: string;
}

export const namingStrings: Localized<NamingStrings> = {
  en: {
    resultTitle: 'Service names for {prefix} in {region}',
    resultIntro: 'On a virtual machine scale set the Azure name includes the region. DNS ignores case, so both spellings of the scale-set name are the same host.',
    cmgName: 'CMG name (prefix)',
    commonName: 'Certificate common name',
    region: 'Region',
    classicName: 'Classic cloud service name',
    scaleSetName: 'Scale-set deployment name',
    dnsForm: 'As DNS and Azure print it',
    cnameTitle: 'DNS CNAME record (public DNS)',
    cnameIntro: 'Create or change this record in your public DNS zone when you switch to the scale set:',
    cnameNone: 'No CNAME record: the certificate has no domain of your own. Type the full certificate name to get one.',
    cnameCloudappNet: 'No CNAME record is possible: cloudapp.net belongs to Microsoft. You need a new certificate for the new name.',
    warningsTitle: 'Check before you continue',
    typoNote: 'I read "{typed}" as {region}.',
    guidanceButton: 'Certificate guidance',
    providerCheckButton: 'Check resource providers',
    namePreflightButton: 'Check that the names are free',
    cutoverButton: 'Plan the cutover',
    formTitle: 'Compute CMG service names',
    formIntro: 'Give the CMG name or the certificate common name and the Azure region; I compute the classic name, the scale-set name and the CNAME record.',
    nameLabel: 'CMG name or certificate common name',
    namePlaceholder: 'GraniteFalls.contoso.com',
    regionLabel: 'Azure region',
    regionPlaceholder: 'Choose a region',
    certificateLabel: 'Certificate domain',
    certificateAuto: 'Work it out from the name',
    certificateOwn: 'Our own domain (e.g. contoso.com)',
    certificateCloudappNet: 'cloudapp.net',
    submit: 'Compute names',
    regionMissing: 'Choose the Azure region of the CMG.',
    regionAmbiguous: '"{typed}" matches several regions: {candidates}. Choose one.',
    regionUnknown: 'I do not know the region "{typed}". Did you mean {suggestions}?',
    regionUnknownNoSuggestion: 'I do not know the region "{typed}". Choose one from the list.',
    ownNeedsDomain: 'For a certificate in your own domain, type its full common name (for example {prefix}.contoso.com) so I can write the CNAME record.',
    certificateConflictOwn: 'The name ends in cloudapp.net, which is not your own domain. Choose cloudapp.net or type your own domain.',
    certificateConflictCloudappNet: 'The name is in {domain}, not cloudapp.net. Choose "our own domain" or type the cloudapp.net name.',
  },
  nl: {
    resultTitle: 'Servicenamen voor {prefix} in {region}',
    resultIntro: 'Op een schaalset voor virtuele machines bevat de Azure-naam de regio. DNS negeert hoofdletters, dus beide schrijfwijzen van de schaalsetnaam zijn dezelfde host.',
    cmgName: 'CMG-naam (voorvoegsel)',
    commonName: 'Algemene naam (CN) van het certificaat',
    region: 'Regio',
    classicName: 'Naam klassieke cloudservice',
    scaleSetName: 'Implementatienaam op de schaalset',
    dnsForm: 'Zoals DNS en Azure het tonen',
    cnameTitle: 'DNS-CNAME-record (openbare DNS)',
    cnameIntro: 'Maak of wijzig dit record in je openbare DNS-zone wanneer je overstapt naar de schaalset:',
    cnameNone: 'Geen CNAME-record: het certificaat heeft geen eigen domein. Typ de volledige certificaatnaam om er een te krijgen.',
    cnameCloudappNet: 'Een CNAME-record is niet mogelijk: cloudapp.net is van Microsoft. Je hebt een nieuw certificaat voor de nieuwe naam nodig.',
    warningsTitle: 'Controleer dit eerst',
    typoNote: 'Ik lees "{typed}" als {region}.',
    guidanceButton: 'Certificaatadvies',
    providerCheckButton: 'Resourceproviders controleren',
    namePreflightButton: 'Controleer of de namen vrij zijn',
    cutoverButton: 'Overstap plannen',
    formTitle: 'CMG-servicenamen berekenen',
    formIntro: 'Geef de CMG-naam of de algemene naam van het certificaat en de Azure-regio; ik bereken de klassieke naam, de schaalsetnaam en het CNAME-record.',
    nameLabel: 'CMG-naam of algemene naam van het certificaat',
    namePlaceholder: 'GraniteFalls.contoso.com',
    regionLabel: 'Azure-regio',
    regionPlaceholder: 'Kies een regio',
    certificateLabel: 'Domein van het certificaat',
    certificateAuto: 'Afleiden uit de naam',
    certificateOwn: 'Ons eigen domein (bijv. contoso.com)',
    certificateCloudappNet: 'cloudapp.net',
    submit: 'Namen berekenen',
    regionMissing: 'Kies de Azure-regio van de CMG.',
    regionAmbiguous: '"{typed}" past bij meerdere regio\'s: {candidates}. Kies er een.',
    regionUnknown: 'Ik ken de regio "{typed}" niet. Bedoel je {suggestions}?',
    regionUnknownNoSuggestion: 'Ik ken de regio "{typed}" niet. Kies er een uit de lijst.',
    ownNeedsDomain: 'Typ voor een certificaat in je eigen domein de volledige algemene naam (bijvoorbeeld {prefix}.contoso.com), zodat ik het CNAME-record kan maken.',
    certificateConflictOwn: 'De naam eindigt op cloudapp.net, dat is niet je eigen domein. Kies cloudapp.net of typ je eigen domein.',
    certificateConflictCloudappNet: 'De naam staat in {domain}, niet in cloudapp.net. Kies "ons eigen domein" of typ de cloudapp.net-naam.',
  },
};
