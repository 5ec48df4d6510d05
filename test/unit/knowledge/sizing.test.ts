import { computeSizing, parseSizingQuestion } from '../../../src/knowledge';

describe('sizing questions', () => {
  it.each([
    ['hoeveel VM-instanties voor 45.000 clients', 45_000, 'standard', false],
    ['how many instances for 45,000 clients?', 45_000, 'standard', false],
    ['we have 12k devices, how many vms', 12_000, 'standard', false],
    ['sizing for 80000 clients on Large', 80_000, 'large', false],
    ['capaciteit voor 8000 clients op een schaalset in 2103', 8_000, 'standard', true],
  ])('reads "%s"', (question, clients, size, preRelease) => {
    expect(parseSizingQuestion(question)).toEqual({ clients, size, preRelease });
  });

  it.each(['clients per VM for the Standard size on 2107 or later?', 'hoeveel clients kan een cmg-verbindingspunt aan?', 'port 443 for clients?'])('leaves "%s" to the knowledge base', (question) => {
    expect(parseSizingQuestion(question)).toBeUndefined();
  });

  it('reproduces the worked examples of the facts sheet (SIZE-06)', () => {
    expect(computeSizing({ clients: 20_000, size: 'standard', preRelease: false })).toMatchObject({ instances: 4, recommendedInstances: 4, cmgs: 1 });
    expect(computeSizing({ clients: 5_000, size: 'standard', preRelease: true })).toMatchObject({ clientsPerInstance: 2_000, instances: 3 });
    expect(computeSizing({ clients: 72_000, size: 'standard', preRelease: false })).toMatchObject({ instances: 12, connectionPoints: 3 });
  });

  it('keeps two instances and two connection points for high availability, and one CMG at most 16 instances', () => {
    expect(computeSizing({ clients: 500, size: 'standard', preRelease: false })).toMatchObject({ instances: 1, recommendedInstances: 2, connectionPoints: 2 });
    expect(computeSizing({ clients: 200_000, size: 'standard', preRelease: false })).toMatchObject({ instances: 34, cmgs: 3, recommendedInstances: 12 });
  });

  it('adds connection points when the client notification ports of one server run out (16,384)', () => {
    expect(computeSizing({ clients: 45_000, size: 'standard', preRelease: false })).toMatchObject({ instances: 8, connectionPoints: 2, connectionPointsForPorts: 3 });
  });
});
