import { ConfigError } from '../../../src/env';
import { readTelemetrySettings } from '../../../src/telemetry/settings';

const KEY = '0f1e2d3c-4b5a-4697-8877-665544332211';

describe('telemetry setting', () => {
  it('is off when the connection string is unset or blank', () => {
    expect(readTelemetrySettings({})).toBeUndefined();
    expect(readTelemetrySettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: '  ' })).toBeUndefined();
  });

  it('takes a connection string as the portal shows it, and an old-style one with only the key', () => {
    const connectionString = `InstrumentationKey=${KEY};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;ApplicationId=1b2c`;
    expect(readTelemetrySettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString })).toEqual({ connectionString });
    expect(readTelemetrySettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: `instrumentationkey=${KEY}` })).toEqual({ connectionString: `instrumentationkey=${KEY}` });
  });

  it.each([
    ['no key', 'IngestionEndpoint=https://example.org/'],
    ['a key that is not a GUID', 'InstrumentationKey=abc;IngestionEndpoint=https://example.org/'],
    ['a bare instrumentation key', KEY],
    ['an endpoint that is not a URL', `InstrumentationKey=${KEY};IngestionEndpoint=westeurope`],
  ])('refuses %s, naming the variable without echoing the key', (_case, value) => {
    let error: unknown;
    try {
      readTelemetrySettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('APPLICATIONINSIGHTS_CONNECTION_STRING');
    if (value.includes('InstrumentationKey=')) expect((error as Error).message).not.toContain(KEY);
  });
});
