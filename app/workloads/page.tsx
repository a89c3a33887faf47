import { Suspense } from "react";
import { WorkloadsTable } from "@/components/inventory/workloads-table";

export default function WorkloadsPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Workloads</h1>
      <Suspense>
        <WorkloadsTable />
      </Suspense>
    </div>
  );
}
