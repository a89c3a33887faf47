import { Suspense } from "react";
import { ServicesTable } from "@/components/inventory/services-table";

export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Services</h1>
      <Suspense>
        <ServicesTable />
      </Suspense>
    </div>
  );
}
