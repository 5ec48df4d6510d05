import type * as OpenTelemetryApi from '@opentelemetry/api';

let api: typeof OpenTelemetryApi | undefined;

/** Called once telemetry runs; until then log lines carry no trace fields and load nothing. */
export function enableTraceFields(loaded: typeof OpenTelemetryApi): void {
  api = loaded;
}

/**
 * The active trace for a log line (pino mixin), under OpenTelemetry's log-correlation names, so
 * a log line can be found from a request in Application Insights (operation id = trace_id) and
 * the other way round.
 */
export function traceFields(): Record<string, string> {
  const span = api?.trace.getActiveSpan();
  if (!span) return {};
  const context = span.spanContext();
  if (!api!.isSpanContextValid(context)) return {};
  return { trace_id: context.traceId, span_id: context.spanId, trace_flags: context.traceFlags.toString(16).padStart(2, '0') };
}
