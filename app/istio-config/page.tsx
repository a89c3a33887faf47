import { Suspense } from "react";
import { IstioConfigList } from "@/components/istio-config/config-list";

export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Istio Config</h1>
      <Suspense>
        <IstioConfigList />
      </Suspense>
    </div>
  );
}
