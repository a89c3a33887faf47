import { Suspense } from "react";
import { WorkloadDetailView } from "@/components/inventory/detail/workload-detail";

export default async function WorkloadPage({ params }: { params: Promise<{ ns: string; name: string }> }) {
  const { ns, name } = await params;
  return (
    <Suspense>
      <WorkloadDetailView namespace={decodeURIComponent(ns)} name={decodeURIComponent(name)} />
    </Suspense>
  );
}
