import { Naming } from './index';

const naming = new Naming();
const data = (reply: { data: object }) => reply.data as Record<string, unknown>;

describe('Naming.answer', () => {
  it('reads a bare name with "cloudapp.net" chosen as <name>.cloudapp.net', () => {
    const reply = naming.answer('en', { cmgName: 'GraniteFalls', region: 'eastus', certificateType: 'cloudappNet' });
    expect(reply.template).toBe('serviceNames');
    expect(data(reply).cutoverData).toEqual({ cmgName: 'GraniteFalls.cloudapp.net', region: 'eastus', certificatePath: 'cloudappNet' });
  });

  it('puts a certificate-type conflict next to the certificate field', () => {
    const own = naming.answer('en', { cmgName: 'GraniteFalls.cloudapp.net', region: 'eastus', certificateType: 'own' });
    expect(own.template).toBe('serviceNamesForm');
    expect(data(own).certificateError).toContain('not your own domain');
    const cloudapp = naming.answer('nl', { cmgName: 'GraniteFalls.contoso.com', region: 'eastus', certificateType: 'cloudappNet' });
    expect(data(cloudapp).certificateError).toContain('contoso.com');
  });

  it('reports name and region problems in one redraw', () => {
    const reply = naming.answer('en', { cmgName: 'G', region: 'Narnia' });
    expect(reply.template).toBe('serviceNamesForm');
    expect(data(reply).nameError).toContain('3 to 24');
    expect(data(reply).regionError).toContain('Narnia');
    expect(data(reply).nameValue).toBe('G');
  });

  it('asks for a region when none was given', () => {
    expect(data(naming.answer('nl', { cmgName: 'GraniteFalls', region: '' })).regionError).toBe('Kies de Azure-regio van de CMG.');
  });

  it('keeps an absurdly long name only up to the longest DNS name', () => {
    expect(String(data(naming.answer('en', { cmgName: 'x'.repeat(5000), region: 'eastus' })).nameValue)).toHaveLength(253);
  });
});

describe('Naming.answer for a free-text "what will the service name be" question', () => {
  it('answers "Contoso in West Europe" with the service names card', () => {
    const reply = naming.answer('en', { cmgName: 'Contoso', region: 'West Europe' });
    expect(reply.template).toBe('serviceNames');
    expect(reply.summary).toContain('Contoso.WestEurope.CloudApp.Azure.com');
  });

  it('answers an ambiguous region with the form and its candidates, in Dutch', () => {
    const reply = naming.answer('nl', { cmgName: 'Contoso', region: 'Europa' });
    expect(reply.template).toBe('serviceNamesForm');
    expect(data(reply).regionError).toContain('Noord-Europa');
    expect((data(reply).regionChoices as unknown[]).length).toBe(2);
  });
});
