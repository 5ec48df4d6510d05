import { format, Lang } from '../i18n/language';
import type { Logger } from '../log';
import { CardActionResult, CardReply, TurnInfo } from '../turn';
import { defaultRegionCatalog, RegionCatalog, RegionMatch } from './regionCatalog';
import { LocationReader, refreshRegionCatalog } from './regionRefresh';
import { computeServiceNames } from './serviceNames';
import { serviceNamesCard } from './serviceNamesCard';
import { CERTIFICATE_TYPES, CertificateType, regionErrorText, serviceNamesForm, ServiceNamesFormState } from './serviceNamesForm';
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
  private refreshing: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();

  constructor(private readonly catalog: RegionCatalog = defaultRegionCatalog) {}

  /**
   * Starts merging a subscription's regions into this capability's catalog, in the background:
   * answers use the built-in list until it lands, and keep it if the read fails.
   */
  refreshRegions(read: LocationReader, log: Logger): void {
    this.refreshing = refreshRegionCatalog(this.catalog, read, this.stopping.signal, log);
  }

  /** Resolves when a region refresh has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.refreshing;
  }

  /** Abandons a region refresh still waiting for Azure. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.refreshing;
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
  async submit(turn: TurnInfo, data: Record<string, unknown>): Promise<CardActionResult> {
    const type = String(data.certificateType ?? 'auto') as CertificateType;
    const reply = this.answer(turn.lang, {
      cmgName: typeof data.cmgName === 'string' ? data.cmgName : '',
      region: typeof data.region === 'string' ? data.region : '',
      certificateType: CERTIFICATE_TYPES.includes(type) ? type : 'auto',
    });
    return { kind: 'card', reply };
  }
}

/** The default capability, for callers that route a free-text naming question here. */
const defaultNaming = new Naming();

/**
 * For the knowledge base: answers "what will the service name be for Contoso in West Europe"
 * with the service names card, or the form with a localized message and candidates when the name
 * or region is not clear.
 */
export async function serviceNamesReply(turn: TurnInfo, cmgNameText: string, regionText: string): Promise<CardReply> {
  return defaultNaming.answer(turn.lang, { cmgName: cmgNameText, region: regionText });
}
