import { format, Localized } from '../i18n/language';

/** Something wrong with, or worth knowing about, a CMG name; carries its message in both languages. */
export interface NameProblem {
  code: NameProblemCode;
  en: string;
  nl: string;
  /** The form field the message belongs next to. */
  field: 'name' | 'region';
}

export type NameProblemCode =
  | 'missingName'
  | 'wildcard'
  | 'length'
  | 'characters'
  | 'hyphenPlacement'
  | 'hyphenDisputed'
  | 'startsWithDigit'
  | 'invalidDomain'
  | 'caseOnRenewal'
  | 'cloudappNetCertificate'
  | 'deploymentNameCertificate'
  | 'certificateRegionDiffers'
  | 'usGovernmentDomain'
  | 'noDomainGiven';

/**
 * The wording of every naming rule. Where the documentation disagrees (ambiguity note A3 of the
 * facts sheet: one article allows lowercase letters and digits only, another allows hyphens
 * between alphanumerics and asks for a leading letter), the message says so instead of
 * rejecting a name that one source accepts.
 */
export const MESSAGES: Localized<Record<NameProblemCode, string>> = {
  en: {
    missingName: 'Type the CMG name or the certificate common name, for example GraniteFalls or GraniteFalls.contoso.com.',
    wildcard: 'A wildcard certificate ({input}) has no CMG name yet: replace the * with the unique prefix you want, for example GraniteFalls.{domain}.',
    length: 'The CMG name "{prefix}" has {length} characters; it must have 3 to 24.',
    characters: 'The CMG name "{prefix}" contains {characters}; a DNS name can only hold letters, digits and hyphens.',
    hyphenPlacement: 'The CMG name "{prefix}" may not start or end with a hyphen or contain two hyphens in a row.',
    hyphenDisputed:
      'Microsoft\'s documentation disagrees about hyphens: the page on the server certificate allows only lowercase letters and digits, the page on supported configurations allows single hyphens between letters and digits. The safest choice is a name without "-".',
    startsWithDigit:
      'The documentation disagrees about a leading digit: one article only asks for lowercase letters and digits, another requires the name to start with a letter. The safest choice is to start "{prefix}" with a letter.',
    invalidDomain: 'The domain "{domain}" is not a valid DNS name: use labels of letters, digits and hyphens separated by dots.',
    caseOnRenewal:
      'When you renew the certificate, its common name must match {name} exactly, including upper and lower case; the console rejects a certificate that differs only in case.',
    cloudappNetCertificate:
      'This certificate is in cloudapp.net, a Microsoft domain where you cannot create a CNAME. Moving to a scale set needs a new certificate for the new name, a new CMG and a second CMG connection point.',
    deploymentNameCertificate:
      'This certificate names the Azure deployment itself, so no CNAME is needed; any change of region or name means a new certificate and a redeploy.',
    certificateRegionDiffers: 'The certificate names region "{certificateRegion}", but you chose {region}: a scale set in {region} needs a certificate for the new name.',
    usGovernmentDomain:
      'usgovcloudapp.net is the Azure US Government cloud. The names below are for the Azure public cloud; a scale-set CMG supports US Government from version 2111.',
    noDomainGiven: 'If your certificate is in your own domain, type its full common name (for example {prefix}.contoso.com) to get the CNAME record as well.',
  },
  nl: {
    missingName: 'Typ de CMG-naam of de algemene naam (CN) van het certificaat, bijvoorbeeld GraniteFalls of GraniteFalls.contoso.com.',
    wildcard: 'Een wildcardcertificaat ({input}) heeft nog geen CMG-naam: vervang de * door het unieke voorvoegsel dat je wilt, bijvoorbeeld GraniteFalls.{domain}.',
    length: 'De CMG-naam "{prefix}" heeft {length} tekens; dat moeten er 3 tot 24 zijn.',
    characters: 'De CMG-naam "{prefix}" bevat {characters}; een DNS-naam kan alleen letters, cijfers en koppeltekens bevatten.',
    hyphenPlacement: 'De CMG-naam "{prefix}" mag niet met een koppelteken beginnen of eindigen en geen twee koppeltekens na elkaar bevatten.',
    hyphenDisputed:
      'De documentatie van Microsoft is het oneens over koppeltekens: de pagina over het servercertificaat staat alleen kleine letters en cijfers toe, de pagina over ondersteunde configuraties staat losse koppeltekens tussen letters en cijfers toe. Het veiligst is een naam zonder "-".',
    startsWithDigit:
      'De documentatie is het oneens over een cijfer vooraan: het ene artikel vraagt alleen kleine letters en cijfers, het andere eist dat de naam met een letter begint. Het veiligst is "{prefix}" met een letter te laten beginnen.',
    invalidDomain: 'Het domein "{domain}" is geen geldige DNS-naam: gebruik labels van letters, cijfers en koppeltekens, gescheiden door punten.',
    caseOnRenewal:
      'Bij het vernieuwen van het certificaat moet de algemene naam precies {name} zijn, inclusief hoofdletters en kleine letters; de console weigert een certificaat dat alleen in hoofdlettergebruik verschilt.',
    cloudappNetCertificate:
      'Dit certificaat staat in cloudapp.net, een domein van Microsoft waarin je geen CNAME kunt maken. Overstappen naar een schaalset vraagt een nieuw certificaat voor de nieuwe naam, een nieuwe CMG en een tweede CMG-verbindingspunt.',
    deploymentNameCertificate:
      'Dit certificaat noemt de Azure-implementatie zelf, dus er is geen CNAME nodig; elke wijziging van regio of naam betekent een nieuw certificaat en opnieuw implementeren.',
    certificateRegionDiffers: 'Het certificaat noemt regio "{certificateRegion}", maar je koos {region}: een schaalset in {region} heeft een certificaat voor de nieuwe naam nodig.',
    usGovernmentDomain:
      'usgovcloudapp.net is de Azure US Government-cloud. De namen hieronder gelden voor de openbare Azure-cloud; een CMG op een schaalset ondersteunt US Government vanaf versie 2111.',
    noDomainGiven: 'Staat je certificaat in je eigen domein, typ dan de volledige algemene naam (bijvoorbeeld {prefix}.contoso.com) om ook het CNAME-record te krijgen.',
  },
};

export function nameProblem(code: NameProblemCode, values: Record<string, string | number> = {}, field: NameProblem['field'] = 'name'): NameProblem {
  return { code, en: format(MESSAGES.en[code], values), nl: format(MESSAGES.nl[code], values), field };
}
