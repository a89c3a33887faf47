import { Suspense } from "react";
import { NamespaceCards } from "@/components/overview/namespace-cards";
import { UpstreamCards } from "@/components/overview/upstream-cards";

export default function OverviewPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Overview</h1>
      <UpstreamCards />
      <h2 className="text-lg font-medium">Namespaces</h2>
      <Suspense>
        <NamespaceCards />
      </Suspense>
    </div>
  );
}
