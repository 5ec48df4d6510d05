import { buildChecklist, nextStep, parseAnswers } from './index';
import type { GuidanceAnswers } from './index';
import { defaultRegionCatalog } from '../naming';

const moving: GuidanceAnswers = { classicToday: 'yes', csp: 'no', moveNow: 'yes', version: '2111', cloud: 'public' };

describe('the decision flow asks only what the case needs', () => {
  it.each<[string, GuidanceAnswers, string | undefined]>([
    ['nothing answered', {}, 'situation'],
    ['classic, not CSP', { classicToday: 'yes', csp: 'no' }, 'move'],
    ['classic in CSP: no move question', { classicToday: 'yes', csp: 'yes' }, 'version'],
    ['no classic: no move question', { classicToday: 'no', csp: 'no' }, 'version'],
    ['keeping classic: no names', { classicToday: 'yes', csp: 'no', moveNow: 'no', version: '2107', cloud: 'public' }, undefined],
    ['moving', moving, 'names'],
    ['moving with a full common name: no certificate question', { ...moving, commonName: 'GraniteFalls.contoso.com', region: 'eastus' }, undefined],
    ['moving with a bare name: certificate question', { ...moving, commonName: 'GraniteFalls', region: 'eastus' }, 'certificate'],
    ['new CMG with a bare name: no certificate question', { classicToday: 'no', csp: 'no', version: '2107', cloud: 'public', commonName: 'GraniteFalls', region: 'eastus' }, undefined],
  ])('%s → %s', (_name, answers, step) => {
    expect(nextStep(answers)?.id).toBe(step);
  });
});

describe('parseAnswers', () => {
  it('keeps only values the flow could have produced', () => {
    expect(parseAnswers({ classicToday: 'maybe', csp: 'no', version: '1906', cloud: 'usgov', region: ' eastus ', extra: 'x' })).toEqual({ csp: 'no', cloud: 'usgov', region: 'eastus' });
    expect(parseAnswers('not an object')).toEqual({});
  });
});

describe('buildChecklist', () => {
  const build = (answers: GuidanceAnswers) => buildChecklist(answers, defaultRegionCatalog);
  const before = (steps: string[], a: string, b: string) => expect(steps.indexOf(a)).toBeLessThan(steps.indexOf(b));

  it('own domain: deploy with the same certificate (or convert), test, switch the CNAME, keep the old CMG', () => {
    const list = build({ ...moving, commonName: 'GraniteFalls.contoso.com', region: 'eastus' });
    expect(list.case).toBe('ownDomain');
    expect(list.steps).toEqual(['registerProviders', 'checkNameFree', 'deploySameCertificate', 'convertOption', 'waitReadyAndTest', 'switchCname', 'keepOldCmg', 'firewallAfterClassic']);
    expect(list.names?.cname).toEqual({ host: 'GraniteFalls.contoso.com', target: 'GraniteFalls.EastUS.CloudApp.Azure.com' });
  });

  it('own domain on 2010/2103: upgrade first (no side-by-side), no Convert, preview notes', () => {
    const list = build({ ...moving, version: '2010', commonName: 'GraniteFalls.contoso.com', region: 'eastus' });
    expect(list.steps[0]).toBe('noMixing2010');
    expect(list.steps).not.toContain('convertOption');
    expect(list.notes).toEqual(expect.arrayContaining(['tlsPreview', 'limits2010']));
  });

  it('cloudapp.net: new certificate, new CMG, second connection point, wait a day, then remove the old', () => {
    const list = build({ ...moving, commonName: 'GraniteFalls.cloudapp.net', region: 'westeurope' });
    expect(list.case).toBe('cloudappNet');
    for (const [a, b] of [
      ['newCertificate', 'createWithNewCertificate'],
      ['createWithNewCertificate', 'secondConnectionPoint'],
      ['secondConnectionPoint', 'waitOneDay'],
      ['waitOneDay', 'removeOldCmg'],
    ]) {
      before(list.steps, a, b);
    }
    expect(list.steps).not.toContain('convertOption');
    expect(list.notes).toContain('thirdPartyAmbiguity');
  });

  it('a bare name the admin puts in cloudapp.net takes the cloudapp.net path', () => {
    const list = build({ ...moving, commonName: 'GraniteFalls', region: 'westeurope', certificateDomain: 'cloudappNet' });
    expect(list.case).toBe('cloudappNet');
    expect(list.names?.classicName).toBe('GraniteFalls.CloudApp.net');
  });

  it('a bare name the admin puts in their own domain takes the own-domain path', () => {
    expect(build({ ...moving, commonName: 'GraniteFalls', region: 'westeurope', certificateDomain: 'own' }).case).toBe('ownDomain');
  });

  it('keeping classic: no redeploy, what changes in 2107, 2203 and 2403; flagged on 2403', () => {
    const list = build({ classicToday: 'yes', csp: 'no', moveNow: 'no', version: '2403', cloud: 'public' });
    expect(list.case).toBe('keepClassic');
    expect(list.steps).toEqual(['noRedeploy', 'later2107', 'later2203', 'later2403', 'whenYouMove']);
    expect(list.notes).toContain('classicFlagged');
    expect(list.names).toBeUndefined();
  });

  it('CSP: the scale set is the way, with a note when a classic CMG exists elsewhere', () => {
    const fresh = build({ classicToday: 'no', csp: 'yes', version: '2107', cloud: 'public', commonName: 'Northwind.litware.com', region: 'swedencentral' });
    expect(fresh.case).toBe('csp');
    expect(fresh.steps).toContain('cspScaleSetOnly');
    const fromClassic = build({ classicToday: 'yes', csp: 'yes', version: '2107', cloud: 'public', commonName: 'Northwind.litware.com', region: 'swedencentral' });
    expect(fromClassic.case).toBe('ownDomain');
    expect(fromClassic.notes).toContain('cspRedeploy');
    expect(fromClassic.steps).not.toContain('convertOption');
  });

  it('US Government before 2111: upgrade first; from 2111: a note only', () => {
    const old = build({ ...moving, version: '2107', cloud: 'usgov', commonName: 'GraniteFalls.contoso.com', region: 'eastus' });
    expect(old.steps[0]).toBe('usGovUpgrade');
    const current = build({ ...moving, version: '2111', cloud: 'usgov', commonName: 'GraniteFalls.contoso.com', region: 'eastus' });
    expect(current.steps).not.toContain('usGovUpgrade');
    expect(current.notes).toContain('usGovSupported');
  });

  it('version 2006 or earlier: upgrade before anything else', () => {
    expect(build({ classicToday: 'no', csp: 'no', version: '2006', cloud: 'public', commonName: 'GraniteFalls', region: 'eastus' }).steps[0]).toBe('upgradeFrom2006');
  });
});
