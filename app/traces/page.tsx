import { Suspense } from "react";
import { TracesSearch } from "@/components/traces/traces-search";

export default function TracesPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Traces</h1>
      <Suspense>
        <TracesSearch />
      </Suspense>
    </div>
  );
}
