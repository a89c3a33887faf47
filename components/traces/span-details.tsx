import type { ReactNode } from "react";
import { formatDeltaUs, formatDurationUs } from "@/lib/tracing/format";
import type { Span, SpanTag } from "@/lib/tracing/model";

function TagTable({ tags, label }: { tags: SpanTag[]; label: string }) {
  if (tags.length === 0) return <p className="text-xs text-slate-500">None.</p>;
  return (
    <table aria-label={label} className="w-full text-xs">
      <tbody>
        {tags.map((t, i) => (
          <tr key={`${t.key}-${i}`} className="border-b border-slate-100 align-top">
            <td className="w-1/3 py-0.5 pr-3 font-mono text-slate-500">{t.key}</td>
            <td className="py-0.5 font-mono break-all">
              {String(t.value)}
              {t.type !== "string" && <span className="ml-2 text-[10px] text-slate-400">{t.type}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-1">
      <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h4>
      {children}
    </section>
  );
}

/** Everything about one span: IDs, timing, warnings, tags, logs (relative to the span start) and process. */
export function SpanDetails({ span, traceStartUs }: { span: Span; traceStartUs: number }) {
  return (
    <div data-testid="span-details" className="grid gap-4 border-l-4 border-slate-300 bg-slate-50 p-3 md:grid-cols-2">
      <div className="space-y-3">
        <Section title="Span">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
            <dt className="text-slate-500">Service</dt>
            <dd>{span.service}</dd>
            <dt className="text-slate-500">Operation</dt>
            <dd className="break-all">{span.operation}</dd>
            <dt className="text-slate-500">Kind</dt>
            <dd>{span.kind}</dd>
            <dt className="text-slate-500">Start</dt>
            <dd>+{formatDurationUs(span.startUs - traceStartUs)}</dd>
            <dt className="text-slate-500">Duration</dt>
            <dd>{formatDurationUs(span.durationUs)}</dd>
            <dt className="text-slate-500">Span ID</dt>
            <dd className="font-mono">{span.spanId}</dd>
            {span.parentId && (
              <>
                <dt className="text-slate-500">Parent</dt>
                <dd className="font-mono">{span.parentId}</dd>
              </>
            )}
            {span.skewUs !== undefined && (
              <>
                <dt className="text-slate-500">Clock skew</dt>
                <dd>moved {formatDeltaUs(span.skewUs)}</dd>
              </>
            )}
          </dl>
        </Section>
        {span.warnings.length > 0 && (
          <Section title="Warnings">
            <ul className="list-disc pl-4 text-xs text-amber-800">
              {span.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </Section>
        )}
        <Section title="Process">
          <p className="text-xs font-medium">{span.process.service}</p>
          <TagTable tags={span.process.tags} label="Process tags" />
        </Section>
      </div>
      <div className="space-y-3">
        <Section title="Tags">
          <TagTable tags={span.tags} label="Span tags" />
        </Section>
        {span.logs.length > 0 && (
          <Section title="Logs">
            {span.logs.map((l, i) => (
              <div key={i} className="space-y-0.5">
                <p className="text-xs text-slate-500">at +{formatDurationUs(l.timestampUs - span.startUs)}</p>
                <TagTable tags={l.fields} label="Log fields" />
              </div>
            ))}
          </Section>
        )}
        {span.links.length > 0 && (
          <Section title="References">
            <ul className="font-mono text-xs">
              {span.links.map((l, i) => (
                <li key={i}>
                  {l.type} {l.traceId}/{l.spanId}
                </li>
              ))}
            </ul>
          </Section>
        )}
      </div>
    </div>
  );
}
