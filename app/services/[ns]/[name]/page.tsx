import { Suspense } from "react";
import { ServiceDetailView } from "@/components/inventory/detail/service-detail";

export default async function ServicePage({ params }: { params: Promise<{ ns: string; name: string }> }) {
  const { ns, name } = await params;
  return (
    <Suspense>
      <ServiceDetailView namespace={decodeURIComponent(ns)} name={decodeURIComponent(name)} />
    </Suspense>
  );
}
