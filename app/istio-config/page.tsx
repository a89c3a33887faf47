import { Suspense } from "react";
import { IstioConfigTable } from "@/components/inventory/istio-config-table";

export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Istio Config</h1>
      <Suspense>
        <IstioConfigTable />
      </Suspense>
    </div>
  );
}
