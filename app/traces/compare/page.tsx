import { Suspense } from "react";
import { TraceCompare } from "@/components/traces/trace-compare";

export default function CompareTracesPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Compare traces</h1>
      <Suspense>
        <TraceCompare />
      </Suspense>
    </div>
  );
}
