import type { Metadata } from "next";
import { Suspense } from "react";
import { GraphView } from "@/components/graph/graph-view";

export const metadata: Metadata = { title: "Graph · Meshscope" };

export default function GraphPage() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Graph</h1>
      <Suspense>
        <GraphView />
      </Suspense>
    </div>
  );
}
