import pino, { Logger } from 'pino';
import { Env, readEnum } from './env';
import { traceFields } from './telemetry/traceContext';

export type { Logger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readLogLevel(env: Env): LogLevel {
  return readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info');
}

/**
 * Structured JSON logs. Known secret-bearing fields are redacted by path, and every secret
 * value handed in is also scrubbed from the finished line (messages, error messages and stacks,
 * any field), so a stray interpolation cannot leak it. Scrubbing the written line rather than the
 * object keeps pino's error serializer intact: errors keep their type, message and stack.
 */
export function createLogger(level: LogLevel, secrets: readonly (string | undefined)[] = [], destination?: pino.DestinationStream): Logger {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  // In the JSON line a secret appears as JSON spells it (quotes and backslashes escaped), so both spellings go.
  const spellings = [...new Set(known.flatMap((secret) => [JSON.stringify(secret).slice(1, -1), secret]))].sort((a, b) => b.length - a.length);
  return pino(
    {
      level,
      base: { app: 'cmg-assistant' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: traceFields,
      redact: {
        paths: ['*.password', '*.appPassword', '*.authorization', '*.headers.authorization', '*.clientSecret', '*.connectionString', '*.token'],
        censor: '[redacted]',
      },
      hooks: spellings.length > 0 ? { streamWrite: (line) => scrub(line, spellings) } : {},
    },
    destination ?? pino.destination(1),
  );
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

/** A logger that writes nothing: for tools, tests and benchmarks that build a turn by hand. */
export const silentLog: Logger = pino({ level: 'silent' });
