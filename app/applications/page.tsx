import { Suspense } from "react";
import { AppsTable } from "@/components/inventory/apps-table";

export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Applications</h1>
      <Suspense>
        <AppsTable />
      </Suspense>
    </div>
  );
}
