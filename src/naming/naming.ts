import { format, Lang } from '../i18n/language';
import type { Logger } from '../log';
import type { CardActionResult, CardReply, TurnInfo } from '../turn';
import { defaultRegionCatalog, RegionCatalog, RegionMatch } from './regionCatalog';
import { LocationReader, refreshRegionCatalog } from './regionRefresh';
import { computeServiceNames } from './serviceNames';
import { serviceNamesCard } from './serviceNamesCard';
import { CERTIFICATE_TYPES, CertificateType, regionErrorText, serviceNamesForm, ServiceNamesFormState } from './serviceNamesForm';
import type { ServiceNamesFormData } from './verbs';
import { namingStrings } from './strings';

/** What an admin asked for, from a typed command or the form. */
export interface ServiceNamesRequest {
  cmgName: string;
  /** A region as typed (any language or spelling) or a programmatic name from the form. */
  region: string;
  certificateType?: CertificateType;
}

const MICROSOFT_CLASSIC_DOMAINS = ['cloudapp.net', 'usgovcloudapp.net'];

function domainOf(name: string): string {
  const host = name.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[/?#:].*$/, '').replace(/\.$/, '');
  const dot = host.indexOf('.');
  return dot < 0 ? '' : host.slice(dot + 1);
}

/**
 * The service-names capability: turns a CMG name (or certificate common name) and a region into
 * the service names card, or redraws the form with a message next to each field that needs one.
 */
export class Naming {
  private readonly stopping = new AbortController();

  constructor(private readonly catalog: RegionCatalog = defaultRegionCatalog) {}

  /**
   * Merges a subscription's regions into this capability's catalog (run it in the background:
   * answers use the built-in list until it lands, and keep it if the read fails).
   */
  refreshRegions(read: LocationReader, log: Logger): Promise<void> {
    return refreshRegionCatalog(this.catalog, read, this.stopping.signal, log);
  }

  /** Abandons a region refresh still waiting for Azure. */
  stop(): void {
    this.stopping.abort();
  }

  /** The empty form (or prefilled with what is known). */
  form(lang: Lang, state: Partial<ServiceNamesFormState> = {}): CardReply {
    return serviceNamesForm(lang, this.catalog.all(), { cmgName: '', region: '', certificateType: 'auto', ...state });
  }

  /** Answers a request: the names card when everything is clear, else the form keeping the input. */
  answer(lang: Lang, request: ServiceNamesRequest): CardReply {
    const s = namingStrings[lang];
    const certificateType = request.certificateType ?? 'auto';
    const state: ServiceNamesFormState = { cmgName: request.cmgName, region: '', certificateType };

    const match: RegionMatch = request.region.trim() ? this.catalog.resolve(request.region) : { kind: 'unknown', suggestions: [] };
    if (match.kind === 'found') state.region = match.region.name;
    else if (!request.region.trim()) state.regionError = s.regionMissing;
    else {
      state.regionError = regionErrorText(lang, request.region, match);
      if (match.kind === 'ambiguous') state.regionChoices = match.candidates;
    }

    // Name rules do not depend on the region, so they are reported in the same redraw.
    const domain = domainOf(request.cmgName).toLowerCase();
    let nameOrCertificate = request.cmgName;
    if (certificateType === 'cloudappNet') {
      if (!domain) nameOrCertificate = `${request.cmgName.trim()}.cloudapp.net`;
      else if (!MICROSOFT_CLASSIC_DOMAINS.includes(domain)) state.certificateError = format(s.certificateConflictCloudappNet, { domain });
    }
    if (certificateType === 'own' && MICROSOFT_CLASSIC_DOMAINS.includes(domain)) state.certificateError = s.certificateConflictOwn;

    const region = match.kind === 'found' ? match.region : this.catalog.all()[0];
    const names = computeServiceNames({ nameOrCertificate, region });
    if (!names.ok) state.nameError = names.problems.map((problem) => problem[lang]).join('\n\n');
    else if (certificateType === 'own' && !domain) state.nameError = format(s.ownNeedsDomain, { prefix: names.prefix });

    if (state.nameError || state.regionError || state.certificateError || !names.ok || match.kind !== 'found') return this.form(lang, state);
    return serviceNamesCard(lang, names, match.correctedFrom);
  }

  /** A typed command: `service name GraniteFalls East US`; without arguments, the empty form. */
  command(lang: Lang, cmgName: string | undefined, region: string | undefined): CardReply {
    if (!cmgName?.trim() && !region?.trim()) return this.form(lang);
    return this.answer(lang, { cmgName: cmgName ?? '', region: region ?? '' });
  }

  /** The form's Action.Execute: inputs arrive as strings in the action data. */
  async submit(turn: TurnInfo, data: ServiceNamesFormData): Promise<CardActionResult> {
    const type = (data.certificateType ?? 'auto') as CertificateType;
    const reply = this.answer(turn.lang, {
      cmgName: data.cmgName ?? '',
      region: data.region ?? '',
      certificateType: CERTIFICATE_TYPES.includes(type) ? type : 'auto',
    });
    return { kind: 'card', reply };
  }
}
