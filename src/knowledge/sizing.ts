import { fold } from './text';

/** VM sizes a scale-set CMG can use from version 2107, with concurrent clients per instance. */
export type VmSize = 'lab' | 'standard' | 'large';

/** What the question says: how many clients, and which size or version limits apply. */
export interface SizingRequest {
  clients: number;
  size: VmSize;
  /** 2010/2103 scale sets: fixed A2_v2 with 2,000 clients per instance. */
  preRelease: boolean;
}

export interface SizingResult extends SizingRequest {
  clientsPerInstance: number;
  /** Instances for the load, at least 1; may exceed the 16 one CMG can run. */
  instances: number;
  /** Instances to deploy: the load, at least two for high availability, at most 16 per CMG. */
  recommendedInstances: number;
  /** CMGs needed when the load exceeds 16 instances. */
  cmgs: number;
  /** Connection points the load needs per CMG: one per 4 instances. */
  loadConnectionPoints: number;
  /** One connection point per 4 instances, at least two for high availability. */
  connectionPoints: number;
  /** Connection points needed so no server holds more than 16,384 client notification ports. */
  connectionPointsForPorts: number;
}

/** Facts SIZE-01, SIZE-02, SIZE-04, SIZE-05, SIZE-07. */
export const MAX_INSTANCES = 16;
export const INSTANCES_PER_CONNECTION_POINT = 4;
export const CLIENT_PORTS_PER_CONNECTION_POINT = 16_384;
const CLIENTS_PER_INSTANCE: Record<VmSize, number> = { lab: 10, standard: 6_000, large: 10_000 };
const PRE_RELEASE_CLIENTS_PER_INSTANCE = 2_000;

const CLIENT_WORDS = 'clients?|devices?|apparaten|apparaat|machines|werkplekken|endpoints?|pcs?|laptops?|computers?|systemen|users?|gebruikers';
// A count: 45,000 / 45.000 / 45 000 / 45000 / 45k, then (within two words) something that is a client.
const COUNT = new RegExp(`(?<![\\w.,])(\\d{1,3}(?:[.,\\s]\\d{3})+|\\d+(?:[.,]\\d+)?)\\s*(k|duizend|thousand)?\\s+(?:[a-z-]+\\s+){0,2}?(?:${CLIENT_WORDS})\\b`);
const ASKS_FOR_SIZING = /\b(how many|hoeveel|instances?|instanties?|vms?|vm-instanties|size|sizing|capacity|capaciteit|connection points?|verbindingspunt\w*|cps?|need|nodig|scale|schalen|plan)\b/;

/** Reads a sizing question ("hoeveel VM-instanties voor 45.000 clients"), or undefined. */
export function parseSizingQuestion(question: string): SizingRequest | undefined {
  const text = fold(question);
  const match = COUNT.exec(text);
  if (!match || !ASKS_FOR_SIZING.test(text)) return undefined;
  const clients = parseCount(match[1], match[2]);
  if (!Number.isFinite(clients) || clients < 1 || clients > 10_000_000) return undefined;
  const size: VmSize = /\b(large|groot|a4_?v2)\b/.test(text) ? 'large' : /\b(lab|b2s)\b/.test(text) ? 'lab' : 'standard';
  const preRelease = /\b(2010|2103)\b/.test(text);
  return { clients, size, preRelease };
}

function parseCount(digits: string, multiplier: string | undefined): number {
  if (multiplier) return Math.round(Number(digits.replace(',', '.')) * 1000);
  // Thousands separators differ by language (45,000 / 45.000 / 45 000); a group of exactly three
  // digits after the separator is a thousands group in both.
  return Number(digits.replace(/[.,\s](?=\d{3}(?:\D|$))/g, ''));
}

/** Instances and connection points for a client count (facts SIZE-01/02/04/05/06/07). */
export function computeSizing(request: SizingRequest): SizingResult {
  const clientsPerInstance = request.preRelease ? PRE_RELEASE_CLIENTS_PER_INSTANCE : CLIENTS_PER_INSTANCE[request.size];
  const instances = Math.max(1, Math.ceil(request.clients / clientsPerInstance));
  const cmgs = Math.ceil(instances / MAX_INSTANCES);
  const perCmg = Math.ceil(instances / cmgs);
  const recommendedInstances = Math.min(MAX_INSTANCES, Math.max(2, perCmg));
  const loadConnectionPoints = Math.ceil(Math.min(perCmg, MAX_INSTANCES) / INSTANCES_PER_CONNECTION_POINT);
  const connectionPoints = Math.max(2, Math.ceil(recommendedInstances / INSTANCES_PER_CONNECTION_POINT));
  const connectionPointsForPorts = Math.ceil(request.clients / cmgs / CLIENT_PORTS_PER_CONNECTION_POINT);
  return { ...request, clientsPerInstance, instances, recommendedInstances, cmgs, loadConnectionPoints, connectionPoints, connectionPointsForPorts };
}
