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
 * value handed in is also scrubbed from messages, so a stray interpolation cannot leak it.
 */
export function createLogger(level: LogLevel, secrets: readonly (string | undefined)[] = [], destination?: pino.DestinationStream): Logger {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
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
      hooks: {
        logMethod(args, method) {
          if (known.length > 0) {
            args = args.map((arg) => (typeof arg === 'string' ? scrub(arg, known) : arg)) as typeof args;
          }
          return method.apply(this, args);
        },
      },
      formatters: {
        log(object) {
          return known.length > 0 ? (JSON.parse(scrub(JSON.stringify(object), known)) as Record<string, unknown>) : object;
        },
      },
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
