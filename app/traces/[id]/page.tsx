import { Suspense } from "react";
import { TraceView } from "@/components/traces/trace-view";

export default async function TracePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <TraceView traceId={decodeURIComponent(id)} />
    </Suspense>
  );
}
